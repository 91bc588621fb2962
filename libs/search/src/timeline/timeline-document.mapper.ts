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
      sanctions: record.sanctions,
    };
  },

  cluster(record: ClusterRecord): ClusterDocument {
    // claim_ids can be long: members are found through the claims index by cluster_id instead.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { claim_ids, ...summary } = record.summary;
    return {
      ...summary,
      ...record.facets,
      event_start: startOf(summary.event_date_from, summary.period),
      sanctions: record.sanctions,
      version: record.version,
      updated_at: record.updated_at,
    };
  },
};
