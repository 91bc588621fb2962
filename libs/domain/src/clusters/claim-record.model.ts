import { SanctionsFlag } from '../sanctions/sanctions-regime.model';
import { ClusterFacets } from './cluster-facets';
import { ClusterMember, ClusterSummary } from './cluster.model';

/** The sanctions assessment stored with a claim or a cluster. */
export interface SanctionsRecord {
  relevant: boolean;
  instruments: string[];
  flags: SanctionsFlag[];
}

/** A claim as PostgreSQL stores it: the engine's claim, its article facts, its cluster and sanctions. */
export interface ClaimRecord extends ClusterMember {
  engine_version: string;
  /** Position in the engine's output for the article. */
  ordinal: number;
  cluster_id: string;
  /** Country-folded source and target (the cluster key uses them). */
  source_country: string | null;
  target_country: string | null;
  url: string | null;
  title: string | null;
  sanctions: SanctionsRecord;
  recorded_at: string;
  /** Set when a newer engine version replaced the claim; the row stays for `as_of` reads. */
  superseded_at: string | null;
  /** 1 when recorded, +1 when superseded or curated: the external version of its search document. */
  version: number;
  /**
   * An analyst's verdict (PUT /v1/claims/:id/mark): a `wrong` claim leaves its cluster, the timeline and
   * alerts; absent or null when nobody marked it.
   */
  curation?: ClaimCuration | null;
}

export type ClaimCuration = 'wrong' | 'confirmed';

/** One actor of an article. */
export interface ArticleActorRecord {
  article_id: string;
  actor_id: string;
  mentions: number;
  name: string | null;
  kind: string | null;
  country: string | null;
}

/** The extraction of one article: which engine version produced the stored claims. */
export interface ArticleExtractionRecord {
  article_id: string;
  engine_version: string;
  language: string | null;
  title: string | null;
  published_at: string | null;
  outlet: string | null;
  story_id: string | null;
  url: string | null;
  seen_at: string;
  claim_count: number;
  /** How many times the article was extracted (1, then 2 after a newer engine re-extracted it, ...). */
  revision: number;
}

/** A cluster as PostgreSQL stores it; `version` grows with every change (external version in search). */
export interface ClusterRecord {
  summary: ClusterSummary;
  facets: ClusterFacets;
  sanctions: SanctionsRecord;
  version: number;
  updated_at: string;
  /**
   * When the first of its claims (current or since replaced) was recorded, and the last time a claim joined
   * or was replaced: between the two the cluster may have looked different, after `changed_at` it is as
   * stored (as_of reads). Absent on records read before these were kept.
   */
  recorded_from?: string | null;
  changed_at?: string | null;
}
