import { ClusterSummary } from '@sitrep/domain/clusters';
import { SanctionsFlag } from '@sitrep/domain/sanctions';
import { ClaimStatus, ClaimType, Evidence, Modality } from '@sitrep/extraction';

/** The sanctions part of a claim or cluster document. */
export interface SanctionsView {
  relevant: boolean;
  instruments: string[];
  flags: SanctionsFlag[];
}

/** One claim as the claims index holds it (id = the claim id, version = its PostgreSQL version). */
export interface ClaimDocument {
  id: string;
  cluster_id: string;
  article_id: string;
  engine_version: string;
  ordinal: number;
  type: ClaimType;
  source: string | null;
  target: string | null;
  /** Raw and country-folded ids of source and target: the actor filter matches either. */
  actors: string[];
  source_ids: string[];
  target_ids: string[];
  source_country: string | null;
  target_country: string | null;
  status: ClaimStatus;
  modality: Modality;
  claimant: string | null;
  reported_by: string[];
  items: string[];
  quantity: string | null;
  instrument: string | null;
  event_date: string | null;
  /** First day of event_date, or of the report's month when there is none: what the timeline sorts by. */
  event_start: string;
  evidence: Evidence;
  confidence: number;
  language: string | null;
  outlet: string | null;
  story_id: string | null;
  url: string | null;
  title: string | null;
  seen_at: string;
  published_at: string | null;
  /** When PostgreSQL recorded the claim, and when a newer engine version replaced it (as_of reads both). */
  recorded_at: string;
  superseded_at: string | null;
  /** An analyst's verdict; `wrong` claims are left out of every read (the audit list is in PostgreSQL). */
  curation?: 'wrong' | 'confirmed' | null;
  sanctions: SanctionsView;
}

/** One cluster as the clusters index holds it (id = the cluster id, version = its PostgreSQL version). */
export interface ClusterDocument extends ClusterSummary {
  /** Folded and raw ids of the members' sources and targets. */
  actors: string[];
  source_ids: string[];
  target_ids: string[];
  /** Every modality of its members, so that `modality=denied` finds contradicted clusters. */
  modalities: Modality[];
  event_start: string;
  /** Evidence sentences of the members (capped), for free-text search. */
  evidence_text: string[];
  sanctions: SanctionsView;
  version: number;
  updated_at: string;
  /**
   * When its first claim was recorded and when its membership last changed (a claim recorded or
   * replaced): an `as_of` read takes the document as it is when `changed_at <= as_of`, and regroups the
   * claims of the clusters whose window spans `as_of`. Null on documents projected before they existed.
   */
  recorded_from?: string | null;
  changed_at?: string | null;
}
