import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import { ApiKeysetPageQuery, pageLimitParam } from '@sitrep/domain/http';
import { ALERTS_PAGE_SCHEMA, PROBLEM } from '../../alerts.openapi-schemas';
import { BadRequestException, Controller, Get, Headers, Inject, Query, Req, Res } from '@nestjs/common';
import { AlertRecord, AlertsRepository } from '@sitrep/persistence/alerts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ALERTS_OPTIONS } from '../alerts.di-tokens';
import { AlertsOptions } from '../alerts.options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEQ = /^\d{1,18}$/;
/** SSE comment sent while idle so that proxies keep the stream open. */
const KEEPALIVE_MS = 15_000;

const ruleIdOf = (value: string | undefined): string | undefined => {
  if (value !== undefined && !UUID.test(value)) throw new BadRequestException(['rule_id must be a UUID']);
  return value;
};

/** `GET /v1/alerts` (newest first, with deliveries) and `GET /v1/alerts/stream` (SSE, resumable). */
@ApiTags('alerts')
@RequireScopes('alerts')
@Controller('v1/alerts')
export class AlertsHttpController {
  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  @ApiOperation({ summary: 'Alerts, newest first, each with its webhook deliveries; cursor-paged' })
  @ApiKeysetPageQuery()
  @ApiQuery({ name: 'rule_id', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiOkResponse({ schema: ALERTS_PAGE_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @Get()
  async list(
    @Query('cursor') cursor?: string,
    @Query('limit') limitText?: string,
    @Query('rule_id') ruleIdText?: string,
  ) {
    if (cursor !== undefined && !SEQ.test(cursor)) throw new BadRequestException(['cursor is invalid']);
    const limit = pageLimitParam(limitText);
    const page = await this.alerts.alertsBefore(cursor ?? null, limit + 1, ruleIdOf(ruleIdText));
    const items = page.slice(0, limit);
    const deliveries = await this.alerts.deliveriesOf(items.map((a) => a.seq));
    return {
      items: items.map((alert) => ({
        ...this.view(alert),
        deliveries: deliveries
          .filter((d) => d.alert_seq === alert.seq)
          .map((d) => ({
            webhook_id: d.webhook_id,
            url: d.url,
            status: d.status,
            attempts: d.attempts,
            next_attempt_at: d.status === 'pending' ? d.next_attempt_at : null,
            delivered_at: d.delivered_at,
            last_error: d.last_error,
            log: d.log,
          })),
      })),
      next_cursor: page.length > limit ? items[items.length - 1].seq : null,
    };
  }

  /**
   * Server-Sent Events: one `alert` event per alert, `id` = its sequence in PostgreSQL. A client that
   * reconnects with `Last-Event-ID` (or `?last_event_id=`) gets every alert it missed, then live ones.
   */
  @ApiOperation({
    summary:
      'Server-Sent Events: one `alert` event per alert (id = its sequence); resumable with Last-Event-ID',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Replay every alert after this sequence',
  })
  @ApiQuery({ name: 'last_event_id', required: false, description: 'Same as Last-Event-ID' })
  @ApiQuery({ name: 'rule_id', required: false, schema: { type: 'string', format: 'uuid' } })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'An endless text/event-stream',
    content: {
      'text/event-stream': { schema: { type: 'string' }, example: 'event: alert\nid: 42\ndata: {...}\n\n' },
    },
  })
  @ApiBadRequestResponse(PROBLEM)
  @Get('stream')
  async stream(
    @Req() req: IncomingMessage,
    @Res() res: ServerResponse,
    @Headers('last-event-id') lastEventHeader?: string,
    @Query('last_event_id') lastEventQuery?: string,
    @Query('rule_id') ruleIdText?: string,
  ): Promise<void> {
    const from = lastEventHeader ?? lastEventQuery ?? null;
    if (from !== null && !SEQ.test(from))
      throw new BadRequestException(['Last-Event-ID must be an alert sequence']);
    const ruleId = ruleIdOf(ruleIdText);
    // Without Last-Event-ID a client starts at the present: only alerts from now on.
    let last = from ?? (await this.alerts.alertsBefore(null, 1, ruleId))[0]?.seq ?? '0';
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write(`retry: 2000\n\n`);

    let closed = false;
    let idleSince = Date.now();
    req.on('close', () => (closed = true));
    while (!closed) {
      const batch = await this.alerts.alertsAfter(last, 100, ruleId).catch(() => [] as AlertRecord[]);
      for (const alert of batch) {
        res.write(`id: ${alert.seq}\nevent: alert\ndata: ${JSON.stringify(this.view(alert))}\n\n`);
        last = alert.seq;
        idleSince = Date.now();
      }
      if (batch.length === 100) continue;
      if (Date.now() - idleSince > KEEPALIVE_MS) {
        res.write(`: keep-alive\n\n`);
        idleSince = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, this.options.ssePollMs));
    }
    res.end();
  }

  private view(alert: AlertRecord) {
    return {
      seq: alert.seq,
      id: alert.id,
      rule_id: alert.rule_id,
      cluster_id: alert.cluster_id,
      trigger: alert.trigger,
      level: alert.level,
      created_at: alert.created_at,
      body: alert.payload,
    };
  }
}
