import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `article_dedup` (migration CreateArticleDedup): how ingest classified an article it stored. */
@Entity({ name: 'article_dedup' })
export class ArticleDedupOrmEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @Column({ name: 'canonical_url', type: 'text' })
  canonicalUrl: string;

  /** SHA-256 (hex) of the normalised cleaned body. */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'text' })
  kind: 'original' | 'exact_duplicate' | 'near_duplicate';

  @Column({ name: 'story_id', type: 'uuid' })
  storyId: string;

  @Column({ name: 'duplicate_of', type: 'uuid', nullable: true })
  duplicateOf: string | null;

  @Column({ type: 'smallint', nullable: true })
  distance: number | null;

  /** 64-bit SimHash; bigint comes back as a string. */
  @Column({ type: 'bigint', nullable: true })
  simhash: string | null;

  @Column({ name: 'simhash_b0', type: 'integer', nullable: true })
  simhashB0: number | null;

  @Column({ name: 'simhash_b1', type: 'integer', nullable: true })
  simhashB1: number | null;

  @Column({ name: 'simhash_b2', type: 'integer', nullable: true })
  simhashB2: number | null;

  @Column({ name: 'simhash_b3', type: 'integer', nullable: true })
  simhashB3: number | null;

  @Column({ type: 'text' })
  source: string;

  @Column({ name: 'feed_id', type: 'uuid', nullable: true })
  feedId: string | null;

  /** Whether an `articles.ingested` event was written to the outbox for it. */
  @Column({ type: 'boolean' })
  published: boolean;

  /** Id of its `articles.ingested` message (outbox.id), when one was written. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}
