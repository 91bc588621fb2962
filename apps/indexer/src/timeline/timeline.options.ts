/** Options of the indexer's timeline feature (from the app's env). */
export interface IndexerTimelineOptions {
  /** Consume `claims.extracted` at start. @default true */
  consumerEnabled: boolean;
  /** Kafka consumer group. @default 'sitrep-indexer' */
  groupId: string;
  /** Topic to consume (tests use their own). @default Topic.ClaimsExtracted */
  topic?: string;
  /** Articles projected per bulk request. @default 400 */
  bulkArticles: number;
  /** Attempts for an error other than Elasticsearch being unavailable, before dead-lettering. @default 3 */
  maxAttempts: number;
  /** First wait while Elasticsearch is unavailable; doubles up to `maxBackoffMs`. @default 500 */
  initialBackoffMs: number;
  /** @default 10000 */
  maxBackoffMs: number;
  /**
   * Partitions processed at a time; their chunks are joined into one bulk at a time (ChunkCoalescer), so
   * more partitions make bigger bulks, not concurrent ones. @default 6 (the topic's partitions)
   */
  partitionsConsumedConcurrently: number;
  /** Read the topic from its start when the group has no offsets. @default false */
  fromBeginning: boolean;
  /** Wait for a refresh after each bulk so that documents are searchable at once (tests). @default false */
  refresh: boolean;
  /**
   * Refresh the written indices as part of each bulk request (`refresh=true`): its documents are
   * searchable when it returns, and with a longer ELASTICSEARCH_REFRESH_INTERVAL_MS the indices refresh
   * about once per bulk (bulks grow with the load) instead of on the clock. @default true
   */
  refreshAfterBulk: boolean;
  /**
   * With `refreshAfterBulk`, a bulk refreshes only when the previous refresh through a bulk is at least
   * this old (BulkRefreshPolicy); the bulks in between are searchable at the indices' periodic refresh.
   * 0: every bulk. @default 250
   */
  refreshAfterBulkMinIntervalMs: number;
}

export const INDEXER_TIMELINE_OPTIONS = Symbol('INDEXER_TIMELINE_OPTIONS');
