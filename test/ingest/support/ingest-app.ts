import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnv } from '@sitrep/domain/config';
import { configureHttpApp } from '@sitrep/domain/http';
import { createTestApiKey, TestApiKey, testAppEnvironment } from '@sitrep/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../apps/ingest/src/app.module';
import { IngestEnvDto } from '../../../apps/ingest/src/config/env.dto';

export interface IngestTestApp {
  app: INestApplication;
  dataSource: DataSource;
  env: IngestEnvDto;
  /** A key with the ingest and read scopes. */
  apiKey: TestApiKey;
  close(): Promise<void>;
}

/** The real ingest app (test database, real Kafka), created like main.ts does, not listening. */
export async function startIngestApp(overrides: Record<string, string> = {}): Promise<IngestTestApp> {
  const env = loadEnv(
    IngestEnvDto,
    testAppEnvironment({
      DATABASE_MIGRATIONS_RUN: 'false',
      FEEDS_POLLING_ENABLED: 'false',
      OUTBOX_POLL_INTERVAL_MS: '100',
      ...overrides,
    }),
  );
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(env)] }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: ['error', 'warn'] });
  configureHttpApp(app);
  await app.init();
  const apiKey = await createTestApiKey(['ingest', 'read'], { name: 'ingest e2e' });
  return { app, dataSource: app.get(DataSource), env, apiKey, close: () => app.close() };
}

/**
 * Forgets the dedup records of earlier runs of these tests (their hosts are test-only), so that the
 * fixtures count as new again; the article rows stay.
 */
export async function forgetEarlierTestArticles(ctx: IngestTestApp): Promise<void> {
  await ctx.dataSource.query(
    `DELETE FROM article_dedup WHERE canonical_url LIKE 'https://e2e-ingest.test/%' OR canonical_url LIKE 'https://127.0.0.2:%'`,
  );
}
