import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ClusterFacets,
  ClusterMergeState,
  ClusterSummary,
  SanctionsRecord,
} from '@sitrep/domain/clusters';

/** Row of `claim_clusters` (migration CreateClaimClusters). */
@Entity({ name: 'claim_clusters' })
export class ClaimClusterOrmEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', nullable: true })
  target: string | null;

  @Column({ type: 'jsonb' })
  summary: ClusterSummary;

  @Column({ type: 'jsonb' })
  facets: ClusterFacets;

  @Column({ type: 'jsonb' })
  sanctions: SanctionsRecord;

  /** Null on rows written before incremental summaries (rebuilt from the members once). */
  @Column({ name: 'merge_state', type: 'jsonb', nullable: true })
  mergeState: ClusterMergeState | null;

  /** bigint comes back as a string. */
  @Column({ type: 'bigint' })
  version: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** min(recorded_at) and max(recorded_at, superseded_at) over every claim it ever had (as_of reads). */
  @Column({ name: 'recorded_from', type: 'timestamptz', nullable: true })
  recordedFrom: Date | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}
