import type { ClaimRecord } from '@sitrep/domain/clusters';
import type { ClaimStatus, ClaimType, Modality } from '@sitrep/extraction';
import { ClaimOrmEntity } from './claim.orm-entity';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/**
 * A `claims` row as node-postgres returns it from a plain query (snake_case columns, timestamptz as Date,
 * jsonb parsed): reading rows this way skips TypeORM's entity hydration, which cost the indexer more CPU
 * than PostgreSQL spent on its reads.
 */
export interface ClaimRow {
  id: string;
  article_id: string;
  engine_version: string;
  ordinal: number;
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
  evidence_text: string;
  evidence_start: number;
  evidence_end: number;
  confidence: number;
  outlet: string | null;
  language: string | null;
  story_id: string | null;
  url: string | null;
  title: string | null;
  seen_at: Date;
  published_at: Date | null;
  sanctions: ClaimRecord['sanctions'];
  recorded_at: Date;
  superseded_at: Date | null;
  version: number;
  curation: string | null;
}

/** Converts claim rows to domain records and back. */
export const ClaimMapper = {
  /** A raw `SELECT * FROM claims` row to its domain record (same result as `toDomain` of its entity). */
  fromRow(row: ClaimRow): ClaimRecord {
    return {
      claim_id: row.id,
      article_id: row.article_id,
      engine_version: row.engine_version,
      ordinal: row.ordinal,
      cluster_id: row.cluster_id,
      type: row.type as ClaimType,
      source: row.source,
      target: row.target,
      source_country: row.source_country,
      target_country: row.target_country,
      status: row.status as ClaimStatus,
      modality: row.modality as Modality,
      claimant: row.claimant,
      reported_by: row.reported_by,
      items: row.items,
      quantity: row.quantity,
      instrument: row.instrument,
      event_date: row.event_date,
      evidence: { text: row.evidence_text, start: row.evidence_start, end: row.evidence_end },
      confidence: row.confidence,
      outlet: row.outlet,
      language: row.language,
      story_id: row.story_id,
      url: row.url,
      title: row.title,
      seen_at: iso(row.seen_at) ?? '',
      published_at: iso(row.published_at),
      sanctions: row.sanctions,
      recorded_at: iso(row.recorded_at) ?? '',
      superseded_at: iso(row.superseded_at),
      version: row.version,
      curation: (row.curation ?? null) as ClaimRecord['curation'],
    };
  },

  toDomain(row: ClaimOrmEntity): ClaimRecord {
    return {
      claim_id: row.id,
      article_id: row.articleId,
      engine_version: row.engineVersion,
      ordinal: row.ordinal,
      cluster_id: row.clusterId,
      type: row.type as ClaimType,
      source: row.source,
      target: row.target,
      source_country: row.sourceCountry,
      target_country: row.targetCountry,
      status: row.status as ClaimStatus,
      modality: row.modality as Modality,
      claimant: row.claimant,
      reported_by: row.reportedBy,
      items: row.items,
      quantity: row.quantity,
      instrument: row.instrument,
      event_date: row.eventDate,
      evidence: { text: row.evidenceText, start: row.evidenceStart, end: row.evidenceEnd },
      confidence: row.confidence,
      outlet: row.outlet,
      language: row.language,
      story_id: row.storyId,
      url: row.url,
      title: row.title,
      seen_at: iso(row.seenAt) ?? '',
      published_at: iso(row.publishedAt),
      sanctions: row.sanctions,
      recorded_at: iso(row.recordedAt) ?? '',
      superseded_at: iso(row.supersededAt),
      version: row.version,
      curation: (row.curation ?? null) as ClaimRecord['curation'],
    };
  },

  toPersistence(record: ClaimRecord): ClaimOrmEntity {
    const row = new ClaimOrmEntity();
    Object.assign(row, {
      id: record.claim_id,
      articleId: record.article_id,
      engineVersion: record.engine_version,
      ordinal: record.ordinal,
      clusterId: record.cluster_id,
      type: record.type,
      source: record.source,
      target: record.target,
      sourceCountry: record.source_country,
      targetCountry: record.target_country,
      status: record.status,
      modality: record.modality,
      claimant: record.claimant,
      reportedBy: record.reported_by,
      items: record.items,
      quantity: record.quantity,
      instrument: record.instrument,
      eventDate: record.event_date,
      evidenceText: record.evidence.text,
      evidenceStart: record.evidence.start,
      evidenceEnd: record.evidence.end,
      confidence: record.confidence,
      outlet: record.outlet,
      language: record.language,
      storyId: record.story_id,
      url: record.url,
      title: record.title,
      seenAt: new Date(record.seen_at),
      publishedAt: record.published_at ? new Date(record.published_at) : null,
      sanctions: record.sanctions,
      recordedAt: new Date(record.recorded_at),
      supersededAt: record.superseded_at ? new Date(record.superseded_at) : null,
      version: record.version,
      curation: record.curation ?? null,
    });
    return row;
  },
};
