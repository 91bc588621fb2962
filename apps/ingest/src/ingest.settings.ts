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
  /** 1: band lookup also probes 1-bit variants, so every match up to distance 7 is found; 0: up to 3. */
  nearProbeFlips: 0 | 1;
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

/** Settings from the validated environment. */
export function ingestSettingsFromEnv(env: {
  INGEST_MAX_BODY_BYTES: number;
  INGEST_MAX_BATCH_BODY_BYTES: number;
  INGEST_MAX_BATCH_SIZE: number;
  INGEST_ARTICLES_TOPIC: string;
  DEDUP_NEAR_MAX_DISTANCE: number;
  DEDUP_NEAR_WINDOW_DAYS: number;
  DEDUP_NEAR_PROBE_FLIPS: 0 | 1;
  FEEDS_POLLING_ENABLED: boolean;
  FEEDS_POLL_TICK_MS: number;
  FEEDS_CLAIM_BATCH: number;
  FEEDS_LEASE_SECONDS: number;
  FEEDS_MIN_INTERVAL_SECONDS: number;
  FEEDS_DEFAULT_INTERVAL_SECONDS: number;
  FEEDS_MAX_BACKOFF_SECONDS: number;
  FEEDS_MAX_FEED_BYTES: number;
  FEEDS_MAX_PAGE_BYTES: number;
  FEEDS_MAX_ITEMS_PER_POLL: number;
  FEEDS_PAGE_CONCURRENCY: number;
  OUTBOUND_ALLOW_LOOPBACK: boolean;
  OUTBOUND_ALLOW_ADDRESSES: string[];
  OUTBOUND_TIMEOUT_MS: number;
  OUTBOUND_MAX_REDIRECTS: number;
  OUTBOUND_USER_AGENT: string;
}): { ingest: IngestSettings; feeds: FeedSettings; outbound: OutboundSettings } {
  return {
    ingest: {
      maxBodyBytes: env.INGEST_MAX_BODY_BYTES,
      maxBatchBodyBytes: env.INGEST_MAX_BATCH_BODY_BYTES,
      maxBatchSize: env.INGEST_MAX_BATCH_SIZE,
      nearMaxDistance: env.DEDUP_NEAR_MAX_DISTANCE,
      nearWindowDays: env.DEDUP_NEAR_WINDOW_DAYS,
      nearProbeFlips: env.DEDUP_NEAR_PROBE_FLIPS,
      ingestedTopic: env.INGEST_ARTICLES_TOPIC,
    },
    feeds: {
      pollingEnabled: env.FEEDS_POLLING_ENABLED,
      tickMs: env.FEEDS_POLL_TICK_MS,
      claimBatch: env.FEEDS_CLAIM_BATCH,
      leaseSeconds: env.FEEDS_LEASE_SECONDS,
      minIntervalSeconds: env.FEEDS_MIN_INTERVAL_SECONDS,
      defaultIntervalSeconds: env.FEEDS_DEFAULT_INTERVAL_SECONDS,
      maxBackoffSeconds: env.FEEDS_MAX_BACKOFF_SECONDS,
      maxFeedBytes: env.FEEDS_MAX_FEED_BYTES,
      maxPageBytes: env.FEEDS_MAX_PAGE_BYTES,
      maxItemsPerPoll: env.FEEDS_MAX_ITEMS_PER_POLL,
      pageConcurrency: env.FEEDS_PAGE_CONCURRENCY,
    },
    outbound: {
      allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
      allowAddresses: env.OUTBOUND_ALLOW_ADDRESSES,
      timeoutMs: env.OUTBOUND_TIMEOUT_MS,
      maxRedirects: env.OUTBOUND_MAX_REDIRECTS,
      userAgent: env.OUTBOUND_USER_AGENT,
    },
  };
}
