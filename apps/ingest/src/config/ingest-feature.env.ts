import { Topic } from '@sitrep/messaging';
import { Transform } from 'class-transformer';
import { IsIn, IsIP } from 'class-validator';
import { EnvBoolean, EnvInt, EnvString } from '@sitrep/domain/config';

const MIB = 1024 * 1024;

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
    : value;

/** Ingest's own variables: intake limits, deduplication, feed polling, safe outbound HTTP (README). */
export class IngestFeatureEnv {
  /** Largest body of POST /v1/articles and the feed routes. */
  @EnvInt(1024, 64 * MIB)
  INGEST_MAX_BODY_BYTES = 2 * MIB;

  /** Largest body of POST /v1/articles/batch. */
  @EnvInt(1024, 256 * MIB)
  INGEST_MAX_BATCH_BODY_BYTES = 32 * MIB;

  /** Most articles per batch request (never more than 500). */
  @EnvInt(1, 500)
  INGEST_MAX_BATCH_SIZE = 500;

  /** Topic of `articles.ingested` (tests point it at a topic of their own). */
  @EnvString()
  INGEST_ARTICLES_TOPIC: string = Topic.ArticlesIngested;

  /** SimHash Hamming distance up to which two bodies are one story. */
  @EnvInt(0, 16)
  DEDUP_NEAR_MAX_DISTANCE = 7;

  /** Copies of one story appear within days; a short window keeps the candidate lookup small. */
  @EnvInt(1, 3650)
  DEDUP_NEAR_WINDOW_DAYS = 7;

  /** 1: band lookup also probes 1-bit variants (finds every match up to distance 7); 0: up to 3. */
  @Transform(({ value }) => (value === '0' || value === 0 ? 0 : value === '1' || value === 1 ? 1 : value))
  @IsIn([0, 1], { message: '$property must be 0 or 1' })
  DEDUP_NEAR_PROBE_FLIPS: 0 | 1 = 0;

  @EnvBoolean()
  FEEDS_POLLING_ENABLED = true;

  @EnvInt(50, 600_000)
  FEEDS_POLL_TICK_MS = 2000;

  @EnvInt(1, 100)
  FEEDS_CLAIM_BATCH = 5;

  @EnvInt(10, 86_400)
  FEEDS_LEASE_SECONDS = 300;

  @EnvInt(1, 86_400)
  FEEDS_MIN_INTERVAL_SECONDS = 60;

  @EnvInt(1, 604_800)
  FEEDS_DEFAULT_INTERVAL_SECONDS = 900;

  @EnvInt(1, 604_800)
  FEEDS_MAX_BACKOFF_SECONDS = 6 * 3600;

  @EnvInt(1024, 64 * MIB)
  FEEDS_MAX_FEED_BYTES = 5 * MIB;

  @EnvInt(1024, 64 * MIB)
  FEEDS_MAX_PAGE_BYTES = 5 * MIB;

  @EnvInt(1, 1000)
  FEEDS_MAX_ITEMS_PER_POLL = 100;

  @EnvInt(1, 32)
  FEEDS_PAGE_CONCURRENCY = 4;

  /** Let outbound fetches reach 127.0.0.0/8 and ::1: for tests against a local server only. */
  @EnvBoolean()
  OUTBOUND_ALLOW_LOOPBACK = false;

  /** Exact addresses allowed although not public (comma-separated), e.g. a trusted internal mirror. */
  @Transform(toList)
  @IsIP(undefined, { each: true, message: '$property must be a comma-separated list of IP addresses' })
  OUTBOUND_ALLOW_ADDRESSES: string[] = [];

  @EnvInt(100, 120_000)
  OUTBOUND_TIMEOUT_MS = 10_000;

  @EnvInt(0, 20)
  OUTBOUND_MAX_REDIRECTS = 5;

  @EnvString()
  OUTBOUND_USER_AGENT = 'SitrepBot/0.1 (+https://sitrep.invalid/bot)';
}
