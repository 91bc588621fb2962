import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SanctionsRecord } from '@sitrep/domain/clusters';

/** Row of `claims` (migration CreateClaims). */
@Entity({ name: 'claims' })
export class ClaimOrmEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  @Column({ type: 'integer' })
  ordinal: number;

  @Column({ name: 'cluster_id', type: 'text' })
  clusterId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ type: 'text', nullable: true })
  target: string | null;

  @Column({ name: 'source_country', type: 'text', nullable: true })
  sourceCountry: string | null;

  @Column({ name: 'target_country', type: 'text', nullable: true })
  targetCountry: string | null;

  @Column({ type: 'text' })
  status: string;

  @Column({ type: 'text' })
  modality: string;

  @Column({ type: 'text', nullable: true })
  claimant: string | null;

  @Column({ name: 'reported_by', type: 'jsonb' })
  reportedBy: string[];

  @Column({ type: 'jsonb' })
  items: string[];

  @Column({ type: 'text', nullable: true })
  quantity: string | null;

  @Column({ type: 'text', nullable: true })
  instrument: string | null;

  @Column({ name: 'event_date', type: 'text', nullable: true })
  eventDate: string | null;

  @Column({ name: 'evidence_text', type: 'text' })
  evidenceText: string;

  @Column({ name: 'evidence_start', type: 'integer' })
  evidenceStart: number;

  @Column({ name: 'evidence_end', type: 'integer' })
  evidenceEnd: number;

  @Column({ type: 'real' })
  confidence: number;

  @Column({ type: 'text', nullable: true })
  outlet: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  @Column({ name: 'story_id', type: 'text', nullable: true })
  storyId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'jsonb' })
  sanctions: SanctionsRecord;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  /** The latest analyst verdict (claim_marks keeps every mark); null when none. */
  @Column({ type: 'text', nullable: true })
  curation: string | null;

  @Column({ type: 'integer' })
  version: number;
}
