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
  /**
   * One entry per entry of `simhashes`, in the same order: the nearest stored near copy of that
   * fingerprint among the stored fingerprints its probes reach (within `maxDistance`), else null.
   */
  near: (StoredFingerprint | null)[];
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
  /** For `near`: the 1-based position in `simhashes` of the fingerprint this row is nearest to. */
  probe: number | null;
  article_id: string;
  canonical_url: string;
  content_hash: string;
  story_id: string;
  simhash: string | null;
  kind: DedupKindRow;
}

/*
 * Index lookups per value: LATERAL ... OFFSET 0 keeps each a nested loop of index scans whatever the
 * planner's statistics say (without them, `= ANY(...)` on a table that grew since its last ANALYZE was
 * planned as sequential scans; autovacuum is off on the build machines).
 */
const byUrl = `
  SELECT 'url' AS via, NULL::int AS probe, d.*
  FROM unnest($1::text[]) AS u(url)
  CROSS JOIN LATERAL (SELECT ${FINGERPRINT_COLUMNS} FROM article_dedup d WHERE d.canonical_url = u.url OFFSET 0) d`;

// Only a published copy can be the target: exact copies point at it.
const byHash = `
  SELECT 'hash' AS via, NULL::int AS probe, d.*
  FROM unnest($2::bpchar[]) AS h(hash)
  CROSS JOIN LATERAL (
    SELECT ${FINGERPRINT_COLUMNS} FROM article_dedup d WHERE d.content_hash = h.hash AND d.kind <> 'exact_duplicate' OFFSET 0
  ) d`;

/*
 * The nearest stored near copy of each fingerprint of the batch ($5, bands $6-$9): one bitmap scan per
 * fingerprint that ORs the four bands' partial indexes, each probed with the band value XOR every mask
 * of $10 ({0}, or with probe flips also each single bit), so a stored row that shares several bands is
 * read once; the Hamming distance over all 64 bits is checked in PostgreSQL and only the nearest row
 * (earliest on a tie) comes back. Returning every match instead made the statement and the app's
 * comparisons grow with the copies of a story (every copy of a wire story matches every later one).
 */
const nearest = `
  SELECT 'near' AS via, p.i::int AS probe, c.*
  FROM unnest($5::bigint[], $6::int[], $7::int[], $8::int[], $9::int[]) WITH ORDINALITY AS p(sim, b0, b1, b2, b3, i)
  CROSS JOIN LATERAL (
    SELECT ${FINGERPRINT_COLUMNS}
    FROM article_dedup d
    WHERE (${[0, 1, 2, 3].map((b) => `d.simhash_b${b} = ANY(ARRAY(SELECT p.b${b} # m FROM unnest($10::int[]) AS m))`).join('\n        OR ')})
      AND d.simhash IS NOT NULL AND d.kind <> 'exact_duplicate'
      AND d.created_at > now() - make_interval(days => $3)
      AND bit_count((d.simhash # p.sim)::bit(64)) <= $4
    ORDER BY bit_count((d.simhash # p.sim)::bit(64)), d.created_at, d.article_id
    LIMIT 1
  ) c`;

/** Stored articles with one of the URLs ($1) or published bodies ($2), and near copies ($5-$10), in one statement. */
const FIND_FINGERPRINTS = [byUrl, byHash, nearest].join('\n  UNION ALL');

/** XOR masks of a band's probes: the band as is, and with probe flips each 1-bit variant of it. */
const PROBE_MASKS: Record<0 | 1, number[]> = {
  0: [0],
  1: [0, ...Array.from({ length: 16 }, (_, bit) => 1 << bit)],
};

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
   * Stored articles with one of the URLs or bodies, and the nearest stored near copy of each of the
   * batch's fingerprints, in one round trip; distances are compared in PostgreSQL, so at most one row
   * per fingerprint comes back.
   */
  async findFingerprints(manager: EntityManager, q: FingerprintQuery): Promise<StoredFingerprints> {
    // Fingerprints within 7 bits have a band within 1 bit (pigeonhole over 4 bands), so probe flips
    // find every match up to distance 7; without them, every match up to distance 3.
    const rows: FingerprintRow[] = await manager.query(FIND_FINGERPRINTS, [
      q.canonicalUrls,
      q.contentHashes,
      q.nearWindowDays,
      q.maxDistance,
      q.simhashes.map((s) => s.value.toString()),
      ...[0, 1, 2, 3].map((b) => q.simhashes.map((s) => s.bands[b])),
      PROBE_MASKS[q.probeFlips],
    ]);
    const near: (StoredFingerprint | null)[] = q.simhashes.map(() => null);
    for (const r of rows) if (r.via === 'near' && r.probe !== null) near[r.probe - 1] = toFingerprint(r);
    return {
      byUrl: rows.filter((r) => r.via === 'url').map(toFingerprint),
      byHash: rows.filter((r) => r.via === 'hash').map(toFingerprint),
      near,
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
