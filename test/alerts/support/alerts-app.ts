import { ConsoleLogger, INestApplication, LogLevel } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadEnv } from '@sitrep/domain/config';
import { configureHttpApp } from '@sitrep/domain/http';
import { testAppEnvironment } from '@sitrep/testing';
import { AddressInfo } from 'node:net';
import { AppModule } from '../../../apps/alerts/src/app.module';
import { AlertsEnvDto } from '../../../apps/alerts/src/config/env.dto';

export interface AlertsTestApp {
  app: INestApplication;
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * The real alerts app (test database, real Kafka), created like main.ts does, listening on a free port.
 * Its logs: errors only (Nest's testing logger), or these levels on the console when given.
 */
export async function startAlertsApp(
  overrides: Record<string, string>,
  logLevels?: LogLevel[],
): Promise<AlertsTestApp> {
  const env = loadEnv(
    AlertsEnvDto,
    testAppEnvironment({
      DATABASE_MIGRATIONS_RUN: 'false',
      ALERTS_FROM_BEGINNING: 'true',
      OUTBOUND_ALLOW_LOOPBACK: 'true',
      ALERTS_DELIVERY_POLL_MS: '100',
      ALERTS_DELIVERY_BACKOFF_MS: '100',
      ALERTS_SSE_POLL_MS: '100',
      ...overrides,
    }),
  );
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(env)] }).compile();
  const app = moduleRef.createNestApplication({
    logger: logLevels ? new ConsoleLogger('alerts', { logLevels }) : ['error', 'warn'],
  });
  configureHttpApp(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: (path) => `http://127.0.0.1:${port}${path}`, close: () => app.close() };
}
