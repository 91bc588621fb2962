import type { ClusterSummary, SanctionsRecord } from '@sitrep/domain/clusters';

/** A value of an export row: lists stay lists in NDJSON and are joined with `|` in CSV. */
export type ExportValue = string | number | boolean | null | string[];
export type ExportRow = Record<string, ExportValue>;

/** Column names of the claims exports, in order. Stable: new columns are only ever appended. */
export const CLAIM_COLUMNS = [
  'id',
  'article_id',
  'cluster_id',
  'type',
  'source',
  'target',
  'source_country',
  'target_country',
  'status',
  'modality',
  'claimant',
  'reported_by',
  'items',
  'quantity',
  'instrument',
  'event_date',
  'confidence',
  'evidence_text',
  'evidence_start',
  'evidence_end',
  'outlet',
  'language',
  'url',
  'title',
  'published_at',
  'seen_at',
  'report_date',
  'sanctions_relevant',
  'sanctions_instruments',
  'engine_version',
  'recorded_at',
  'superseded_at',
] as const;

/** Column names of the cluster (event, timeline) exports, in order. Stable: appended to only. */
export const CLUSTER_COLUMNS = [
  'id',
  'type',
  'source',
  'target',
  'period',
  'item_family',
  'event_date_from',
  'event_date_to',
  'first_seen',
  'last_seen',
  'status',
  'modality',
  'contradicted',
  'claim_count',
  'article_count',
  'outlet_count',
  'language_count',
  'independent_source_count',
  'outlets',
  'languages',
  'claimants',
  'items',
  'sanctions_relevant',
  'sanctions_instruments',
  'max_confidence',
  'updated_at',
] as const;

/** A `claims` row as `pg` returns it (timestamps as Date, jsonb parsed). */
export interface ClaimSqlRow {
  id: string;
  article_id: string;
  cluster_id: string;
  type: string;
  source: string | null;
  target: string | null;
  source_country: string | null;
  target_country: string | null;
  status: string;
  modality: string;
  claimant: string | null;
  reported_by: string[];
  items: string[];
  quantity: string | null;
  instrument: string | null;
  event_date: string | null;
  confidence: number;
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  outlet: string | null;
  language: string | null;
  url: string | null;
  title: string | null;
  published_at: Date | null;
  seen_at: Date;
  report_date: Date;
  sanctions: SanctionsRecord;
  engine_version: string;
  recorded_at: Date;
  superseded_at: Date | null;
}

export interface ClusterSqlRow {
  id: string;
  summary: ClusterSummary;
  sanctions: SanctionsRecord;
  updated_at: Date;
}

const iso = (date: Date | string | null | undefined): string | null =>
  date ? new Date(date).toISOString() : null;

/** `real` comes back as a float of single precision: 0.8999999761581421 -> 0.9. */
const round = (value: number): number => Math.round(value * 1e4) / 1e4;

export function claimExportRow(row: ClaimSqlRow): ExportRow {
  return {
    id: row.id,
    article_id: row.article_id,
    cluster_id: row.cluster_id,
    type: row.type,
    source: row.source,
    target: row.target,
    source_country: row.source_country,
    target_country: row.target_country,
    status: row.status,
    modality: row.modality,
    claimant: row.claimant,
    reported_by: row.reported_by ?? [],
    items: row.items ?? [],
    quantity: row.quantity,
    instrument: row.instrument,
    event_date: row.event_date,
    confidence: round(row.confidence),
    evidence_text: row.evidence_text,
    evidence_start: row.evidence_start,
    evidence_end: row.evidence_end,
    outlet: row.outlet,
    language: row.language,
    url: row.url,
    title: row.title,
    published_at: iso(row.published_at),
    seen_at: iso(row.seen_at),
    report_date: iso(row.report_date),
    sanctions_relevant: row.sanctions?.relevant ?? false,
    sanctions_instruments: row.sanctions?.instruments ?? [],
    engine_version: row.engine_version,
    recorded_at: iso(row.recorded_at),
    superseded_at: iso(row.superseded_at),
  };
}

export function clusterExportRow(row: ClusterSqlRow): ExportRow {
  const s = row.summary;
  return {
    id: row.id,
    type: s.type,
    source: s.source,
    target: s.target,
    period: s.period,
    item_family: s.item_family,
    event_date_from: s.event_date_from,
    event_date_to: s.event_date_to,
    first_seen: iso(s.first_seen),
    last_seen: iso(s.last_seen),
    status: s.status,
    modality: s.modality,
    contradicted: s.contradicted,
    claim_count: s.claim_count,
    article_count: s.article_count,
    outlet_count: s.outlet_count,
    language_count: s.language_count,
    independent_source_count: s.independent_source_count,
    outlets: s.outlets,
    languages: s.languages,
    claimants: s.claimants,
    items: s.items,
    sanctions_relevant: row.sanctions?.relevant ?? false,
    sanctions_instruments: row.sanctions?.instruments ?? [],
    max_confidence: round(s.max_confidence),
    updated_at: iso(row.updated_at),
  };
}
