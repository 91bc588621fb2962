import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import {
  DatabaseEnv,
  DatabaseMigrationsEnv,
  ElasticsearchEnv,
  EnvPort,
  KafkaEnv,
  RuntimeEnv,
} from '@sitrep/domain/config';
import { IndexerTimelineEnv } from '../timeline/timeline.env';

export const DEFAULT_INDEXER_PORT = 3003;

/** The indexer app's configuration, validated from the environment at start (docs/configuration.md). */
export class IndexerEnvDto extends IntersectionType(
  RuntimeEnv,
  DatabaseEnv,
  DatabaseMigrationsEnv,
  KafkaEnv,
  ElasticsearchEnv,
  IndexerTimelineEnv,
  AuthEnv,
) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  INDEXER_PORT?: number;

  override KAFKA_CLIENT_ID = 'sitrep-indexer';

  get port(): number {
    return this.INDEXER_PORT ?? this.PORT ?? DEFAULT_INDEXER_PORT;
  }
}
