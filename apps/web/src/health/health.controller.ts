import { Controller, Get, Inject, Res } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WebEnvDto } from '../config/env.dto';
import { upstreamRoutes } from '../proxy/upstream-proxy';

interface Check {
  status: 'up' | 'down';
  reason?: string;
}

/** Liveness (the process answers) and readiness (the client is built and the apps behind it answer). */
@Controller('health')
export class HealthController {
  constructor(@Inject(WebEnvDto) private readonly env: WebEnvDto) {}

  /** 200 when the built client is there and api, ingest and alerts are live; 503 naming what is not. */
  @Get()
  async readiness(@Res({ passthrough: true }) res: { status(code: number): unknown }) {
    const details: Record<string, Check> = {
      client: existsSync(join(this.env.staticDir, 'index.html'))
        ? { status: 'up' }
        : { status: 'down', reason: 'not built (npm run build)' },
    };
    await Promise.all(
      upstreamRoutes(this.env).map(async (route) => {
        details[route.prefix] = await fetch(new URL('/health/live', route.target), {
          signal: AbortSignal.timeout(2000),
        })
          .then((response): Check =>
            response.ok ? { status: 'up' } : { status: 'down', reason: `HTTP ${response.status}` },
          )
          .catch((error: Error): Check => ({ status: 'down', reason: error.message }));
      }),
    );
    const ok = Object.values(details).every((check) => check.status === 'up');
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'error', details };
  }

  @Get('live')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
