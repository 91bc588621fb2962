import type { NestExpressApplication } from '@nestjs/platform-express';
import type { WebEnvDto } from './config/env.dto';
import { mountUpstreamProxies } from './proxy/upstream-proxy';
import { mountSinglePageApp } from './static/single-page-app';

/** Proxies first (they own /api/*), then the single-page app; used by main.ts and the e2e tests alike. */
export function configureWebApp(app: NestExpressApplication, env: WebEnvDto): void {
  mountUpstreamProxies(app, env);
  mountSinglePageApp(app, env.staticDir);
}
