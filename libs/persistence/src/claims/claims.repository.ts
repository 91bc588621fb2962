import { Injectable } from '@nestjs/common';
import type {
  ClusterFacets,
  ClusterView,
  ArticleActorRecord,
  ArticleExtractionRecord,
  ClaimRecord,
  ClusterRecord,
  ClusterSummary,
  SanctionsRecord,
} from '@sitrep/domain/clusters';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimMapper, ClaimRow } from './claim.mapper';

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** The part of an `articles` row the engine reads. */
export interface ArticleSource {
  id: string;
  raw: string;
  url: string | null;
  language: string | null;
  published_at: string | null;
}

/** When the claims that joined or left a cluster were recorded, and the last of those changes (ISO). */
export interface ClusterSpan {
  recorded_from: string;
  changed_at: string;
}

/*
 * Bulk writes send the rows as one JSON array read by json_to_recordset: one parameter per statement.
 * TypeORM's insert builder took a parameter per column and row and looked each one up in a list, which
 * cost the extractor more CPU than PostgreSQL spent on the inserts.
 */
const CLAIM_COLUMNS = `id text, article_id uuid, engine_version text, ordinal integer, cluster_id text, type text,
  source text, target text, source_country text, target_country text, status text, modality text, claimant text,
  reported_by jsonb, items jsonb, quantity text, instrument text, event_date text, evidence_text text,
  evidence_start integer, evidence_end integer, confidence real, outlet text, language varchar(16), story_id text,
  url text, title text, seen_at timestamptz, published_at timestamptz, sanctions jsonb, recorded_at timestamptz,
  superseded_at timestamptz, version integer, curation text`;
const CLAIM_COLUMN_NAMES = CLAIM_COLUMNS.split(',').map((column) => column.trim().split(' ')[0]);

const claimRow = (claim: ClaimRecord) => ({
  id: claim.claim_id,
  article_id: claim.article_id,
  engine_version: claim.engine_version,
  ordinal: claim.ordinal,
  cluster_id: claim.cluster_id,
  type: claim.type,
  source: claim.source,
  target: claim.target,
  source_country: claim.source_country,
  target_country: claim.target_country,
  status: claim.status,
  modality: claim.modality,
  claimant: claim.claimant,
  reported_by: claim.reported_by,
  items: claim.items,
  quantity: claim.quantity,
  instrument: claim.instrument,
  event_date: claim.event_date,
  evidence_text: claim.evidence.text,
  evidence_start: claim.evidence.start,
  evidence_end: claim.evidence.end,
  confidence: claim.confidence,
  outlet: claim.outlet,
  language: claim.language,
  story_id: claim.story_id,
  url: claim.url,
  title: claim.title,
  seen_at: claim.seen_at,
  published_at: claim.published_at,
  sanctions: claim.sanctions,
  recorded_at: claim.recorded_at,
  superseded_at: claim.superseded_at,
  version: claim.version,
  curation: claim.curation ?? null,
});

/** Storage of extractions, claims and clusters (TypeORM, PostgreSQL). Bind it to a transaction with `withTransaction`. */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly manager: EntityManager) {}

  static fromDataSource(dataSource: DataSource): ClaimsRepository {
    return new ClaimsRepository(dataSource.manager);
  }

  withTransaction(manager: EntityManager): ClaimsRepository {
    return new ClaimsRepository(manager);
  }

  /** Serialises updates of the given clusters; locks in id order so that two transactions never deadlock. */
  async lockClusters(clusterIds: readonly string[]): Promise<void> {
    const ids = [...new Set(clusterIds)].sort();
    if (ids.length === 0) return;
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('cluster:' || id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n`,
      [ids],
    );
  }

  /** Serialises work on these articles across consumers; locks in id order so that batches never deadlock. */
  async lockArticles(articleIds: readonly string[]): Promise<void> {
    const ids = [...new Set(articleIds)].sort();
    if (ids.length === 0) return;
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('article:' || id)) FROM unnest($1::text[]) WITH ORDINALITY AS t(id, n) ORDER BY n`,
      [ids],
    );
  }

  /** The articles' texts as ingest stored them (one round trip); missing ones are absent from the map. */
  async loadArticles(articleIds: readonly string[]): Promise<Map<string, ArticleSource>> {
    if (articleIds.length === 0) return new Map();
    const rows: Array<{
      id: string;
      raw: string;
      url: string | null;
      language: string | null;
      published_at: Date | null;
    }> = await this.manager.query(
      `SELECT id, raw, url, language, published_at FROM articles WHERE id = ANY($1::uuid[])`,
      [[...new Set(articleIds)]],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          raw: row.raw,
          url: row.url,
          language: row.language,
          published_at: iso(row.published_at),
        },
      ]),
    );
  }

  /** The stored extractions of these articles, by article id. */
  async findExtractions(articleIds: readonly string[]): Promise<Map<string, ArticleExtractionRecord>> {
    if (articleIds.length === 0) return new Map();
    const rows: ExtractionRow[] = await this.manager.query(
      `SELECT ${EXTRACTION_COLUMNS} FROM article_extractions WHERE article_id = ANY($1::uuid[])`,
      [[...new Set(articleIds)]],
    );
    return new Map(rows.map((row) => [row.article_id, toExtractionRecord(row)]));
  }

  /** Inserts or replaces the extractions (one statement). */
  async saveExtractions(records: readonly ArticleExtractionRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((record) => ({
      article_id: record.article_id,
      engine_version: record.engine_version,
      language: record.language,
      title: record.title,
      published_at: record.published_at,
      outlet: record.outlet,
      story_id: record.story_id,
      url: record.url,
      seen_at: record.seen_at,
      claim_count: record.claim_count,
      revision: record.revision,
    }));
    await this.manager.query(
      `INSERT INTO article_extractions (article_id, engine_version, language, title, published_at, outlet,
         story_id, url, seen_at, claim_count, revision, extracted_at)
       SELECT t.*, now() FROM json_to_recordset($1::json) AS t(article_id uuid, engine_version text,
         language varchar(16), title text, published_at timestamptz, outlet text, story_id text, url text,
         seen_at timestamptz, claim_count integer, revision integer)
       ON CONFLICT (article_id) DO UPDATE SET engine_version = EXCLUDED.engine_version,
         language = EXCLUDED.language, title = EXCLUDED.title, published_at = EXCLUDED.published_at,
         outlet = EXCLUDED.outlet, story_id = EXCLUDED.story_id, url = EXCLUDED.url, seen_at = EXCLUDED.seen_at,
         claim_count = EXCLUDED.claim_count, revision = EXCLUDED.revision, extracted_at = EXCLUDED.extracted_at`,
      [JSON.stringify(rows)],
    );
  }

  /** Marks the current claims of these articles as replaced and returns them as they are now. */
  async supersedeClaimsOf(articleIds: readonly string[], at: Date): Promise<ClaimRecord[]> {
    if (articleIds.length === 0) return [];
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected].
    const [rows]: [ClaimRow[], number] = await this.manager.query(
      `UPDATE claims SET superseded_at = $2, version = version + 1
        WHERE article_id = ANY($1::uuid[]) AND superseded_at IS NULL RETURNING *`,
      [[...articleIds], at],
    );
    return rows.map(ClaimMapper.fromRow);
  }

  /** Replaces the actors of these articles with the given ones. */
  async replaceActorsOf(articleIds: readonly string[], actors: readonly ArticleActorRecord[]): Promise<void> {
    if (articleIds.length === 0) return;
    await this.manager.query(`DELETE FROM article_actors WHERE article_id = ANY($1::uuid[])`, [
      [...articleIds],
    ]);
    if (actors.length === 0) return;
    await this.manager.query(
      `INSERT INTO article_actors (article_id, actor_id, mentions, name, kind, country)
       SELECT * FROM json_to_recordset($1::json)
         AS t(article_id uuid, actor_id text, mentions integer, name text, kind text, country text)`,
      [
        JSON.stringify(
          actors.map((actor) => ({
            article_id: actor.article_id,
            actor_id: actor.actor_id,
            mentions: actor.mentions,
            name: actor.name,
            kind: actor.kind,
            country: actor.country,
          })),
        ),
      ],
    );
  }

  /**
   * The stored views of these clusters with their merge state (ClusterViewMerger folds new members
   * into them). A cluster written before merge states existed maps to null: rebuild it from its members.
   */
  async findClusterViews(clusterIds: readonly string[]): Promise<Map<string, ClusterView | null>> {
    if (clusterIds.length === 0) return new Map();
    const rows: Array<
      Pick<ClusterRow, 'id' | 'summary' | 'facets' | 'sanctions'> & {
        merge_state: ClusterView['state'] | null;
      }
    > = await this.manager.query(
      `SELECT id, summary, facets, sanctions, merge_state FROM claim_clusters WHERE id = ANY($1::text[])`,
      [[...clusterIds]],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        row.merge_state && row.summary.claim_count > 0
          ? { summary: row.summary, facets: row.facets, sanctions: row.sanctions, state: row.merge_state }
          : null,
      ]),
    );
  }

  /**
   * Inserts or updates clusters and bumps their versions (one statement).
   *
   * `recorded_from`/`changed_at` span every claim a cluster ever had. With `changes`, the span of the
   * claims that joined (`recorded_at`) or left (`superseded_at`) a cluster in this transaction, the stored
   * span is widened by it (every claim of a new cluster is in its change); a cluster without one gets the
   * span read from all its claims, which grows with the cluster (a busy cluster's hundreds of rows for
   * every article that joins it).
   */
  async upsertClusters(
    views: readonly ClusterView[],
    changes: ReadonlyMap<string, ClusterSpan> = new Map(),
  ): Promise<void> {
    if (views.length === 0) return;
    // One JSON parameter, like the other bulk writes: nine text arrays of JSON made node-postgres escape
    // every element of the array literals, about as much CPU as serialising them. Read as jsonb
    // (jsonb_to_recordset): json_to_recordset parsed the text of each of the four jsonb columns a second
    // time, which took about twice as long for these rows (~3 KB of JSON each).
    const rows = views.map((view) => {
      const change = changes.get(view.summary.id);
      return {
        id: view.summary.id,
        key: view.summary.key,
        type: view.summary.type,
        source: view.summary.source,
        target: view.summary.target,
        summary: view.summary,
        facets: view.facets,
        sanctions: view.sanctions,
        merge_state: view.state,
        recorded_from: change?.recorded_from ?? null,
        changed_at: change?.changed_at ?? null,
      };
    });
    await this.manager.query(
      `INSERT INTO claim_clusters (id, key, type, source, target, summary, facets, sanctions, merge_state, version, updated_at,
                                   recorded_from, changed_at)
       SELECT t.id, t.key, t.type, t.source, t.target, t.summary, t.facets, t.sanctions, t.merge_state, 1, now(),
              COALESCE(t.recorded_from, span.recorded_from), COALESCE(t.changed_at, span.changed_at)
         FROM jsonb_to_recordset($1::jsonb) AS t(id text, key text, type text, source text, target text, summary jsonb,
                facets jsonb, sanctions jsonb, merge_state jsonb, recorded_from timestamptz, changed_at timestamptz)
         LEFT JOIN LATERAL (
           SELECT min(c.recorded_at) AS recorded_from, max(GREATEST(c.recorded_at, c.superseded_at)) AS changed_at
             FROM claims c WHERE c.cluster_id = t.id AND t.recorded_from IS NULL) span ON true
       ON CONFLICT (id) DO UPDATE
         SET summary = EXCLUDED.summary, facets = EXCLUDED.facets, sanctions = EXCLUDED.sanctions,
             merge_state = EXCLUDED.merge_state, version = claim_clusters.version + 1, updated_at = now(),
             recorded_from = LEAST(claim_clusters.recorded_from, EXCLUDED.recorded_from),
             changed_at = GREATEST(claim_clusters.changed_at, EXCLUDED.changed_at)`,
      [JSON.stringify(rows)],
    );
  }

  /** Inserts the claims (one statement). */
  async insertClaims(claims: readonly ClaimRecord[]): Promise<void> {
    if (claims.length === 0) return;
    await this.manager.query(
      `INSERT INTO claims (${CLAIM_COLUMN_NAMES.join(', ')})
       SELECT * FROM json_to_recordset($1::json) AS t(${CLAIM_COLUMNS})`,
      [JSON.stringify(claims.map(claimRow))],
    );
  }

  /** The current members of the given clusters: not superseded, and not marked wrong by an analyst. */
  async currentMembers(clusterIds: readonly string[]): Promise<ClaimRecord[]> {
    if (clusterIds.length === 0) return [];
    return this.claimsWhere(
      `cluster_id = ANY($1::text[]) AND superseded_at IS NULL AND curation IS DISTINCT FROM 'wrong'`,
      [[...clusterIds]],
    );
  }

  /**
   * Empties a cluster left without current members (its claims were replaced): the row stays with
   * `claim_count` 0 and a higher version, so the search document is overwritten rather than orphaned.
   */
  async retireCluster(clusterId: string): Promise<ClusterRecord | null> {
    // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected].
    const [rows]: [Omit<ClusterRow, 'id'>[], number] = await this.manager.query(
      `UPDATE claim_clusters k
            SET summary = summary || '{"claim_count": 0, "article_count": 0}'::jsonb,
                version = version + 1, updated_at = now(),
                recorded_from = span.recorded_from, changed_at = span.changed_at
           FROM (SELECT $1::text AS id) t ${CLUSTER_SPAN_JOIN}
          WHERE k.id = t.id
          RETURNING k.summary, k.facets, k.sanctions, k.version, k.updated_at, k.recorded_from, k.changed_at`,
      [clusterId],
    );
    return rows.length === 0 ? null : toClusterRecord(rows[0]);
  }

  /** The clusters with the given ids. */
  async findClusters(clusterIds: readonly string[]): Promise<ClusterRecord[]> {
    if (clusterIds.length === 0) return [];
    return this.clustersWhere('id = ANY($1::text[])', [[...clusterIds]]);
  }

  /** Every claim (current and superseded) of the given articles. */
  async claimsOfArticles(articleIds: readonly string[]): Promise<ClaimRecord[]> {
    if (articleIds.length === 0) return [];
    return this.claimsWhere('article_id = ANY($1::uuid[])', [[...articleIds]]);
  }

  async findCluster(clusterId: string): Promise<ClusterRecord | null> {
    const [row] = await this.clustersWhere('id = $1', [clusterId]);
    return row ?? null;
  }

  /** Clusters in id order, a page at a time (reindex). */
  async clustersAfter(afterId: string, limit: number): Promise<ClusterRecord[]> {
    return this.clustersWhere('id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
  }

  /** Claims (current and superseded) in id order, a page at a time (reindex). */
  async claimsAfter(afterId: string, limit: number): Promise<ClaimRecord[]> {
    return this.claimsWhere('id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
  }

  /** Claims recorded or replaced since a moment (the catch-up pass of a rebuild). */
  async claimsChangedSince(since: Date): Promise<ClaimRecord[]> {
    return this.claimsWhere('recorded_at >= $1 OR superseded_at >= $1', [since]);
  }

  /** Clusters updated since a moment. */
  async clustersChangedSince(since: Date): Promise<ClusterRecord[]> {
    return this.clustersWhere('updated_at >= $1', [since]);
  }

  async claimsOfArticle(articleId: string): Promise<ClaimRecord[]> {
    return this.claimsWhere('article_id = $1 ORDER BY ordinal', [articleId]);
  }

  /**
   * Claims by a condition on `claims` (which may end with ORDER BY / LIMIT). Plain queries mapped by hand:
   * TypeORM's entity hydration of 34 columns was most of the indexer's CPU for its reads.
   */
  private async claimsWhere(condition: string, parameters: unknown[]): Promise<ClaimRecord[]> {
    const rows: ClaimRow[] = await this.manager.query(`SELECT * FROM claims WHERE ${condition}`, parameters);
    return rows.map(ClaimMapper.fromRow);
  }

  /** Clusters by a condition on `claim_clusters`, without their merge state (only the extractor reads it). */
  private async clustersWhere(condition: string, parameters: unknown[]): Promise<ClusterRecord[]> {
    const rows: ClusterRow[] = await this.manager.query(
      `SELECT ${CLUSTER_COLUMNS} FROM claim_clusters WHERE ${condition}`,
      parameters,
    );
    return rows.map(toClusterRecord);
  }
}

/**
 * Joins `span` (recorded_from, changed_at) of the cluster `t.id` over every claim it ever had: when the
 * first was recorded, and the last time one was recorded or replaced (as_of reads).
 */
const CLUSTER_SPAN_JOIN = `LEFT JOIN LATERAL (
    SELECT min(c.recorded_at) AS recorded_from, max(GREATEST(c.recorded_at, c.superseded_at)) AS changed_at
      FROM claims c WHERE c.cluster_id = t.id) span ON true`;

const EXTRACTION_COLUMNS = `article_id, engine_version, language, title, published_at, outlet, story_id, url,
  seen_at, claim_count, revision`;

/** An `article_extractions` row as node-postgres returns it. */
interface ExtractionRow {
  article_id: string;
  engine_version: string;
  language: string | null;
  title: string | null;
  published_at: Date | null;
  outlet: string | null;
  story_id: string | null;
  url: string | null;
  seen_at: Date;
  claim_count: number;
  revision: number;
}

function toExtractionRecord(row: ExtractionRow): ArticleExtractionRecord {
  return {
    article_id: row.article_id,
    engine_version: row.engine_version,
    language: row.language,
    title: row.title,
    published_at: iso(row.published_at),
    outlet: row.outlet,
    story_id: row.story_id,
    url: row.url,
    seen_at: row.seen_at.toISOString(),
    claim_count: row.claim_count,
    revision: row.revision,
  };
}

/** Every column of `claim_clusters` but `merge_state`, which can be large and only the extractor reads. */
const CLUSTER_COLUMNS = 'id, summary, facets, sanctions, version, updated_at, recorded_from, changed_at';

/** A `claim_clusters` row as node-postgres returns it (bigint as a string). */
interface ClusterRow {
  id: string;
  summary: ClusterSummary;
  facets: ClusterFacets;
  sanctions: SanctionsRecord;
  version: string;
  updated_at: Date;
  recorded_from: Date | null;
  changed_at: Date | null;
}

function toClusterRecord(row: Omit<ClusterRow, 'id'>): ClusterRecord {
  return {
    summary: row.summary,
    facets: row.facets,
    sanctions: row.sanctions,
    version: Number(row.version),
    updated_at: row.updated_at.toISOString(),
    recorded_from: row.recorded_from?.toISOString() ?? null,
    changed_at: row.changed_at?.toISOString() ?? null,
  };
}
