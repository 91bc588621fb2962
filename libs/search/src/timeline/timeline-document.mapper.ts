import { ClaimRecord, ClusterKeyFactory, ClusterRecord, partyIdsOf } from '@sitrep/domain/clusters';
import { dateSpanOf } from '@sitrep/domain/sanctions';
import { ClaimDocument, ClusterDocument } from './timeline.documents';

/** First day of an ISO year, month or date, or of the period a claim is keyed by. */
function startOf(eventDate: string | null, fallbackPeriod: string): string {
  return dateSpanOf(eventDate)?.from ?? `${fallbackPeriod}-01`;
}

/** Maps stored records to the documents of the timeline indices. Pure. */
export const TimelineDocumentMapper = {
  claim(record: ClaimRecord): ClaimDocument {
    const parties = partyIdsOf(record);
    return {
      id: record.claim_id,
      cluster_id: record.cluster_id,
      article_id: record.article_id,
      engine_version: record.engine_version,
      ordinal: record.ordinal,
      type: record.type,
      source: record.source,
      target: record.target,
      actors: [...new Set([...parties.source_ids, ...parties.target_ids])].sort(),
      source_ids: parties.source_ids,
      target_ids: parties.target_ids,
      source_country: record.source_country,
      target_country: record.target_country,
      status: record.status,
      modality: record.modality,
      claimant: record.claimant,
      reported_by: record.reported_by,
      items: record.items,
      quantity: record.quantity,
      instrument: record.instrument,
      event_date: record.event_date,
      event_start: startOf(record.event_date, ClusterKeyFactory.periodOf(record)),
      evidence: record.evidence,
      confidence: record.confidence,
      language: record.language,
      outlet: record.outlet,
      story_id: record.story_id,
      url: record.url,
      title: record.title,
      seen_at: record.seen_at,
      published_at: record.published_at,
      recorded_at: record.recorded_at,
      superseded_at: record.superseded_at,
      curation: record.curation ?? null,
      sanctions: record.sanctions,
    };
  },

  /** The stored record a claim document was made from (as_of views regroup claims from the index). */
  claimRecordOf(doc: ClaimDocument): ClaimRecord {
    return {
      claim_id: doc.id,
      article_id: doc.article_id,
      engine_version: doc.engine_version,
      ordinal: doc.ordinal,
      cluster_id: doc.cluster_id,
      type: doc.type,
      source: doc.source,
      target: doc.target,
      source_country: doc.source_country,
      target_country: doc.target_country,
      status: doc.status,
      modality: doc.modality,
      claimant: doc.claimant,
      reported_by: doc.reported_by,
      items: doc.items,
      quantity: doc.quantity,
      instrument: doc.instrument,
      event_date: doc.event_date,
      evidence: doc.evidence,
      confidence: doc.confidence,
      outlet: doc.outlet,
      language: doc.language,
      story_id: doc.story_id,
      url: doc.url,
      title: doc.title,
      seen_at: doc.seen_at,
      published_at: doc.published_at,
      sanctions: doc.sanctions,
      recorded_at: doc.recorded_at,
      superseded_at: doc.superseded_at,
      version: 0,
      ...(doc.curation ? { curation: doc.curation } : {}),
    };
  },

  cluster(record: ClusterRecord): ClusterDocument {
    // Summaries stored before migration 1795700100000 (or by an older extractor during a deploy) still
    // list their members' ids: the strict mapping would refuse them, and members are found through the
    // claims index by cluster_id anyway.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { claim_ids, ...summary } = record.summary as ClusterRecord['summary'] & { claim_ids?: string[] };
    return {
      ...summary,
      ...record.facets,
      event_start: startOf(summary.event_date_from, summary.period),
      sanctions: record.sanctions,
      version: record.version,
      updated_at: record.updated_at,
      recorded_from: record.recorded_from ?? null,
      changed_at: record.changed_at ?? null,
    };
  },
};
