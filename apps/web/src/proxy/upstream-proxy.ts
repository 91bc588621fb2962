import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { WebEnvDto } from '../config/env.dto';

/** The browser's one origin: each prefix is handed, prefix removed, to the app behind it. */
export interface UpstreamRoute {
  prefix: string;
  target: string;
}

export function upstreamRoutes(env: WebEnvDto): UpstreamRoute[] {
  return [
    { prefix: '/api/core', target: env.WEB_API_URL },
    { prefix: '/api/ingest', target: env.WEB_INGEST_URL },
    { prefix: '/api/alerts', target: env.WEB_ALERTS_URL },
  ];
}

/** problem+json 502 when the app behind a prefix does not answer (it is down or starting). */
function badGateway(prefix: string) {
  return (error: Error, _req: IncomingMessage, res: ServerResponse | import('node:net').Socket) => {
    if (!('writeHead' in res) || res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { 'content-type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        detail: `The service behind ${prefix} did not answer (${error.message})`,
      }),
    );
  };
}

/**
 * Mounts the reverse proxies. Bodies stream through untouched (the app runs without body parsers) and
 * responses are not buffered, so the alerts SSE stream reaches the browser event by event; the
 * Authorization header goes through as it came.
 */
export function mountUpstreamProxies(app: INestApplication, env: WebEnvDto): void {
  for (const route of upstreamRoutes(env)) {
    app.use(
      route.prefix,
      createProxyMiddleware({
        target: route.target,
        changeOrigin: true,
        xfwd: true,
        proxyTimeout: 0,
        on: { error: badGateway(route.prefix) },
      }),
    );
  }
}
