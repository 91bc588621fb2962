import { ArticleState } from '@sitrep/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `articles` (migration CreateArticles). */
@Entity({ name: 'articles' })
export class ArticleOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'canonical_url', type: 'text', nullable: true })
  canonicalUrl: string | null;

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  language: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text' })
  raw: string;

  @Column({ type: 'text' })
  source: string;

  @Column({ type: 'text' })
  state: ArticleState;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
