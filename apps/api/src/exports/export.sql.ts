import type { ClaimStatus, ClaimType, Modality } from '@sitrep/extraction';

/** Filters of the claims exports (CSV, NDJSON, STIX): the timeline's, on single claims. */
export interface ClaimExportFilter {
  actor?: string;
  counterpart?: string;
  role: 'source' | 'target' | 'any';
  types?: ClaimType[];
  statuses?: ClaimStatus[];
  modalities?: Modality[];
  languages?: string[];
  sanctionsRelevantOnly?: boolean;
  /** Report date (publication, else acceptance): from inclusive, before exclusive. */
  from?: Date;
  before?: Date;
  includeSuperseded: boolean;
}

/** Filters of the cluster (timeline) exports. */
export interface ClusterExportFilter {
  actor?: string;
  counterpart?: string;
  role: 'source' | 'target' | 'any';
  types?: ClaimType[];
  statuses?: ClaimStatus[];
  modalities?: Modality[];
  languages?: string[];
  sanctionsRelevantOnly?: boolean;
  minIndependentSources?: number;
  /** Event month (YYYY-MM), inclusive. */
  fromMonth?: string;
  toMonth?: string;
}

export interface SqlQuery {
  text: string;
  params: unknown[];
}

/** Builds a WHERE clause with numbered parameters. */
class Where {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  add(condition: string): void {
    this.parts.push(condition);
  }

  toString(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** The columns the claims exports read, in a stable order (see docs/exports.md). */
const CLAIM_SELECT = `c.id, c.article_id, c.cluster_id, c.type, c.source, c.target, c.source_country,
  c.target_country, c.status, c.modality, c.claimant, c.reported_by, c.items, c.quantity, c.instrument,
  c.event_date, c.confidence, c.evidence_text, c.evidence_start, c.evidence_end, c.outlet, c.language,
  c.url, c.title, c.published_at, c.seen_at, c.sanctions, c.engine_version, c.recorded_at, c.superseded_at`;

/** Claims sorted by report date then id: a stable order, the same in every format. */
export function claimsExportSql(
  filter: ClaimExportFilter,
  options: { withCluster?: boolean } = {},
): SqlQuery {
  const where = new Where();
  if (!filter.includeSuperseded) where.add('c.superseded_at IS NULL');
  // Claims an analyst marked wrong are never exported (GET /v1/claim-marks/export has them, labelled).
  where.add("c.curation IS DISTINCT FROM 'wrong'");
  if (filter.actor) {
    const actor = where.param(filter.actor);
    const side = (role: 'source' | 'target') => `${actor} IN (c.${role}, c.${role}_country)`;
    const other = (role: 'source' | 'target') =>
      filter.counterpart ? ` AND ${where.param(filter.counterpart)} IN (c.${role}, c.${role}_country)` : '';
    if (filter.role === 'source') where.add(`(${side('source')}${other('target')})`);
    else if (filter.role === 'target') where.add(`(${side('target')}${other('source')})`);
    else where.add(`((${side('source')}${other('target')}) OR (${side('target')}${other('source')}))`);
  } else if (filter.counterpart) {
    const counterpart = where.param(filter.counterpart);
    where.add(`${counterpart} IN (c.source, c.target, c.source_country, c.target_country)`);
  }
  if (filter.types?.length) where.add(`c.type = ANY(${where.param(filter.types)})`);
  if (filter.statuses?.length) where.add(`c.status = ANY(${where.param(filter.statuses)})`);
  if (filter.modalities?.length) where.add(`c.modality = ANY(${where.param(filter.modalities)})`);
  if (filter.languages?.length) where.add(`c.language = ANY(${where.param(filter.languages)})`);
  if (filter.sanctionsRelevantOnly) where.add(`(c.sanctions->>'relevant')::boolean`);
  if (filter.from) where.add(`COALESCE(c.published_at, c.seen_at) >= ${where.param(filter.from)}`);
  if (filter.before) where.add(`COALESCE(c.published_at, c.seen_at) < ${where.param(filter.before)}`);
  // STIX: the first and last time the claim's event was seen, from its cluster.
  const cluster = options.withCluster
    ? `, cc.summary->>'first_seen' AS cluster_first_seen, cc.summary->>'last_seen' AS cluster_last_seen`
    : '';
  const join = options.withCluster ? 'LEFT JOIN claim_clusters cc ON cc.id = c.cluster_id' : '';
  return {
    text: `SELECT ${CLAIM_SELECT}, COALESCE(c.published_at, c.seen_at) AS report_date${cluster}
      FROM claims c ${join} ${where}
      ORDER BY COALESCE(c.published_at, c.seen_at), c.id`,
    params: where.params,
  };
}

/** Clusters with a current claim, sorted by event month then id. */
export function clustersExportSql(filter: ClusterExportFilter): SqlQuery {
  const where = new Where();
  where.add(`(cc.summary->>'claim_count')::int > 0`);
  if (filter.actor) {
    const actor = where.param(filter.actor);
    const counterpart = filter.counterpart ? where.param(filter.counterpart) : null;
    const side = (mine: string, other: string) =>
      `(cc.facets->'${mine}' ? ${actor}${counterpart ? ` AND cc.facets->'${other}' ? ${counterpart}` : ''})`;
    if (filter.role === 'source') where.add(side('source_ids', 'target_ids'));
    else if (filter.role === 'target') where.add(side('target_ids', 'source_ids'));
    else where.add(`(${side('source_ids', 'target_ids')} OR ${side('target_ids', 'source_ids')})`);
  } else if (filter.counterpart) {
    where.add(`cc.facets->'actors' ? ${where.param(filter.counterpart)}`);
  }
  if (filter.types?.length) where.add(`cc.type = ANY(${where.param(filter.types)})`);
  if (filter.statuses?.length) where.add(`cc.summary->>'status' = ANY(${where.param(filter.statuses)})`);
  if (filter.modalities?.length)
    where.add(`cc.facets->'modalities' ?| ${where.param(filter.modalities)}::text[]`);
  if (filter.languages?.length)
    where.add(`cc.summary->'languages' ?| ${where.param(filter.languages)}::text[]`);
  if (filter.sanctionsRelevantOnly) where.add(`(cc.sanctions->>'relevant')::boolean`);
  if (filter.minIndependentSources) {
    where.add(
      `(cc.summary->>'independent_source_count')::int >= ${where.param(filter.minIndependentSources)}`,
    );
  }
  if (filter.fromMonth) where.add(`cc.summary->>'period' >= ${where.param(filter.fromMonth)}`);
  if (filter.toMonth) where.add(`cc.summary->>'period' <= ${where.param(filter.toMonth)}`);
  return {
    text: `SELECT cc.id, cc.summary, cc.sanctions, cc.updated_at FROM claim_clusters cc ${where}
      ORDER BY cc.summary->>'period', cc.id`,
    params: where.params,
  };
}
