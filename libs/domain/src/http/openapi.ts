import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { PROBLEM_JSON } from './problem-details.filter';

/** Where every HTTP app serves its OpenAPI document and its interactive docs. */
export const OPENAPI_JSON_PATH = '/v1/openapi.json';
export const OPENAPI_DOCS_PATH = 'docs';
export const OPENAPI_VERSION = '3.1.0';

/** Marks an operation as callable without a key (set by `@Public()`, turned into `security: []`). */
export const OPENAPI_PUBLIC_EXTENSION = 'x-sitrep-public';

export interface OpenApiInfo {
  title: string;
  description: string;
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details, with the ids that find the request in the logs',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: { type: 'string', example: 'about:blank' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The request path' },
    requestId: { type: 'string', description: 'X-Request-Id of the request' },
    correlationId: {
      type: 'string',
      description: 'X-Correlation-Id (the request id unless the client sent one)',
    },
    errors: { type: 'array', items: { type: 'string' }, description: 'Every validation message' },
  },
};

const PROBLEM_DETAILS: Record<number, string> = {
  400: 'limit must not be greater than 200',
  401: 'An API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>"',
  403: 'This route needs the read scope; the key has ingest',
  404: 'No such resource',
  409: 'The resource changed meanwhile',
  413: 'The body is larger than the limit',
  415: 'Unsupported media type',
  429: 'This key may make 600 requests per minute; retry after 12 s',
  500: 'An unexpected error occurred. Quote the request id when you report it.',
  503: 'A dependency is unavailable',
};

const problemContent = (status: number) => ({
  [PROBLEM_JSON]: {
    schema: { $ref: '#/components/schemas/ProblemDetails' },
    example: {
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail: PROBLEM_DETAILS[status] ?? STATUS_CODES[status] ?? 'Error',
      instance: '/v1/example',
      requestId: '4b0f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f',
      correlationId: '4b0f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f',
    },
  },
});

const SECURED_RESPONSES: Record<string, string> = {
  '401': 'No API key, or an unknown or revoked one (with `WWW-Authenticate: Bearer`)',
  '403': "The key lacks the route's scope",
  '429': "Over the key's rate limit (with `Retry-After`, seconds)",
};

type Operation = {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { description?: string; content?: unknown; headers?: Record<string, unknown> }>;
  [extension: string]: unknown;
};

/**
 * @nestjs/swagger 11 writes OpenAPI 3.0's `nullable: true` even in a 3.1 document, where JSON Schema
 * 2020-12 ignores it: spell it the 3.1 way (`type: [t, 'null']`, or a `null` alternative).
 */
function nullableTo31(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(nullableTo31);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  Object.values(schema).forEach(nullableTo31);
  if (!('nullable' in schema)) return;
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) return;
  if (typeof schema.type === 'string' && !schema.allOf && !schema.$ref) {
    schema.type = [schema.type, 'null'];
    if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
    return;
  }
  const alternative: Record<string, unknown> = {};
  for (const key of ['$ref', 'allOf', 'type', 'properties', 'items', 'enum']) {
    if (key in schema) {
      alternative[key] = schema[key];
      delete schema[key];
    }
  }
  schema.anyOf = [alternative, { type: 'null' }];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/**
 * What the decorators leave out, the same way for every operation: public operations say
 * `security: []`; secured ones list 401, 403 and 429; every error response is problem+json with an
 * example; every response names the X-Request-Id header.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...(document.components.schemas ?? {}), ProblemDetails: PROBLEM_SCHEMA };
  document.components.headers = {
    ...(document.components.headers ?? {}),
    'X-Request-Id': {
      description:
        "The request's id (the client's X-Request-Id when it is a short plain token, else a new UUID)",
      schema: { type: 'string' },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (operation[OPENAPI_PUBLIC_EXTENSION]) {
        delete operation[OPENAPI_PUBLIC_EXTENSION];
        operation.security = [];
      } else if (operation.security?.length) {
        for (const [status, description] of Object.entries(SECURED_RESPONSES))
          operation.responses[status] ??= { description };
      }
      operation.responses['500'] ??= { description: 'Unexpected error (details only in the logs)' };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && !response.content) response.content = problemContent(Number(status));
        response.headers = {
          ...(response.headers ?? {}),
          'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
        };
        if (status === '429')
          response.headers['Retry-After'] = { description: 'Seconds to wait', schema: { type: 'integer' } };
        if (status === '401')
          response.headers['WWW-Authenticate'] = {
            schema: { type: 'string', example: 'Bearer realm="sitrep"' },
          };
      }
    }
  }
  nullableTo31(document);
  return document;
}

/** The app's OpenAPI 3.1 document, generated from its controllers and DTOs. */
export function createOpenApiDocument(app: INestApplication, info: OpenApiInfo): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion(OPENAPI_VERSION)
    .setTitle(info.title)
    .setDescription(
      `${info.description}\n\nEvery route but /health needs an API key, sent as \`Authorization: Bearer <key>\` ` +
        'or `X-API-Key: <key>`. Errors are RFC 9457 problem+json; every response carries X-Request-Id.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key as a bearer token' }, 'bearer')
    .addApiKey(
      { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'The same API key' },
      'api-key',
    )
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config));
}

/** Serves the document at /v1/openapi.json and Swagger UI at /docs (both open: the document holds no secret). */
export function setupOpenApi(app: INestApplication, info: OpenApiInfo): void {
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, () => createOpenApiDocument(app, info), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: '/v1/openapi.yaml',
  });
}
