import { Command } from '@nestjs/cqrs';
import type { ApiKeyDto } from '../../dto/api-key.response.dto';

/** Revokes a key (idempotent); null when there is no such key. */
export class RevokeApiKeyCommand extends Command<ApiKeyDto | null> {
  constructor(readonly id: string) {
    super();
  }
}
