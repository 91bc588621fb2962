import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiKeyAuthenticator } from '@sitrep/auth';
import { ApiKeysRepository } from '@sitrep/persistence';
import { ApiKeyDto, apiKeyViewOf } from '../../dto/api-key.response.dto';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async execute({ id }: RevokeApiKeyCommand): Promise<ApiKeyDto | null> {
    const revoked = await this.keys.revoke(id);
    // Refused here at once; the other apps refuse it when their cache entry expires.
    this.authenticator.forget(id);
    return revoked ? apiKeyViewOf(revoked) : null;
  }
}
