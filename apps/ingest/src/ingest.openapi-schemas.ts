import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ARTICLE_LIMITS } from './articles/articles.limits';

/** JSON Schemas of the intake and feed bodies for the OpenAPI document (bodies are read by hand, not by @Body);
 * `nullable` becomes the 3.1 spelling in completeOpenApiDocument. */
const UUID: SchemaObject = { type: 'string', format: 'uuid' };
const NULLABLE_TIME: SchemaObject = { type: 'string', nullable: true, format: 'date-time' };

export const ARTICLE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['url', 'raw'],
  properties: {
    url: {
      type: 'string',
      format: 'uri',
      maxLength: ARTICLE_LIMITS.urlMaxLength,
      example: 'https://news.example/2024/05/14/drones',
    },
    raw: {
      type: 'string',
      maxLength: ARTICLE_LIMITS.rawMaxLength,
      description: 'HTML or plain text as fetched or pasted',
    },
    title: { type: 'string', maxLength: ARTICLE_LIMITS.titleMaxLength },
    published_at: { type: 'string', format: 'date-time', example: '2024-05-14T08:00:00Z' },
    language: { type: 'string', pattern: '^[a-z]{2}$', example: 'id', description: 'ISO 639-1' },
    source: {
      type: 'string',
      maxLength: ARTICLE_LIMITS.sourceMaxLength,
      description: "Outlet name; default: the URL's host",
    },
  },
  example: {
    url: 'https://news.example/2024/05/14/drones',
    raw: '<article><p>...</p></article>',
    language: 'en',
  },
};

export const BATCH_SCHEMA: SchemaObject = {
  oneOf: [
    {
      type: 'object',
      required: ['articles'],
      properties: {
        articles: {
          type: 'array',
          minItems: 1,
          maxItems: ARTICLE_LIMITS.batchMaxSize,
          items: ARTICLE_SCHEMA,
        },
      },
    },
    { type: 'array', minItems: 1, maxItems: ARTICLE_LIMITS.batchMaxSize, items: ARTICLE_SCHEMA },
  ],
};

export const SUBMIT_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    status: { type: 'string', enum: ['new', 'duplicate'] },
    dedup: {
      type: 'string',
      description: 'How it was matched: new, same URL, same content or near-duplicate',
    },
    story_id: UUID,
    duplicate_of: { type: 'string', nullable: true, format: 'uuid' },
    published: { type: 'boolean', description: 'Whether an articles.ingested event goes out for it' },
  },
  example: {
    id: '9b2c6f0e-3d1a-4c5e-8f7a-1b2c3d4e5f60',
    status: 'new',
    dedup: 'new',
    story_id: '9b2c6f0e-3d1a-4c5e-8f7a-1b2c3d4e5f60',
    duplicate_of: null,
    published: true,
  },
};

export const BATCH_RESULT_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    accepted: { type: 'integer' },
    new: { type: 'integer' },
    duplicates: { type: 'integer' },
    results: { type: 'array', items: SUBMIT_RESULT_SCHEMA },
  },
};

export const ARTICLE_VIEW_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    url: { type: 'string' },
    canonical_url: { type: 'string' },
    title: { type: 'string', nullable: true },
    language: { type: 'string', nullable: true },
    published_at: NULLABLE_TIME,
    source: { type: 'string', nullable: true },
    received_at: { type: 'string', format: 'date-time' },
    raw_length: { type: 'integer' },
    dedup: {
      type: 'object',
      nullable: true,
      description: 'kind, story_id, duplicate_of, distance, content_hash, simhash, feed_id, story_copies',
    },
    processing: {
      type: 'object',
      properties: {
        state: { type: 'string', description: 'received, extracted or failed' },
        event: { type: 'string', enum: ['queued', 'published', 'not_published'] },
        event_sent_at: NULLABLE_TIME,
        publish_attempts: { type: 'integer' },
        last_error: { type: 'string', nullable: true },
      },
    },
  },
};

export const FEED_REGISTER_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['url'],
  properties: {
    url: {
      type: 'string',
      format: 'uri',
      maxLength: 2048,
      description: 'RSS 2.0, Atom or JSON Feed address',
    },
    interval_seconds: {
      type: 'integer',
      minimum: 1,
      maximum: 604800,
      description: 'At least FEEDS_MIN_INTERVAL_SECONDS',
    },
    title: { type: 'string', maxLength: 500 },
  },
  example: { url: 'https://news.example/rss.xml', interval_seconds: 900 },
};

export const FEED_UPDATE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['active', 'paused'] },
    interval_seconds: { type: 'integer', minimum: 1, maximum: 604800 },
  },
  example: { status: 'paused' },
};

export const FEED_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    id: UUID,
    url: { type: 'string' },
    title: { type: 'string', nullable: true },
    format: { type: 'string', nullable: true, description: 'rss, atom or json once polled' },
    status: { type: 'string', enum: ['active', 'paused'] },
    interval_seconds: { type: 'integer' },
    next_poll_at: { type: 'string', format: 'date-time' },
    last_polled_at: NULLABLE_TIME,
    last_success_at: NULLABLE_TIME,
    last_error: {
      type: 'object',
      nullable: true,
      properties: {
        at: { type: 'string' },
        code: { type: 'string', nullable: true },
        message: { type: 'string', nullable: true },
      },
    },
    consecutive_failures: { type: 'integer' },
    counts: {
      type: 'object',
      properties: {
        items_seen: { type: 'integer' },
        articles_new: { type: 'integer' },
        articles_duplicate: { type: 'integer' },
        items_failed: { type: 'integer' },
      },
    },
    created_at: { type: 'string', format: 'date-time' },
  },
};

export const FEED_LIST_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    items: { type: 'array', items: FEED_SCHEMA },
    next_cursor: { type: 'string', nullable: true },
  },
};

export const PROBLEM = { description: 'Problem details (application/problem+json)' };
