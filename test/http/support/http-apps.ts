import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnv } from '@sitrep/domain/config';
import {
  configureHttpApp,
  OPENAPI_DOCS_PATH,
  OPENAPI_JSON_PATH,
  OpenApiInfo,
  setupOpenApi,
} from '@sitrep/domain/http';
import { testAppEnvironment } from '@sitrep/testing';
import { AppModule as AlertsModule } from '../../../apps/alerts/src/app.module';
import { AlertsEnvDto } from '../../../apps/alerts/src/config/env.dto';
import { ALERTS_OPENAPI } from '../../../apps/alerts/src/openapi';
import { AppModule as ApiModule } from '../../../apps/api/src/app.module';
import { ApiEnvDto } from '../../../apps/api/src/config/env.dto';
import { API_OPENAPI } from '../../../apps/api/src/openapi';
import { AppModule as IngestModule } from '../../../apps/ingest/src/app.module';
import { IngestEnvDto } from '../../../apps/ingest/src/config/env.dto';
import { INGEST_OPENAPI } from '../../../apps/ingest/src/openapi';

export const HTTP_APPS = ['api', 'ingest', 'alerts'] as const;
export type HttpAppName = (typeof HTTP_APPS)[number];

// Relays, consumers and pollers off: these tests are about the HTTP surface.
const QUIET = {
  DATABASE_MIGRATIONS_RUN: 'false',
  OUTBOX_RELAY_ENABLED: 'false',
  ALERTS_CONSUMER_ENABLED: 'false',
  ALERTS_DELIVERY_ENABLED: 'false',
  FEEDS_POLLING_ENABLED: 'false',
};

const modules = {
  api: (env: Record<string, string>) => ApiModule.register(loadEnv(ApiEnvDto, env)),
  ingest: (env: Record<string, string>) => IngestModule.register(loadEnv(IngestEnvDto, env)),
  alerts: (env: Record<string, string>) => AlertsModule.register(loadEnv(AlertsEnvDto, env)),
};

const OPENAPI: Record<HttpAppName, OpenApiInfo> = {
  api: API_OPENAPI,
  ingest: INGEST_OPENAPI,
  alerts: ALERTS_OPENAPI,
};

/** One of the apps with HTTP endpoints, created like its main.ts does (test database, real engines), not listening. */
export async function startHttpApp(
  name: HttpAppName,
  overrides: Record<string, string> = {},
): Promise<INestApplication> {
  const env = testAppEnvironment({ ...QUIET, ...overrides });
  const moduleRef = await Test.createTestingModule({ imports: [modules[name](env)] }).compile();
  const app = moduleRef.createNestApplication({
    bodyParser: name !== 'ingest',
    logger: ['error', 'warn'],
  });
  configureHttpApp(app);
  setupOpenApi(app, OPENAPI[name]);
  await app.init();
  return app;
}

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * Every route the app's Express router serves, as `METHOD /path/{param}` (the OpenAPI spelling),
 * without the document and Swagger UI routes themselves.
 */
export function servedRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route || route.path.startsWith(`/${OPENAPI_DOCS_PATH}`) || route.path.startsWith('/v1/openapi.'))
      return [];
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    return Object.keys(route.methods)
      .filter((method) => method !== '_all')
      .map((method) => `${method.toUpperCase()} ${path}`);
  });
}

export { OPENAPI_JSON_PATH };
