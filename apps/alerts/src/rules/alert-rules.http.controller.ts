import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { RequireScopes } from '@sitrep/auth';
import {
  ApiKeysetPageQuery,
  createdCursorParam,
  encodeCreatedCursor,
  keysetPage,
  pageLimitParam,
} from '@sitrep/domain/http';
import { ALERT_RULE_SCHEMA, ALERT_RULES_SCHEMA, PROBLEM } from '../alerts.openapi-schemas';
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
  Patch,
  Post,
  Query,
  UsePipes,
  ValidationPipe,
} from '@nestjs/common';
import { generateWebhookSecret } from '@sitrep/outbound/webhooks';
import { AlertRuleFilter, AlertRuleRecord, AlertsRepository } from '@sitrep/persistence/alerts';
import { randomUUID } from 'node:crypto';
import { AlertChannelDto, CreateAlertRuleDto, UpdateAlertRuleDto } from './alert-rule.dto';
import { clusterFactsOf, matchesFilter } from './alert-rule.matcher';
import { reasonsRuleCannotMatch } from './alert-rule.validator';

/** A rule as the API shows it: the secret only when it was just created or rotated. */
export interface AlertRuleView {
  id: string;
  name: string;
  filter: AlertRuleFilter;
  triggers: AlertRuleRecord['triggers'];
  channel: { type: 'webhook' | 'sse'; url?: string; secret?: string };
  ready_made: boolean;
  created_at: string;
  updated_at: string;
}

const viewOf = (rule: AlertRuleRecord, revealSecret = false): AlertRuleView => ({
  id: rule.id,
  name: rule.name,
  filter: rule.filter,
  triggers: rule.triggers,
  channel:
    rule.channel === 'webhook'
      ? {
          type: 'webhook',
          url: rule.webhook_url ?? undefined,
          ...(revealSecret ? { secret: rule.webhook_secret ?? undefined } : {}),
        }
      : { type: 'sse' },
  ready_made: rule.ready_made,
  created_at: rule.created_at,
  updated_at: rule.updated_at,
});

/** Drops undefined fields so that stored JSON only says what the analyst set. */
const compact = <T extends object>(value: T | undefined): T =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as T;

/** How many of the latest events a rule's dry run looks at. */
export const RULE_TEST_WINDOW = 500;

/** What a dry run of a rule found. */
export interface RuleTestView {
  checked: number;
  matches: Array<{ id: string; type: string; source: string | null; target: string | null }>;
}

/** How long a rotated-out secret keeps signing beside the new one. */
const SECRET_OVERLAP_MS = 24 * 3600 * 1000;

const refuseUnmatchable = (filter: AlertRuleFilter): void => {
  const reasons = reasonsRuleCannotMatch(filter);
  if (reasons.length > 0) throw new BadRequestException(reasons);
};

const refuseBadChannel = (channel: AlertChannelDto): void => {
  if (channel.type === 'webhook' && !channel.url)
    throw new BadRequestException(['channel.url is required for a webhook']);
};

/** `/v1/alert-rules`: analysts' rules; refused with a reason (400 problem+json) when they can never match. */
@ApiTags('alert-rules')
@RequireScopes('alerts')
@Controller('v1/alert-rules')
@UsePipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }))
export class AlertRulesHttpController {
  constructor(private readonly alerts: AlertsRepository) {}

  @ApiOperation({ summary: 'Create a rule; refused (400, with the reasons) when it can never match' })
  @ApiCreatedResponse({
    schema: ALERT_RULE_SCHEMA,
    description: 'The rule, with its webhook secret this once',
  })
  @ApiBadRequestResponse(PROBLEM)
  @Post()
  async create(@Body() dto: CreateAlertRuleDto): Promise<AlertRuleView> {
    const filter = compact(dto.filter);
    refuseUnmatchable(filter);
    refuseBadChannel(dto.channel);
    const webhook = dto.channel.type === 'webhook';
    const rule = await this.alerts.saveRule({
      id: randomUUID(),
      name: dto.name,
      filter,
      triggers: compact(dto.triggers),
      channel: dto.channel.type,
      webhook_url: webhook ? (dto.channel.url ?? null) : null,
      webhook_secret: webhook ? generateWebhookSecret() : null,
      ready_made: false,
    });
    return viewOf(rule, true);
  }

  /**
   * Dry run: validates a rule exactly like POST (the same 400 reasons) and answers which of the latest
   * events it would match, without saving anything.
   */
  @ApiOperation({
    summary: 'Dry run: which of the latest 500 events a rule would match (validated like POST)',
  })
  @Post('test')
  @HttpCode(200)
  async test(@Body() dto: CreateAlertRuleDto): Promise<RuleTestView> {
    const filter = compact(dto.filter);
    refuseUnmatchable(filter);
    refuseBadChannel(dto.channel);
    const clusters = await this.alerts.recentClusters(RULE_TEST_WINDOW);
    const matches = clusters
      .filter((row) => matchesFilter(filter, clusterFactsOf(row)))
      .map((row) => ({
        id: row.id,
        type: String(row.summary.type),
        source: (row.summary.source as string | null) ?? null,
        target: (row.summary.target as string | null) ?? null,
      }));
    return { checked: clusters.length, matches };
  }

  @ApiOperation({ summary: 'Every rule, oldest first' })
  @ApiOperation({ summary: 'Rules, oldest first, cursor-paged' })
  @ApiOkResponse({ schema: ALERT_RULES_SCHEMA })
  @Get()
  @ApiKeysetPageQuery()
  @ApiBadRequestResponse(PROBLEM)
  async list(
    @Query('limit') limitText?: string,
    @Query('cursor') cursor?: string,
  ): Promise<{ items: AlertRuleView[]; next_cursor: string | null }> {
    const limit = pageLimitParam(limitText);
    const rows = await this.alerts.listRulesPage(limit + 1, createdCursorParam(cursor));
    return keysetPage(
      rows,
      limit,
      ({ rule }) => viewOf(rule),
      (row) => encodeCreatedCursor(row.createdMicros, row.rule.id),
    );
  }

  @ApiOperation({ summary: 'One rule' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: ALERT_RULE_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AlertRuleView> {
    return viewOf(await this.found(id));
  }

  /** Changes the given fields; a rule moved to a webhook gets a secret, returned once. */
  @ApiOperation({ summary: 'Change the given fields of a rule' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: ALERT_RULE_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Patch(':id')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAlertRuleDto,
  ): Promise<AlertRuleView> {
    const rule = await this.found(id);
    const filter = dto.filter ? compact(dto.filter) : rule.filter;
    refuseUnmatchable(filter);
    if (dto.channel) refuseBadChannel(dto.channel);
    const channel = dto.channel?.type ?? rule.channel;
    const newSecret = channel === 'webhook' && !rule.webhook_secret;
    const saved = await this.alerts.saveRule({
      ...rule,
      name: dto.name ?? rule.name,
      filter,
      triggers: dto.triggers ? compact(dto.triggers) : rule.triggers,
      channel,
      webhook_url: channel === 'webhook' ? (dto.channel?.url ?? rule.webhook_url) : null,
      webhook_secret: channel === 'webhook' ? (rule.webhook_secret ?? generateWebhookSecret()) : null,
    });
    return viewOf(saved, newSecret);
  }

  /** Replaces the webhook secret (returned once); the old one also signs for 24 h so receivers can switch. */
  @ApiOperation({ summary: 'Replace the webhook secret (returned once); the old one also signs for 24 h' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: ALERT_RULE_SCHEMA })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Post(':id/rotate-secret')
  @HttpCode(200)
  async rotateSecret(@Param('id', ParseUUIDPipe) id: string): Promise<AlertRuleView> {
    const rule = await this.found(id);
    if (rule.channel !== 'webhook') throw new BadRequestException(['the rule has no webhook to sign for']);
    const rotated = await this.alerts.rotateSecret(rule.id, generateWebhookSecret(), SECRET_OVERLAP_MS);
    if (!rotated) throw new NotFoundException(`no alert rule ${id}`);
    return viewOf(rotated, true);
  }

  @ApiOperation({ summary: 'Delete a rule and its alerts' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse(PROBLEM)
  @ApiNotFoundResponse(PROBLEM)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.alerts.deleteRule(id))) throw new NotFoundException(`no alert rule ${id}`);
  }

  private async found(id: string): Promise<AlertRuleRecord> {
    const rule = await this.alerts.findRule(id);
    if (!rule) throw new NotFoundException(`no alert rule ${id}`);
    return rule;
  }
}
