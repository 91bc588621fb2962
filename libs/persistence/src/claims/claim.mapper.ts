import type { ClaimRecord } from '@sitrep/domain/clusters';
import type { ClaimStatus, ClaimType, Modality } from '@sitrep/extraction';
import { ClaimOrmEntity } from './claim.orm-entity';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/** Converts claim rows to domain records and back. */
export const ClaimMapper = {
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
