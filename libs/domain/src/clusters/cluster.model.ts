import { Claim, ClaimStatus, ClaimType, Modality } from '@sitrep/extraction';

/** A stored claim (the engine's fields, unchanged) with the article facts clustering needs. */
export interface ClusterMember extends Claim {
  claim_id: string;
  article_id: string;
  /** The outlet that published the article (its host or name), or null when unknown. */
  outlet: string | null;
  language: string | null;
  /** Ingest's id for copies of one story (wire copies, near duplicates), or null. */
  story_id: string | null;
  /** When the pipeline accepted the article (ISO timestamp). */
  seen_at: string;
  /** When the article says it was published (ISO timestamp), or null. */
  published_at: string | null;
}

/** Where a claim belongs: the same key means the same event. */
export interface ClusterKey {
  /** Stable id derived from `key` alone, so replays and rebuilds give the same cluster. */
  id: string;
  /** `type|source|target|family|period`, human-readable. */
  key: string;
  type: ClaimType;
  /** Country-folded; for military_cooperation the pair in alphabetical order. */
  source: string | null;
  target: string | null;
  /** Item family (arms transfers only), `any` when no item is named, `-` for other types. */
  item_family: string;
  /** The month (YYYY-MM) of the event, or of the report when the event date is not given. */
  period: string;
}

/**
 * A cluster: one event as reported across articles, outlets and languages. Its members are the claims
 * with its id (`claims.cluster_id`); it does not list them, which would make every change of a large
 * cluster rewrite all its ids.
 */
export interface ClusterSummary extends ClusterKey {
  claim_count: number;
  article_count: number;
  outlet_count: number;
  language_count: number;
  /** Articles grouped by shared story_id, cited agency (reported_by) or outlet count once. */
  independent_source_count: number;
  outlets: string[];
  languages: string[];
  first_seen: string;
  last_seen: string;
  /** Earliest and latest event date given by the members (ISO year, month or date), or null. */
  event_date_from: string | null;
  event_date_to: string | null;
  claimants: string[];
  reported_by: string[];
  /** The strongest modality among claims that do not deny the event; `denied` when all deny it. */
  modality: Modality;
  /** The most advanced status among claims that do not deny the event. */
  status: ClaimStatus;
  items: string[];
  instruments: string[];
  /** Members that deny the event: kept in the cluster as a contradiction. */
  contradiction_claim_ids: string[];
  contradicted: boolean;
  max_confidence: number;
}
