import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadEnv } from '@sitrep/domain/config';
import { configureHttpApp } from '@sitrep/domain/http';
import { testAppEnvironment } from '@sitrep/testing';
import { execFileSync } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AppModule } from '../../../apps/web/src/app.module';
import { WebEnvDto } from '../../../apps/web/src/config/env.dto';
import { configureWebApp } from '../../../apps/web/src/configure-web-app';

export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** Builds the single-page app into dist/web-client (vite; what `npm run build` does for it). */
export function buildWebClient(): void {
  execFileSync('npm', ['run', '--silent', 'build:web'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export interface WebTestApp {
  app: INestApplication;
  url(path: string): string;
  close(): Promise<void>;
}

/** The real web app (built client, real proxies to the given apps), created like main.ts does, on a free port. */
export async function startWebApp(upstreams: {
  api: string;
  ingest: string;
  alerts: string;
}): Promise<WebTestApp> {
  const env = loadEnv(
    WebEnvDto,
    testAppEnvironment({
      WEB_API_URL: upstreams.api,
      WEB_INGEST_URL: upstreams.ingest,
      WEB_ALERTS_URL: upstreams.alerts,
      WEB_STATIC_DIR: join(REPO_ROOT, 'dist', 'web-client'),
    }),
  );
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(env), {
    logger: ['error', 'warn'],
    bodyParser: false,
  });
  configureHttpApp(app);
  configureWebApp(app, env);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: (path) => `http://127.0.0.1:${port}${path}`, close: () => app.close() };
}
