/**
 * `npm run openapi`: writes the OpenAPI 3.1 document of every app with HTTP endpoints to
 * docs/openapi/<app>.json, from the code alone (Nest's preview mode: no engine is contacted).
 * `npm run openapi -- --check` fails when a checked-in document differs from the code.
 * The e2e test test/http/openapi.e2e-spec.ts compares the same files with what the running apps serve.
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadEnv } from '@sitrep/domain/config';
import { createOpenApiDocument, OpenApiInfo } from '@sitrep/domain/http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule as AlertsModule } from '../apps/alerts/src/app.module';
import { AlertsEnvDto } from '../apps/alerts/src/config/env.dto';
import { ALERTS_OPENAPI } from '../apps/alerts/src/openapi';
import { AppModule as ApiModule } from '../apps/api/src/app.module';
import { ApiEnvDto } from '../apps/api/src/config/env.dto';
import { API_OPENAPI } from '../apps/api/src/openapi';
import { AppModule as IngestModule } from '../apps/ingest/src/app.module';
import { IngestEnvDto } from '../apps/ingest/src/config/env.dto';
import { INGEST_OPENAPI } from '../apps/ingest/src/openapi';

const OUT_DIR = join(__dirname, '..', 'docs', 'openapi');

const APPS: Array<{ name: string; module: () => unknown; info: OpenApiInfo }> = [
  { name: 'api', module: () => ApiModule.register(loadEnv(ApiEnvDto, {})), info: API_OPENAPI },
  { name: 'ingest', module: () => IngestModule.register(loadEnv(IngestEnvDto, {})), info: INGEST_OPENAPI },
  { name: 'alerts', module: () => AlertsModule.register(loadEnv(AlertsEnvDto, {})), info: ALERTS_OPENAPI },
];

/** The document as checked in: two-space JSON and a final newline. */
export const serializeOpenApi = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  mkdirSync(OUT_DIR, { recursive: true });
  const stale: string[] = [];
  for (const app of APPS) {
    const nest = (await NestFactory.create(app.module() as never, {
      preview: true,
      logger: false,
      abortOnError: false,
    })) as INestApplication;
    const text = serializeOpenApi(createOpenApiDocument(nest, app.info));
    await nest.close();
    const file = join(OUT_DIR, `${app.name}.json`);
    if (check) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) stale.push(file);
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file}`);
    }
  }
  if (stale.length > 0) {
    console.error(`out of date (run npm run openapi): ${stale.join(', ')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`openapi failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
