import { EnvPort, EnvString, EnvUrl, RuntimeEnv } from '@sitrep/domain/config';
import { resolve } from 'node:path';

export const DEFAULT_WEB_PORT = 3005;

/** The web app's configuration, validated from the environment at start (docs/configuration.md). */
export class WebEnvDto extends RuntimeEnv {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  WEB_PORT?: number;

  /** The api app the browser reaches under /api/core. */
  @EnvUrl(['http', 'https'])
  WEB_API_URL = 'http://127.0.0.1:3000';

  /** The ingest app the browser reaches under /api/ingest. */
  @EnvUrl(['http', 'https'])
  WEB_INGEST_URL = 'http://127.0.0.1:3001';

  /** The alerts app the browser reaches under /api/alerts (SSE streams through unbuffered). */
  @EnvUrl(['http', 'https'])
  WEB_ALERTS_URL = 'http://127.0.0.1:3004';

  /** The built single-page app (`npm run build` writes it to dist/web-client); relative to the working directory. */
  @EnvString()
  WEB_STATIC_DIR = 'dist/web-client';

  get staticDir(): string {
    return resolve(this.WEB_STATIC_DIR);
  }

  get port(): number {
    return this.WEB_PORT ?? this.PORT ?? DEFAULT_WEB_PORT;
  }
}
