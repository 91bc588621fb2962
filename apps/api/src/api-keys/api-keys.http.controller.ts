import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  ValidationPipe,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import { decodeApiKeyCursor } from './api-keys.cursor';
import { CreateApiKeyCommand } from './commands/create-api-key/create-api-key.command';
import { RevokeApiKeyCommand } from './commands/revoke-api-key/revoke-api-key.command';
import { CreateApiKeyRequestDto, ListApiKeysRequestDto } from './dto/api-key.request.dto';
import { ApiKeyDto, ApiKeysPageDto, CreatedApiKeyDto } from './dto/api-key.response.dto';
import { ListApiKeysQuery } from './queries/list-api-keys/list-api-keys.query';

const validated = new ValidationPipe({ transform: true, whitelist: true, forbidNonWhitelisted: true });
const PROBLEM = { description: 'Problem details (application/problem+json)' };

/** API keys of every app, managed by an admin key. */
@ApiTags('api-keys')
@RequireScopes('admin')
@Controller('v1/api-keys')
export class ApiKeysHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a key; the answer shows the key itself, this once' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiBadRequestResponse(PROBLEM)
  create(@Body(validated) body: CreateApiKeyRequestDto): Promise<CreatedApiKeyDto> {
    return this.commands.execute(
      new CreateApiKeyCommand({
        name: body.name,
        scopes: body.scopes,
        rateLimitPerMinute: body.rate_limit_per_minute ?? null,
      }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Keys, newest first (revoked ones too), cursor-paged' })
  @ApiOkResponse({ type: ApiKeysPageDto })
  @ApiBadRequestResponse(PROBLEM)
  list(@Query(validated) query: ListApiKeysRequestDto): Promise<ApiKeysPageDto> {
    const afterId = query.cursor === undefined ? undefined : decodeApiKeyCursor(query.cursor);
    if (afterId === null) throw new BadRequestException('cursor is not a cursor this API returned');
    return this.queries.execute(new ListApiKeysQuery(query.limit, afterId));
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke a key: refused at once by this app, by the others within AUTH_KEY_CACHE_TTL_MS (10 s by default)',
  })
  @ApiOkResponse({ type: ApiKeyDto, description: 'The revoked key (revoking twice keeps the first time)' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string): Promise<ApiKeyDto> {
    const revoked = await this.commands.execute(new RevokeApiKeyCommand(id));
    if (!revoked) throw new NotFoundException(`No API key ${id}`);
    return revoked;
  }
}
