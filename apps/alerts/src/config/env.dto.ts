import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import { DatabaseEnv, DatabaseMigrationsEnv, EnvPort, KafkaEnv, RuntimeEnv } from '@sitrep/domain/config';
import { AlertsFeatureEnv } from '../alerts/alerts.env';

export const DEFAULT_ALERTS_PORT = 3004;

/** The alerts app's configuration, validated from the environment at start (docs/configuration.md). */
export class AlertsEnvDto extends IntersectionType(
  IntersectionType(RuntimeEnv, DatabaseEnv, DatabaseMigrationsEnv, KafkaEnv),
  IntersectionType(AlertsFeatureEnv, AuthEnv),
) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  ALERTS_PORT?: number;

  override KAFKA_CLIENT_ID = 'sitrep-alerts';

  get port(): number {
    return this.ALERTS_PORT ?? this.PORT ?? DEFAULT_ALERTS_PORT;
  }
}
