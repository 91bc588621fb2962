import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Claims of an actor: its own id, or (for states) the id it folds to, on either side. */
const ACTOR_MATCH = `$1 IN (c.source, c.target, c.source_country, c.target_country)`;
/** The actor's side of a claim, and the other party (country-folded when it has a country). */
const ROLE = `CASE WHEN $1 IN (c.source, c.source_country) THEN 'source' ELSE 'target' END`;
const COUNTERPART = `CASE WHEN $1 IN (c.source, c.source_country)
  THEN COALESCE(c.target_country, c.target) ELSE COALESCE(c.source_country, c.source) END`;
/** The date a claim is reported on: the article's publication date, else when the pipeline accepted it. */
export const REPORT_DATE_SQL = `COALESCE(c.published_at, c.seen_at)`;

export interface ActorTotalsRow {
  claims: number;
  clusters: number;
  articles: number;
  first_seen: Date | null;
  last_seen: Date | null;
}

export interface CounterpartRow {
  type: string;
  role: 'source' | 'target';
  counterpart: string;
  claims: number;
  clusters: number;
  articles: number;
}

export interface MonthRow {
  month: string;
  type: string;
  clusters: number;
  claims: number;
  articles: number;
}

export interface SanctionsClusterRow {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  period: string;
  instruments: string[];
  claim_count: number;
  article_count: number;
  first_seen: string;
  last_seen: string;
}

export interface CountRow {
  key: string;
  claims: number;
  articles: number;
}

export interface InstrumentRow {
  instrument: string;
  clusters: number;
}

export interface MatrixPairRow {
  source: string;
  target: string;
  clusters: number;
  articles: number;
  claims: number;
}

export interface MatrixItemRow {
  source: string;
  target: string;
  item: string;
  claims: number;
}

export interface TrendRow {
  bucket: Date;
  /** null: the bucket's totals (all types). */
  type: string | null;
  claims: number;
  clusters: number;
  articles: number;
}

export interface MatrixFilter {
  type: string;
  /** First and last event month (YYYY-MM), inclusive. */
  fromMonth?: string;
  toMonth?: string;
  limit: number;
  itemsPerPair: number;
}

export interface TrendFilter {
  actor?: string;
  types?: string[];
  interval: 'week' | 'month';
  /** Report dates: from inclusive, `before` exclusive. */
  from?: Date;
  before?: Date;
}

const numbers = <T>(rows: Array<Record<string, unknown>>, keys: string[]): T[] =>
  rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const key of keys) out[key] = Number(row[key]);
    return out as T;
  });

/**
 * Aggregations for reports over PostgreSQL, the source of truth: current claims only (`superseded_at IS
 * NULL`, and not marked wrong by an analyst), clusters with at least one current claim. Counts are exact (no sampling, no index lag).
 */
@Injectable()
export class ReportReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  private mine(select: string, tail = ''): string {
    return `SELECT ${select} FROM claims c WHERE c.superseded_at IS NULL AND c.curation IS DISTINCT FROM 'wrong' AND ${ACTOR_MATCH} ${tail}`;
  }

  async actorTotals(actor: string): Promise<ActorTotalsRow> {
    const [row] = await this.dataSource.query(
      this.mine(`count(*) AS claims, count(DISTINCT c.cluster_id) AS clusters,
        count(DISTINCT c.article_id) AS articles, min(c.seen_at) AS first_seen, max(c.seen_at) AS last_seen`),
      [actor],
    );
    return numbers<ActorTotalsRow>([row], ['claims', 'clusters', 'articles'])[0];
  }

  async counterparts(actor: string, perGroup: number): Promise<CounterpartRow[]> {
    const rows = await this.dataSource.query(
      `SELECT type, role, counterpart, claims, clusters, articles FROM (
         SELECT type, role, counterpart, count(*) AS claims, count(DISTINCT cluster_id) AS clusters,
                count(DISTINCT article_id) AS articles,
                row_number() OVER (PARTITION BY type, role
                  ORDER BY count(DISTINCT cluster_id) DESC, count(*) DESC, counterpart) AS rank
         FROM (${this.mine(`c.type, c.cluster_id, c.article_id, ${ROLE} AS role, ${COUNTERPART} AS counterpart`)}) x
         WHERE counterpart IS NOT NULL AND counterpart <> $1
         GROUP BY type, role, counterpart) ranked
       WHERE rank <= $2 ORDER BY type, role, rank`,
      [actor, perGroup],
    );
    return numbers<CounterpartRow>(rows, ['claims', 'clusters', 'articles']);
  }

  /** Per event month (the cluster's period) and claim type. */
  async months(actor: string): Promise<MonthRow[]> {
    const rows = await this.dataSource.query(
      `SELECT cc.summary->>'period' AS month, m.type, count(DISTINCT m.cluster_id) AS clusters,
              count(*) AS claims, count(DISTINCT m.article_id) AS articles
       FROM (${this.mine('c.type, c.cluster_id, c.article_id')}) m
       JOIN claim_clusters cc ON cc.id = m.cluster_id
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [actor],
    );
    return numbers<MonthRow>(rows, ['clusters', 'claims', 'articles']);
  }

  private sanctionsClusters(): string {
    return `SELECT cc.* FROM claim_clusters cc
      WHERE cc.id IN (${this.mine('DISTINCT c.cluster_id')})
        AND (cc.sanctions->>'relevant')::boolean AND (cc.summary->>'claim_count')::int > 0`;
  }

  async sanctionsRelevantClusters(
    actor: string,
    limit: number,
  ): Promise<{ total: number; items: SanctionsClusterRow[] }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*) AS total FROM (${this.sanctionsClusters()}) s`,
      [actor],
    );
    const rows = await this.dataSource.query(
      `SELECT s.id, s.type, s.source, s.target, s.summary->>'period' AS period,
              s.sanctions->'instruments' AS instruments, (s.summary->>'claim_count')::int AS claim_count,
              (s.summary->>'article_count')::int AS article_count,
              s.summary->>'first_seen' AS first_seen, s.summary->>'last_seen' AS last_seen
       FROM (${this.sanctionsClusters()}) s
       ORDER BY s.summary->>'period' DESC, s.id LIMIT $2`,
      [actor, limit],
    );
    return { total: Number(total), items: rows as SanctionsClusterRow[] };
  }

  async sanctionsInstruments(actor: string): Promise<InstrumentRow[]> {
    const rows = await this.dataSource.query(
      `SELECT i AS instrument, count(*) AS clusters
       FROM (${this.sanctionsClusters()}) s, jsonb_array_elements_text(s.sanctions->'instruments') i
       GROUP BY i ORDER BY count(*) DESC, i`,
      [actor],
    );
    return numbers<InstrumentRow>(rows, ['clusters']);
  }

  /** Claims and articles per value of one claim column (claimant, outlet, language), most first. */
  async topBy(actor: string, column: 'claimant' | 'outlet' | 'language', limit: number): Promise<CountRow[]> {
    const rows = await this.dataSource.query(
      this.mine(
        `c.${column} AS key, count(*) AS claims, count(DISTINCT c.article_id) AS articles`,
        `AND c.${column} IS NOT NULL GROUP BY c.${column} ORDER BY count(*) DESC, c.${column} LIMIT $2`,
      ),
      [actor, limit],
    );
    return numbers<CountRow>(rows, ['claims', 'articles']);
  }

  private matrixClusters = `SELECT cc.id, cc.source, cc.target FROM claim_clusters cc
    WHERE cc.type = $1 AND (cc.summary->>'claim_count')::int > 0
      AND cc.source IS NOT NULL AND cc.target IS NOT NULL
      AND ($2::text IS NULL OR cc.summary->>'period' >= $2)
      AND ($3::text IS NULL OR cc.summary->>'period' <= $3)`;

  /** Source x target (supplier x recipient for arms transfers) over clusters of one type. */
  async matrix(filter: MatrixFilter): Promise<{ pairs: MatrixPairRow[]; items: MatrixItemRow[] }> {
    const params = [filter.type, filter.fromMonth ?? null, filter.toMonth ?? null];
    const pairs = await this.dataSource.query(
      `SELECT cl.source, cl.target, count(DISTINCT cl.id) AS clusters,
              count(DISTINCT c.article_id) AS articles, count(*) AS claims
       FROM (${this.matrixClusters}) cl JOIN claims c ON c.cluster_id = cl.id AND c.superseded_at IS NULL AND c.curation IS DISTINCT FROM 'wrong'
       GROUP BY 1, 2 ORDER BY clusters DESC, articles DESC, cl.source, cl.target LIMIT $4`,
      [...params, filter.limit],
    );
    const items = await this.dataSource.query(
      `SELECT source, target, item, claims FROM (
         SELECT cl.source, cl.target, item, count(*) AS claims,
                row_number() OVER (PARTITION BY cl.source, cl.target ORDER BY count(*) DESC, item) AS rank
         FROM (${this.matrixClusters}) cl
         JOIN claims c ON c.cluster_id = cl.id AND c.superseded_at IS NULL AND c.curation IS DISTINCT FROM 'wrong',
         jsonb_array_elements_text(c.items) item
         GROUP BY cl.source, cl.target, item) ranked
       WHERE rank <= $4 ORDER BY source, target, rank`,
      [...params, filter.itemsPerPair],
    );
    return {
      pairs: numbers<MatrixPairRow>(pairs, ['clusters', 'articles', 'claims']),
      items: numbers<MatrixItemRow>(items, ['claims']),
    };
  }

  /** Claims, clusters and articles per UTC week or month of the report date: per type, and in all (type null). */
  async trends(filter: TrendFilter): Promise<TrendRow[]> {
    const rows = await this.dataSource.query(
      `SELECT date_trunc($3, ${REPORT_DATE_SQL}, 'UTC') AS bucket, c.type, count(*) AS claims,
              count(DISTINCT c.cluster_id) AS clusters, count(DISTINCT c.article_id) AS articles
       FROM claims c
       WHERE c.superseded_at IS NULL AND c.curation IS DISTINCT FROM 'wrong'
         AND ($1::text IS NULL OR ${ACTOR_MATCH})
         AND ($2::text[] IS NULL OR c.type = ANY($2))
         AND ($4::timestamptz IS NULL OR ${REPORT_DATE_SQL} >= $4)
         AND ($5::timestamptz IS NULL OR ${REPORT_DATE_SQL} < $5)
       GROUP BY GROUPING SETS ((1, 2), (1)) ORDER BY 1, 2 NULLS FIRST`,
      [
        filter.actor ?? null,
        filter.types?.length ? filter.types : null,
        filter.interval,
        filter.from ?? null,
        filter.before ?? null,
      ],
    );
    return numbers<TrendRow>(rows, ['claims', 'clusters', 'articles']).map((row) => ({
      ...row,
      bucket: new Date(row.bucket),
    }));
  }
}
