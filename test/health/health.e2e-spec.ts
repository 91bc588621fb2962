/**
 * Each app's GET /health reports the engines it needs and turns 503 when one of them stops. The test
 * really stops Kafka and Elasticsearch with infra/local and starts them again, in afterAll too.
 */
import { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnv } from '@sitrep/domain/config';
import { configureHttpApp } from '@sitrep/domain/http';
import { SearchIndexInstaller, sitrepIndexDefinitions } from '@sitrep/search';
import {
  Engine,
  infraLocal,
  quietNestLogs,
  testAppEnvironment,
  testElasticsearchUrl,
  waitUntil,
} from '@sitrep/testing';
import { Client } from '@elastic/elasticsearch';
import request from 'supertest';
import { AppModule as AlertsModule } from '../../apps/alerts/src/app.module';
import { AlertsEnvDto } from '../../apps/alerts/src/config/env.dto';
import { AppModule as ApiModule } from '../../apps/api/src/app.module';
import { ApiEnvDto } from '../../apps/api/src/config/env.dto';
import { AppModule as ExtractorModule } from '../../apps/extractor/src/app.module';
import { ExtractorEnvDto } from '../../apps/extractor/src/config/env.dto';
import { AppModule as IndexerModule } from '../../apps/indexer/src/app.module';
import { IndexerEnvDto } from '../../apps/indexer/src/config/env.dto';
import { AppModule as IngestModule } from '../../apps/ingest/src/app.module';
import { IngestEnvDto } from '../../apps/ingest/src/config/env.dto';

jest.setTimeout(360_000);

type Dependency = 'postgres' | 'kafka' | 'elasticsearch';
interface AppUnderTest {
  name: string;
  dependencies: Dependency[];
  module: () => DynamicModule;
  app?: INestApplication;
}

// Relays, consumers and pollers stay off: this test is about health, not about the pipeline.
const env = testAppEnvironment({
  OUTBOX_RELAY_ENABLED: 'false',
  EXTRACTOR_CONSUMER_ENABLED: 'false',
  INDEXER_CONSUMER_ENABLED: 'false',
  ALERTS_CONSUMER_ENABLED: 'false',
  ALERTS_DELIVERY_ENABLED: 'false',
  FEEDS_POLLING_ENABLED: 'false',
});

const APPS: AppUnderTest[] = [
  {
    name: 'api',
    dependencies: ['postgres', 'elasticsearch'],
    module: () => ApiModule.register(loadEnv(ApiEnvDto, env)),
  },
  {
    name: 'ingest',
    dependencies: ['postgres', 'kafka'],
    module: () => IngestModule.register(loadEnv(IngestEnvDto, env)),
  },
  {
    name: 'extractor',
    dependencies: ['postgres', 'kafka'],
    module: () => ExtractorModule.register(loadEnv(ExtractorEnvDto, env)),
  },
  {
    name: 'indexer',
    dependencies: ['postgres', 'kafka', 'elasticsearch'],
    module: () => IndexerModule.register(loadEnv(IndexerEnvDto, env)),
  },
  {
    name: 'alerts',
    dependencies: ['postgres', 'kafka'],
    module: () => AlertsModule.register(loadEnv(AlertsEnvDto, env)),
  },
];

interface HealthBody {
  status: 'ok' | 'error';
  details: Record<string, { status: 'up' | 'down'; message?: string }>;
}

async function health(app: AppUnderTest): Promise<{ status: number; body: HealthBody }> {
  if (!app.app) throw new Error(`${app.name} is not running`);
  const res = await request(app.app.getHttpServer()).get('/health');
  return { status: res.status, body: res.body as HealthBody };
}

/** Waits until every app answers what it should with `stopped` down: 503 naming it where it is needed, else 200. */
async function expectHealthWith(stopped: Dependency | null): Promise<void> {
  for (const app of APPS) {
    const affected = stopped !== null && app.dependencies.includes(stopped);
    await waitUntil(
      async () => (await health(app)).status === (affected ? 503 : 200),
      `${app.name} /health to answer ${affected ? 503 : 200} with ${stopped ?? 'nothing'} stopped`,
      affected ? 30_000 : 120_000,
    );
    const { body } = await health(app);
    expect({ app: app.name, reported: Object.keys(body.details).sort() }).toEqual({
      app: app.name,
      reported: [...app.dependencies].sort(),
    });
    for (const dependency of app.dependencies) {
      const expected = dependency === stopped ? 'down' : 'up';
      expect({ app: app.name, dependency, status: body.details[dependency].status }).toEqual({
        app: app.name,
        dependency,
        status: expected,
      });
    }
  }
}

describe('GET /health', () => {
  const stopped = new Set<Engine>();
  quietNestLogs();

  beforeAll(async () => {
    for (const app of APPS) {
      const moduleRef = await Test.createTestingModule({ imports: [app.module()] }).compile();
      app.app = configureHttpApp(moduleRef.createNestApplication({ logger: ['fatal'] }));
      await app.app.init();
    }
  });

  afterAll(async () => {
    // Whatever happened above, the engines are running again for whoever comes next.
    if (stopped.size > 0) infraLocal('up', ...stopped);
    for (const app of APPS) await app.app?.close();
    const client = new Client({ node: testElasticsearchUrl() });
    await new SearchIndexInstaller(client).uninstall(sitrepIndexDefinitions(env.ELASTICSEARCH_INDEX_PREFIX));
    await client.close();
  });

  it('should report every engine each app needs as up', async () => {
    await expectHealthWith(null);
    await expect(health(APPS[0])).resolves.toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('should answer 503 from the apps that need Kafka while it is stopped, and 200 again once it is back', async () => {
    stopped.add('kafka');
    infraLocal('down', 'kafka');

    await expectHealthWith('kafka');

    infraLocal('up', 'kafka');
    stopped.delete('kafka');
    await expectHealthWith(null);
  });

  it('should answer 503 from the apps that need Elasticsearch while it is stopped, and 200 again once it is back', async () => {
    stopped.add('elasticsearch');
    infraLocal('down', 'elasticsearch');

    await expectHealthWith('elasticsearch');

    infraLocal('up', 'elasticsearch');
    stopped.delete('elasticsearch');
    await expectHealthWith(null);
  });

  it('should keep answering liveness whatever the engines do', async () => {
    for (const app of APPS) {
      await expect(request(app.app?.getHttpServer()).get('/health/live')).resolves.toMatchObject({
        status: 200,
        body: { status: 'ok' },
      });
    }
  });
});
