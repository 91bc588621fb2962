import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type DedupKindRow = 'original' | 'exact_duplicate' | 'near_duplicate';

/** What deduplication reads back about a stored article. */
export interface StoredFingerprint {
  articleId: string;
  canonicalUrl: string;
  contentHash: string;
  storyId: string;
  simhash: bigint | null;
  kind: DedupKindRow;
}

export interface FingerprintQuery {
  canonicalUrls: string[];
  contentHashes: string[];
  /** One entry per article of the batch that has a SimHash. */
  simhashes: { value: bigint; bands: [number, number, number, number] }[];
  maxDistance: number;
  /** Only stories first seen this many days back are candidates for near copies. */
  nearWindowDays: number;
  /** 0: probe each band as is (finds distance <= 3); 1: also its 1-bit variants (finds distance <= 7). */
  probeFlips: 0 | 1;
}

export interface StoredFingerprints {
  byUrl: StoredFingerprint[];
  byHash: StoredFingerprint[];
  near: StoredFingerprint[];
}

/** An article and its dedup record, as intake stores them. */
export interface IntakeRow {
  id: string;
  url: string;
  canonicalUrl: string;
  /** SHA-256 of the raw content (articles.content_hash). */
  rawHash: string;
  /** SHA-256 of the cleaned body (article_dedup.content_hash). */
  contentHash: string;
  title: string | null;
  language: string | null;
  publishedAt: string | null;
  raw: string;
  source: string;
  feedId: string | null;
  kind: DedupKindRow;
  storyId: string;
  duplicateOf: string | null;
  distance: number | null;
  simhash: bigint | null;
  bands: [number, number, number, number] | null;
  published: boolean;
  /** Id of its `articles.ingested` message, when published. */
  eventId: string | null;
}

/** Another intake stored the same URL or body between our read and our write; retry the batch. */
export class IntakeRaceError extends Error {
  readonly code = 'INGEST.INTAKE_RACE';
}

export interface ArticleView {
  id: string;
  url: string | null;
  canonicalUrl: string | null;
  title: string | null;
  language: string | null;
  publishedAt: Date | null;
  source: string;
  state: string;
  receivedAt: Date;
  rawLength: number;
  dedup: {
    kind: DedupKindRow;
    storyId: string;
    duplicateOf: string | null;
    distance: number | null;
    contentHash: string;
    simhash: string | null;
    feedId: string | null;
    published: boolean;
  } | null;
  outbox: { sentAt: Date | null; attempts: number; lastError: string | null } | null;
  storyCopies: number;
}

const FINGERPRINT_COLUMNS = `d.article_id, d.canonical_url, d.content_hash, d.story_id, d.simhash::text AS simhash, d.kind`;

interface FingerprintRow {
  via: 'url' | 'hash' | 'near';
  article_id: string;
  canonical_url: string;
  content_hash: string;
  story_id: string;
  simhash: string | null;
  kind: DedupKindRow;
}

/*
 * Near-copy candidates of one band: for each probe (band value, batch fingerprint) an index scan of that
 * band's partial index, kept only when the whole fingerprint is within the distance. LATERAL ... OFFSET 0
 * keeps it a nested loop of index scans whatever the statistics say (without them, `= ANY(...)` was
 * planned as a sequential scan of the whole table per band).
 */
const nearBand = (band: number, values: string, sims: string, days: string, maxDistance: string): string => `
  SELECT 'near' AS via, c.article_id, c.canonical_url, c.content_hash, c.story_id, c.simhash::text AS simhash, c.kind
  FROM unnest(${values}::int[], ${sims}::bigint[]) AS p(band, sim)
  CROSS JOIN LATERAL (
    SELECT d.article_id, d.canonical_url, d.content_hash, d.story_id, d.simhash, d.kind
    FROM article_dedup d
    WHERE d.simhash_b${band} = p.band AND d.simhash IS NOT NULL AND d.kind <> 'exact_duplicate'
      AND d.created_at > now() - make_interval(days => ${days})
    OFFSET 0
  ) c
  WHERE bit_count((c.simhash # p.sim)::bit(64)) <= ${maxDistance}`;

/** Stored articles with one of the URLs ($1) or published bodies ($2), and near copies ($5-$12), in one statement. */
const FIND_FINGERPRINTS = `
  SELECT 'url' AS via, ${FINGERPRINT_COLUMNS}
  FROM article_dedup d WHERE d.canonical_url = ANY($1::text[])
  UNION ALL
  -- Only a published copy can be the target: exact copies point at it.
  SELECT 'hash' AS via, ${FINGERPRINT_COLUMNS}
  FROM article_dedup d WHERE d.content_hash = ANY($2::bpchar[]) AND d.kind <> 'exact_duplicate'
  UNION ALL
  (${[0, 1, 2, 3].map((b) => nearBand(b, `$${5 + 2 * b}`, `$${6 + 2 * b}`, '$3', '$4')).join(' UNION ')})`;

const toFingerprint = (r: FingerprintRow): StoredFingerprint => ({
  articleId: r.article_id,
  canonicalUrl: r.canonical_url,
  contentHash: r.content_hash.trim(),
  storyId: r.story_id,
  simhash: r.simhash === null ? null : BigInt(r.simhash),
  kind: r.kind,
});

/** Set-based SQL for intake: one round trip per lookup and per table for a whole batch. */
@Injectable()
export class ArticleIntakeRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', work);
  }

  /**
   * Serialises the near-duplicate lookup and insert of concurrent intakes: two near copies of one story
   * in flight at once (two requests, two workers) would each miss the other and start two stories. One
   * transaction-scoped advisory lock, taken before the lookup and held to commit.
   */
  async lockNearDuplicates(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sitrep:intake-near-duplicates'))`);
  }

  /**
   * Stored articles with one of the URLs or bodies, and stored near copies of the batch's fingerprints,
   * in one round trip; the Hamming distance is checked in PostgreSQL, so only real matches come back.
   */
  async findFingerprints(manager: EntityManager, q: FingerprintQuery): Promise<StoredFingerprints> {
    // Per band, the probes: the band value of each fingerprint and, with probeFlips = 1, each 1-bit
    // variant of it. Fingerprints within 7 bits have a band within 1 bit (pigeonhole over 4 bands), so
    // flips = 1 finds every match up to distance 7; flips = 0 only up to 3.
    const probes = [0, 1, 2, 3].map(() => ({ values: [] as number[], sims: [] as string[] }));
    for (const s of q.simhashes) {
      const sim = s.value.toString();
      for (let b = 0; b < 4; b++) {
        probes[b].values.push(s.bands[b]);
        probes[b].sims.push(sim);
        if (q.probeFlips === 0) continue;
        for (let bit = 0; bit < 16; bit++) {
          probes[b].values.push(s.bands[b] ^ (1 << bit));
          probes[b].sims.push(sim);
        }
      }
    }
    const rows: FingerprintRow[] = await manager.query(FIND_FINGERPRINTS, [
      q.canonicalUrls,
      q.contentHashes,
      q.nearWindowDays,
      q.maxDistance,
      ...probes.flatMap((p) => [p.values, p.sims]),
    ]);
    return {
      byUrl: rows.filter((r) => r.via === 'url').map(toFingerprint),
      byHash: rows.filter((r) => r.via === 'hash').map(toFingerprint),
      near: rows.filter((r) => r.via === 'near').map(toFingerprint),
    };
  }

  /** Inserts articles and their dedup rows; throws IntakeRaceError if a unique key was taken meanwhile. */
  async insert(manager: EntityManager, rows: IntakeRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO articles (id, url, canonical_url, content_hash, title, language, published_at, raw, source, state)
       SELECT id, url, canonical_url, content_hash, title, language, published_at, raw, source, 'received'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])
         AS t(id, url, canonical_url, content_hash, title, language, published_at, raw, source)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.url),
        rows.map((r) => r.canonicalUrl),
        rows.map((r) => r.rawHash),
        rows.map((r) => r.title),
        rows.map((r) => r.language),
        rows.map((r) => r.publishedAt),
        rows.map((r) => r.raw),
        rows.map((r) => r.source),
      ],
    );
    const inserted: { article_id: string }[] = await manager.query(
      `INSERT INTO article_dedup (article_id, canonical_url, content_hash, kind, story_id, duplicate_of, distance, simhash,
                                  simhash_b0, simhash_b1, simhash_b2, simhash_b3, source, feed_id, published, event_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::smallint[], $8::bigint[],
                            $9::int[], $10::int[], $11::int[], $12::int[], $13::text[], $14::uuid[], $15::boolean[], $16::uuid[])
       ON CONFLICT DO NOTHING
       RETURNING article_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.canonicalUrl),
        rows.map((r) => r.contentHash),
        rows.map((r) => r.kind),
        rows.map((r) => r.storyId),
        rows.map((r) => r.duplicateOf),
        rows.map((r) => r.distance),
        rows.map((r) => r.simhash?.toString() ?? null),
        ...[0, 1, 2, 3].map((b) => rows.map((r) => r.bands?.[b] ?? null)),
        rows.map((r) => r.source),
        rows.map((r) => r.feedId),
        rows.map((r) => r.published),
        rows.map((r) => r.eventId),
      ],
    );
    if (inserted.length !== rows.length) {
      throw new IntakeRaceError(
        `${rows.length - inserted.length} of ${rows.length} articles were stored concurrently`,
      );
    }
  }

  async findView(id: string): Promise<ArticleView | null> {
    const rows = await this.dataSource.query(
      `SELECT a.id, a.url, a.canonical_url, a.title, a.language, a.published_at, a.source, a.state, a.received_at,
              length(a.raw) AS raw_length,
              d.kind, d.story_id, d.duplicate_of, d.distance, d.content_hash, d.simhash::text AS simhash, d.feed_id, d.published,
              o.sent_at, o.attempts, o.last_error,
              (SELECT count(*)::int FROM article_dedup s WHERE s.story_id = d.story_id) AS story_copies
       FROM articles a
       LEFT JOIN article_dedup d ON d.article_id = a.id
       LEFT JOIN outbox o ON o.id = d.event_id
       WHERE a.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      url: r.url,
      canonicalUrl: r.canonical_url,
      title: r.title,
      language: r.language,
      publishedAt: r.published_at,
      source: r.source,
      state: r.state,
      receivedAt: r.received_at,
      rawLength: r.raw_length,
      dedup: r.kind
        ? {
            kind: r.kind,
            storyId: r.story_id,
            duplicateOf: r.duplicate_of,
            distance: r.distance,
            contentHash: String(r.content_hash).trim(),
            simhash: r.simhash,
            feedId: r.feed_id,
            published: r.published,
          }
        : null,
      outbox:
        r.attempts === null || r.attempts === undefined
          ? null
          : { sentAt: r.sent_at, attempts: r.attempts, lastError: r.last_error },
      storyCopies: r.story_copies ?? 0,
    };
  }
}
