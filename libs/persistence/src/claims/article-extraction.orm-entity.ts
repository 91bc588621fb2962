import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `article_extractions` (migration CreateArticleExtractions). */
@Entity({ name: 'article_extractions' })
export class ArticleExtractionOrmEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outlet: string | null;

  @Column({ name: 'story_id', type: 'text', nullable: true })
  storyId: string | null;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'seen_at', type: 'timestamptz' })
  seenAt: Date;

  @Column({ name: 'claim_count', type: 'integer' })
  claimCount: number;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'extracted_at', type: 'timestamptz' })
  extractedAt: Date;
}
