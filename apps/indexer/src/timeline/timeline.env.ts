import { EnvBoolean, EnvInt, EnvString } from '@sitrep/domain/config';
import { IndexerTimelineOptions } from './timeline.options';

/** Variables of the indexer's timeline feature (apps/indexer/README.md lists them with defaults). */
export class IndexerTimelineEnv {
  @EnvBoolean()
  INDEXER_CONSUMER_ENABLED = true;

  @EnvString()
  INDEXER_GROUP_ID = 'sitrep-indexer';

  @EnvString({ optional: true })
  INDEXER_TOPIC?: string;

  @EnvInt(1, 5000)
  INDEXER_BULK_ARTICLES = 400;

  @EnvInt(1, 20)
  INDEXER_MAX_ATTEMPTS = 3;

  @EnvInt(10, 60_000)
  INDEXER_INITIAL_BACKOFF_MS = 500;

  @EnvInt(10, 600_000)
  INDEXER_MAX_BACKOFF_MS = 10_000;

  @EnvInt(1, 64)
  INDEXER_PARTITIONS_CONCURRENTLY = 6;

  @EnvBoolean()
  INDEXER_FROM_BEGINNING = false;

  @EnvBoolean()
  INDEXER_REFRESH = false;

  @EnvBoolean()
  INDEXER_REFRESH_AFTER_BULK = true;

  @EnvInt(0, 600_000)
  INDEXER_REFRESH_AFTER_BULK_MIN_INTERVAL_MS = 250;
}

export const timelineOptionsFromEnv = (env: IndexerTimelineEnv): IndexerTimelineOptions => ({
  consumerEnabled: env.INDEXER_CONSUMER_ENABLED,
  groupId: env.INDEXER_GROUP_ID,
  topic: env.INDEXER_TOPIC,
  bulkArticles: env.INDEXER_BULK_ARTICLES,
  maxAttempts: env.INDEXER_MAX_ATTEMPTS,
  initialBackoffMs: env.INDEXER_INITIAL_BACKOFF_MS,
  maxBackoffMs: env.INDEXER_MAX_BACKOFF_MS,
  partitionsConsumedConcurrently: env.INDEXER_PARTITIONS_CONCURRENTLY,
  fromBeginning: env.INDEXER_FROM_BEGINNING,
  refresh: env.INDEXER_REFRESH,
  refreshAfterBulk: env.INDEXER_REFRESH_AFTER_BULK,
  refreshAfterBulkMinIntervalMs: env.INDEXER_REFRESH_AFTER_BULK_MIN_INTERVAL_MS,
});
