import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import { DatabaseEnv, ElasticsearchEnv, EnvPort, RuntimeEnv } from '@sitrep/domain/config';

export const DEFAULT_API_PORT = 3000;

/** The api app's configuration, validated from the environment at start (docs/configuration.md). */
export class ApiEnvDto extends IntersectionType(RuntimeEnv, DatabaseEnv, ElasticsearchEnv, AuthEnv) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  API_PORT?: number;

  get port(): number {
    return this.API_PORT ?? this.PORT ?? DEFAULT_API_PORT;
  }
}
