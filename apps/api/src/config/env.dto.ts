import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import { DatabaseEnv, ElasticsearchEnv, EnvInt, EnvPort, RuntimeEnv } from '@sitrep/domain/config';

export const DEFAULT_API_PORT = 3000;

/** The api app's configuration, validated from the environment at start (docs/configuration.md). */
export class ApiEnvDto extends IntersectionType(RuntimeEnv, DatabaseEnv, ElasticsearchEnv, AuthEnv) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  API_PORT?: number;

  /** Exports (CSV, NDJSON, STIX) that may stream at once; each holds one PostgreSQL connection. */
  @EnvInt(1, 50)
  EXPORT_MAX_CONCURRENT = 4;

  get port(): number {
    return this.API_PORT ?? this.PORT ?? DEFAULT_API_PORT;
  }
}
