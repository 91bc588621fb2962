import { Modality } from '@sitrep/extraction';
import { ClaimRecord } from './claim-record.model';

/** How many evidence sentences a cluster keeps for free-text search. */
export const MAX_EVIDENCE_TEXTS = 20;

/** What the timeline filters on besides the summary: raw and folded ids, every modality, evidence text. */
export interface ClusterFacets {
  actors: string[];
  source_ids: string[];
  target_ids: string[];
  modalities: Modality[];
  evidence_text: string[];
}

const distinct = <T extends string>(values: Array<T | null>): T[] =>
  [...new Set(values.filter((value): value is T => !!value))].sort();

/** The id forms a claim's source and target can be searched by (raw and country-folded). */
export function partyIdsOf(
  claim: Pick<ClaimRecord, 'source' | 'target' | 'source_country' | 'target_country'>,
) {
  return {
    source_ids: distinct([claim.source, claim.source_country]),
    target_ids: distinct([claim.target, claim.target_country]),
  };
}

/** The facets of a cluster from its current members (order-independent). */
export function clusterFacetsOf(members: readonly ClaimRecord[]): ClusterFacets {
  const ordered = [...members].sort((a, b) => a.claim_id.localeCompare(b.claim_id));
  const parties = ordered.map(partyIdsOf);
  // Military cooperation has no direction: each party is searchable in both roles.
  const undirected = ordered.some((member) => member.type === 'military_cooperation');
  const sources = parties.flatMap((p) => p.source_ids);
  const targets = parties.flatMap((p) => p.target_ids);
  return {
    actors: distinct([...sources, ...targets]),
    source_ids: distinct(undirected ? [...sources, ...targets] : sources),
    target_ids: distinct(undirected ? [...sources, ...targets] : targets),
    modalities: distinct(ordered.map((member) => member.modality)),
    evidence_text: [...new Set(ordered.map((member) => member.evidence.text))].slice(0, MAX_EVIDENCE_TEXTS),
  };
}
