import type { NestExpressApplication } from '@nestjs/platform-express';
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

/** Paths the single-page app never answers (the proxies and the health checks own them). */
const NOT_THE_APP = /^\/(api|health)(\/|$)/;

/**
 * Serves the built single-page app: hashed assets cached for a year, index.html never cached, and
 * index.html for every other GET so that deep links (/actors/PRK) load the app, which routes itself.
 */
export function mountSinglePageApp(app: NestExpressApplication, staticDir: string): void {
  const index = join(staticDir, 'index.html');
  app.useStaticAssets(join(staticDir, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d' });
  app.useStaticAssets(staticDir, { index: false, maxAge: 0 });
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? '/').split('?')[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(path)) return next();
    if (!existsSync(index)) {
      res.writeHead(503, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: `The web client is not built (${index} is missing): run npm run build`,
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(index).pipe(res);
  });
}
