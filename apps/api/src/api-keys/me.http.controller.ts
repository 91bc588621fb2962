import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequestWithApiKey, RequireScopes } from '@sitrep/auth';

export class CurrentApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String], example: ['read'] }) scopes: string[];
}

/** Who the caller is: the workspace signs in with a key and shows only what its scopes allow. */
@ApiTags('api-keys')
@Controller('v1/auth')
export class MeHttpController {
  @Get('me')
  @RequireScopes('read', 'ingest', 'alerts', 'admin')
  @ApiOperation({ summary: 'The calling key: its name and scopes (any valid key)' })
  @ApiOkResponse({ type: CurrentApiKeyDto })
  me(@Req() req: RequestWithApiKey): CurrentApiKeyDto {
    const key = req.apiKey!;
    return { id: key.id, name: key.name, scopes: key.scopes };
  }
}
