import { Command } from '@nestjs/cqrs';
import { ApiKeyRequest } from '@sitrep/auth';
import type { CreatedApiKeyDto } from '../../dto/api-key.response.dto';

/** Creates a key; the answer holds the key itself, this once. */
export class CreateApiKeyCommand extends Command<CreatedApiKeyDto> {
  constructor(readonly request: ApiKeyRequest) {
    super();
  }
}
