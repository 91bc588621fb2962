import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { issueApiKey } from '@sitrep/auth';
import { ApiKeysRepository } from '@sitrep/persistence';
import { apiKeyViewOf, CreatedApiKeyDto } from '../../dto/api-key.response.dto';
import { CreateApiKeyCommand } from './create-api-key.command';

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(private readonly keys: ApiKeysRepository) {}

  async execute({ request }: CreateApiKeyCommand): Promise<CreatedApiKeyDto> {
    const issued = await issueApiKey(this.keys, request);
    return { ...apiKeyViewOf(issued.record), key: issued.key };
  }
}
