import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiKeysHttpController } from './api-keys.http.controller';
import { CreateApiKeyHandler } from './commands/create-api-key/create-api-key.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key/revoke-api-key.handler';
import { ListApiKeysHandler } from './queries/list-api-keys/list-api-keys.handler';

/** Admin endpoints for API keys. Needs the global AuthModule (repository, authenticator). */
@Module({
  imports: [CqrsModule],
  controllers: [ApiKeysHttpController],
  providers: [CreateApiKeyHandler, RevokeApiKeyHandler, ListApiKeysHandler],
})
export class ApiKeysModule {}
