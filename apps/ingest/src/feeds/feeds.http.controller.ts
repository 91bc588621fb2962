import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import {
  BadRequestException,
  ConflictException,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiKeysetPageQuery,
  createdCursorParam,
  encodeCreatedCursor,
  keysetPage,
  pageLimitParam,
  RequestWithContext,
} from '@sitrep/domain/http';
import { OutboundError, SafeHttpClient } from '@sitrep/outbound';
import { FeedRepository } from '@sitrep/persistence';
import { randomUUID } from 'node:crypto';
import { readRequestBody } from '../articles/read-request-body';
import { validateDto } from '../articles/validate-dto';
import {
  FEED_SETTINGS,
  FeedSettings,
  INGEST_SETTINGS,
  IngestSettings,
  SAFE_HTTP_CLIENT,
} from '../ingest.settings';
import { toFeedResponse } from './dto/feed.response.dto';
import { RegisterFeedRequestDto } from './dto/register-feed.request.dto';
import { UpdateFeedRequestDto } from './dto/update-feed.request.dto';
import {
  FEED_LIST_SCHEMA,
  FEED_REGISTER_SCHEMA,
  FEED_SCHEMA,
  FEED_UPDATE_SCHEMA,
  PROBLEM,
} from '../ingest.openapi-schemas';

/** Register, list, pause/resume, poll now and delete feeds; polling itself runs in FeedPollerService. */
@ApiTags('feeds')
@RequireScopes('ingest')
@Controller('v1/feeds')
export class FeedsHttpController {
  constructor(
    private readonly feeds: FeedRepository,
    @Inject(SAFE_HTTP_CLIENT) private readonly http: SafeHttpClient,
    @Inject(INGEST_SETTINGS) private readonly ingest: IngestSettings,
    @Inject(FEED_SETTINGS) private readonly settings: FeedSettings,
  ) {}

  @ApiOperation({ summary: 'Register a feed (RSS 2.0, Atom, JSON Feed); it is fetched once to check it' })
  @ApiBody({ schema: FEED_REGISTER_SCHEMA })
  @ApiCreatedResponse({ schema: FEED_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiConflictResponse(PROBLEM)
  @ApiUnsupportedMediaTypeResponse(PROBLEM)
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async register(@Req() req: RequestWithContext) {
    const body = await readRequestBody(req, this.ingest.maxBodyBytes, ['json']);
    const dto = await validateDto(RegisterFeedRequestDto, body.value);
    const interval = dto.interval_seconds ?? this.settings.defaultIntervalSeconds;
    if (interval < this.settings.minIntervalSeconds) {
      throw new BadRequestException({
        message: [`interval_seconds must not be less than ${this.settings.minIntervalSeconds}`],
      });
    }
    try {
      // Refuse what can be refused without DNS (scheme, literal private addresses) at registration already.
      this.http.assertAllowedUrl(dto.url);
    } catch (e) {
      if (e instanceof OutboundError) throw new BadRequestException({ message: [`url: ${e.message}`] });
      throw e;
    }
    const feed = await this.feeds.create({
      id: randomUUID(),
      url: dto.url,
      title: dto.title ?? null,
      intervalSeconds: interval,
    });
    if (!feed) throw new ConflictException(`feed ${dto.url} is already registered`);
    return toFeedResponse(feed);
  }

  @ApiOperation({ summary: 'Registered feeds, oldest first, cursor-paged' })
  @ApiKeysetPageQuery()
  @ApiBadRequestResponse(PROBLEM)
  @ApiOkResponse({ schema: FEED_LIST_SCHEMA })
  @Get()
  async list(@Query('limit') limitText?: string, @Query('cursor') cursor?: string) {
    const limit = pageLimitParam(limitText);
    const rows = await this.feeds.listPage(limit + 1, createdCursorParam(cursor));
    return keysetPage(
      rows,
      limit,
      ({ feed }) => toFeedResponse(feed),
      (row) => encodeCreatedCursor(row.createdMicros, row.feed.id),
    );
  }

  @ApiOperation({ summary: 'One feed with its polling state and counts' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: FEED_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const feed = await this.feeds.findById(id);
    if (!feed) throw new NotFoundException(`feed ${id} not found`);
    return toFeedResponse(feed);
  }

  /** Pause or resume (`status`) and change the interval. */
  @ApiOperation({ summary: 'Pause or resume a feed, or change its interval' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ schema: FEED_UPDATE_SCHEMA })
  @ApiOkResponse({ schema: FEED_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @ApiUnsupportedMediaTypeResponse(PROBLEM)
  @Patch(':id')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: RequestWithContext) {
    const body = await readRequestBody(req, this.ingest.maxBodyBytes, ['json']);
    const dto = await validateDto(UpdateFeedRequestDto, body.value);
    if (dto.interval_seconds !== undefined && dto.interval_seconds < this.settings.minIntervalSeconds) {
      throw new BadRequestException({
        message: [`interval_seconds must not be less than ${this.settings.minIntervalSeconds}`],
      });
    }
    const feed = await this.feeds.update(id, { status: dto.status, intervalSeconds: dto.interval_seconds });
    if (!feed) throw new NotFoundException(`feed ${id} not found`);
    return toFeedResponse(feed);
  }

  /** Makes the feed due now; the next poller tick takes it. */
  @ApiOperation({ summary: 'Poll a feed now (the next poller tick takes it)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAcceptedResponse({ schema: FEED_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Post(':id/poll')
  @HttpCode(HttpStatus.ACCEPTED)
  async pollNow(@Param('id', new ParseUUIDPipe()) id: string) {
    const feed = await this.feeds.update(id, { pollNow: true });
    if (!feed) throw new NotFoundException(`feed ${id} not found`);
    return toFeedResponse(feed);
  }

  @ApiOperation({ summary: 'Delete a feed (its articles stay)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.feeds.delete(id))) throw new NotFoundException(`feed ${id} not found`);
  }
}
