import type { ClaimDocument, ClusterDocument } from '@sitrep/search/timeline/timeline.documents';
import type { ClaimViewDto, TimelineItemDto } from './dto/timeline.response.dto';

/** How many evidence sentences a timeline item shows. */
const ITEM_EVIDENCE = 3;

/** A cluster document as a timeline item. */
export function timelineItemOf(doc: ClusterDocument, dateField: 'event' | 'first_seen'): TimelineItemDto {
  return {
    id: doc.id,
    type: doc.type,
    source: doc.source,
    target: doc.target,
    date: dateField === 'event' ? doc.event_start : doc.first_seen,
    event_date_from: doc.event_date_from,
    event_date_to: doc.event_date_to,
    first_seen: doc.first_seen,
    last_seen: doc.last_seen,
    status: doc.status,
    modality: doc.modality,
    contradicted: doc.contradicted,
    claim_count: doc.claim_count,
    article_count: doc.article_count,
    outlet_count: doc.outlet_count,
    language_count: doc.language_count,
    independent_source_count: doc.independent_source_count,
    languages: doc.languages,
    outlets: doc.outlets,
    claimants: doc.claimants,
    items: doc.items,
    sanctions: doc.sanctions,
    evidence: doc.evidence_text.slice(0, ITEM_EVIDENCE),
    links: { self: `/v1/clusters/${doc.id}`, claims: `/v1/claims?cluster_id=${doc.id}` },
  };
}

/** A claim document as the API shows it, with its evidence and a link to its article. */
export function claimViewOf(doc: ClaimDocument): ClaimViewDto {
  return {
    id: doc.id,
    cluster_id: doc.cluster_id,
    type: doc.type,
    source: doc.source,
    target: doc.target,
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
    engine_version: doc.engine_version,
    superseded_at: doc.superseded_at,
    sanctions: doc.sanctions,
    article: {
      id: doc.article_id,
      url: doc.url,
      title: doc.title,
      outlet: doc.outlet,
      language: doc.language,
      published_at: doc.published_at,
      seen_at: doc.seen_at,
      claims: `/v1/claims?article_id=${doc.article_id}`,
    },
  };
}
