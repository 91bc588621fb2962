/** Options of the extractor's claims feature (from the app's env). */
export interface ExtractorClaimsOptions {
  /** Consume `articles.ingested` at start. @default true */
  consumerEnabled: boolean;
  /** Kafka consumer group. @default 'sitrep-extractor' */
  groupId: string;
  /** Topic to consume (tests use their own). @default Topic.ArticlesIngested */
  topic?: string;
  /** Topic of the `claims.extracted` messages (tests use their own). @default Topic.ClaimsExtracted */
  outputTopic?: string;
  /** Worker threads running the engine; 0 runs it on the main thread. @default 0 */
  engineWorkers: number;
  /** Most articles stored in one PostgreSQL transaction (a chunk of a fetched batch). @default 200 */
  batchSize: number;
  /**
   * Chunks (engine, then one transaction) at a time for all partitions together: the partitions' chunks
   * are joined (ChunkCoalescer) into calls of up to `batchSize` articles. 2 lets one call's engine work
   * overlap the other's transaction; 0 runs each partition's chunk on its own, as many at once as
   * partitions (no joining). @default 2
   */
  concurrentChunks: number;
  /** Partitions processed at a time (all six of the topic: with one broker kafkajs fetches again only when every partition of a fetch is done). @default 6 */
  partitionsConsumedConcurrently: number;
  /** Attempts of one article before it goes to the dead-letter topic. @default 3 */
  maxAttempts: number;
  /** Wait before the 2nd attempt, doubled each further attempt. @default 200 */
  retryBackoffMs: number;
  /** Read the topic from its start when the group has no offsets. @default false */
  fromBeginning: boolean;
}

export const EXTRACTOR_CLAIMS_OPTIONS = Symbol('EXTRACTOR_CLAIMS_OPTIONS');
