import { IntersectionType } from '@nestjs/mapped-types';
import { AuthEnv } from '@sitrep/auth';
import {
  DatabaseEnv,
  DatabaseMigrationsEnv,
  EnvPort,
  KafkaEnv,
  OutboxEnv,
  RuntimeEnv,
} from '@sitrep/domain/config';
import { ExtractorClaimsEnv } from '../claims/claims.env';

export const DEFAULT_EXTRACTOR_PORT = 3002;

/** The extractor app's configuration, validated from the environment at start (docs/configuration.md). */
export class ExtractorEnvDto extends IntersectionType(
  RuntimeEnv,
  DatabaseEnv,
  DatabaseMigrationsEnv,
  KafkaEnv,
  OutboxEnv,
  ExtractorClaimsEnv,
  AuthEnv,
) {
  /** This app's port; wins over PORT so that all apps can run side by side from one environment. */
  @EnvPort({ optional: true })
  EXTRACTOR_PORT?: number;

  override KAFKA_CLIENT_ID = 'sitrep-extractor';

  /**
   * A relay round carries a whole chunk's `claims.extracted` rows (EXTRACTOR_BATCH_SIZE 200): with rounds
   * of 100 each chunk went out in two rounds, the indexer projected it in two bulks, and every cluster of
   * the chunk was written to Elasticsearch twice at the same version (the second refused as stale). Not
   * more: a round's rows for one partition go in one record batch, which the broker refuses past
   * `message.max.bytes` (1 MB by default); a round now stops at 900 KB (the relay's `maxRoundBytes`),
   * which rounds of 200 of the bench's ~3.4 KB rows stay under (apps/extractor/README.md).
   */
  override OUTBOX_BATCH_SIZE = 200;

  get port(): number {
    return this.EXTRACTOR_PORT ?? this.PORT ?? DEFAULT_EXTRACTOR_PORT;
  }
}
