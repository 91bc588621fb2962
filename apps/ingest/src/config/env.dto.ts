import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import {
  DatabaseEnv,
  DatabaseMigrationsEnv,
  EnvInt,
  EnvPort,
  KafkaEnv,
  OutboxEnv,
  RuntimeEnv,
} from '@sitrep/domain/config';
import { IngestFeatureEnv } from './ingest-feature.env';

export const DEFAULT_INGEST_PORT = 3001;

/** The ingest app's configuration, validated from the environment at start (docs/configuration.md). */
export class IngestEnvDto extends IntersectionType(
  RuntimeEnv,
  DatabaseEnv,
  DatabaseMigrationsEnv,
  KafkaEnv,
  OutboxEnv,
  IngestFeatureEnv,
  AuthEnv,
) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  INGEST_PORT?: number;

  /**
   * Processes serving intake (Node cluster workers sharing the port; the outbox relays take turns).
   * One by default: at ~0.3 ms of app CPU per article one process is not the ceiling on a 2-core machine,
   * and a second costs ~0.08 ms per article more (apps/ingest/README.md); more pay off with spare cores.
   */
  @EnvInt(1, 16)
  INGEST_WORKERS = 1;

  override KAFKA_CLIENT_ID = 'sitrep-ingest';

  /** Intake writes up to 500 events per request: larger relay rounds keep the outbox-to-Kafka lag short. */
  override OUTBOX_BATCH_SIZE = 500;

  get port(): number {
    return this.INGEST_PORT ?? this.PORT ?? DEFAULT_INGEST_PORT;
  }
}
