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
  Req,
} from '@nestjs/common';
import { RequestWithContext } from '@sitrep/domain/http';
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

/** Register, list, pause/resume, poll now and delete feeds; polling itself runs in FeedPollerService. */
@RequireScopes('ingest')
@Controller('v1/feeds')
export class FeedsHttpController {
  constructor(
    private readonly feeds: FeedRepository,
    @Inject(SAFE_HTTP_CLIENT) private readonly http: SafeHttpClient,
    @Inject(INGEST_SETTINGS) private readonly ingest: IngestSettings,
    @Inject(FEED_SETTINGS) private readonly settings: FeedSettings,
  ) {}

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

  @Get()
  async list() {
    const feeds = await this.feeds.list();
    return { feeds: feeds.map(toFeedResponse) };
  }

  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const feed = await this.feeds.findById(id);
    if (!feed) throw new NotFoundException(`feed ${id} not found`);
    return toFeedResponse(feed);
  }

  /** Pause or resume (`status`) and change the interval. */
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
  @Post(':id/poll')
  @HttpCode(HttpStatus.ACCEPTED)
  async pollNow(@Param('id', new ParseUUIDPipe()) id: string) {
    const feed = await this.feeds.update(id, { pollNow: true });
    if (!feed) throw new NotFoundException(`feed ${id} not found`);
    return toFeedResponse(feed);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    if (!(await this.feeds.delete(id))) throw new NotFoundException(`feed ${id} not found`);
  }
}
