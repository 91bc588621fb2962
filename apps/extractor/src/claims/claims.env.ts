import { EnvBoolean, EnvInt, EnvString } from '@sitrep/domain/config';
import { ExtractorClaimsOptions } from './claims.options';

/** Variables of the extractor's claims feature (apps/extractor/README.md lists them with defaults). */
export class ExtractorClaimsEnv {
  @EnvBoolean()
  EXTRACTOR_CONSUMER_ENABLED = true;

  @EnvString()
  EXTRACTOR_GROUP_ID = 'sitrep-extractor';

  @EnvString({ optional: true })
  EXTRACTOR_TOPIC?: string;

  @EnvString({ optional: true })
  EXTRACTOR_OUTPUT_TOPIC?: string;

  @EnvInt(1, 500)
  EXTRACTOR_BATCH_SIZE = 200;

  @EnvInt(0, 32)
  EXTRACTOR_ENGINE_WORKERS = 0;

  @EnvInt(0, 64)
  EXTRACTOR_CONCURRENT_CHUNKS = 2;

  @EnvInt(1, 64)
  EXTRACTOR_PARTITIONS_CONCURRENTLY = 6;

  @EnvInt(1, 20)
  EXTRACTOR_MAX_ATTEMPTS = 3;

  @EnvInt(0, 60_000)
  EXTRACTOR_RETRY_BACKOFF_MS = 200;

  @EnvBoolean()
  EXTRACTOR_FROM_BEGINNING = false;
}

export const claimsOptionsFromEnv = (env: ExtractorClaimsEnv): ExtractorClaimsOptions => ({
  consumerEnabled: env.EXTRACTOR_CONSUMER_ENABLED,
  groupId: env.EXTRACTOR_GROUP_ID,
  topic: env.EXTRACTOR_TOPIC,
  outputTopic: env.EXTRACTOR_OUTPUT_TOPIC,
  batchSize: env.EXTRACTOR_BATCH_SIZE,
  engineWorkers: env.EXTRACTOR_ENGINE_WORKERS,
  concurrentChunks: env.EXTRACTOR_CONCURRENT_CHUNKS,
  partitionsConsumedConcurrently: env.EXTRACTOR_PARTITIONS_CONCURRENTLY,
  maxAttempts: env.EXTRACTOR_MAX_ATTEMPTS,
  retryBackoffMs: env.EXTRACTOR_RETRY_BACKOFF_MS,
  fromBeginning: env.EXTRACTOR_FROM_BEGINNING,
});
