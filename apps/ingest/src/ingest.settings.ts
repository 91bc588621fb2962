/** Ingest's own settings, read from the environment (see config/env.dto.ts and README). */
export interface IngestSettings {
  /** Largest request body of POST /v1/articles and of the feed routes, in bytes. */
  maxBodyBytes: number;
  /** Largest request body of POST /v1/articles/batch, in bytes. */
  maxBatchBodyBytes: number;
  /** Most articles in one batch request. */
  maxBatchSize: number;
  /** SimHash Hamming distance up to which two bodies are one story. */
  nearMaxDistance: number;
  /** Only stories first stored this many days back are candidates for near copies. */
  nearWindowDays: number;
  /** Topic of `articles.ingested`. */
  ingestedTopic: string;
}

export interface FeedSettings {
  pollingEnabled: boolean;
  /** How often each instance looks for due feeds, in ms. */
  tickMs: number;
  /** Feeds one instance claims per tick. */
  claimBatch: number;
  /** How long a claimed feed stays reserved for its poller, in seconds. */
  leaseSeconds: number;
  minIntervalSeconds: number;
  defaultIntervalSeconds: number;
  maxBackoffSeconds: number;
  maxFeedBytes: number;
  maxPageBytes: number;
  maxItemsPerPoll: number;
  /** Pages fetched at once per feed. */
  pageConcurrency: number;
}

export interface OutboundSettings {
  allowLoopback: boolean;
  allowAddresses: string[];
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const INGEST_SETTINGS = Symbol('INGEST_SETTINGS');
export const FEED_SETTINGS = Symbol('FEED_SETTINGS');
export const OUTBOUND_SETTINGS = Symbol('OUTBOUND_SETTINGS');
export const SAFE_HTTP_CLIENT = Symbol('SAFE_HTTP_CLIENT');
