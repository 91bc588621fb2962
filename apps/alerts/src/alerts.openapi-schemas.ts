import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** JSON Schemas of the alerts app's answers for the OpenAPI document (`nullable` becomes the 3.1 spelling). */
export const ALERT_RULE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    filter: { type: 'object', description: 'As sent (see AlertRuleFilterDto)' },
    triggers: { type: 'object', description: 'As sent (see AlertRuleTriggersDto)' },
    channel: {
      type: 'object',
      properties: {
        type: { type: 'string', enum: ['webhook', 'sse'] },
        url: { type: 'string' },
        secret: { type: 'string', description: 'Only when just created or rotated (whsec_...)' },
      },
    },
    ready_made: { type: 'boolean' },
    created_at: { type: 'string', format: 'date-time' },
    updated_at: { type: 'string', format: 'date-time' },
  },
};

export const ALERT_RULES_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: ALERT_RULE_SCHEMA },
    next_cursor: { type: 'string', nullable: true },
  },
};

export const ALERTS_PAGE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          seq: { type: 'string', description: 'Sequence (cursor and SSE id)' },
          id: { type: 'string', format: 'uuid' },
          rule_id: { type: 'string', format: 'uuid' },
          cluster_id: { type: 'string' },
          trigger: { type: 'string' },
          body: { type: 'object', description: 'The alert body (README "Alert body")' },
          deliveries: { type: 'array', items: { type: 'object' } },
        },
      },
    },
    next_cursor: { type: 'string', nullable: true },
  },
};

export const PROBLEM = { description: 'Problem details (application/problem+json)' };
