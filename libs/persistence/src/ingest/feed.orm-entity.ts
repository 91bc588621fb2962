import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FeedStatus = 'active' | 'paused';

/** Row of `feeds` (migration CreateFeeds): a registered feed and its polling state. */
@Entity({ name: 'feeds' })
export class FeedOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  format: string | null;

  @Column({ type: 'text' })
  status: FeedStatus;

  @Column({ name: 'interval_seconds', type: 'integer' })
  intervalSeconds: number;

  @Column({ name: 'next_poll_at', type: 'timestamptz' })
  nextPollAt: Date;

  @Column({ type: 'text', nullable: true })
  etag: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified: string | null;

  @Column({ name: 'last_polled_at', type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  @Column({ name: 'last_error_at', type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  @Column({ name: 'last_error_code', type: 'text', nullable: true })
  lastErrorCode: string | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures: number;

  @Column({ name: 'items_seen', type: 'integer' })
  itemsSeen: number;

  @Column({ name: 'articles_new', type: 'integer' })
  articlesNew: number;

  @Column({ name: 'articles_duplicate', type: 'integer' })
  articlesDuplicate: number;

  @Column({ name: 'items_failed', type: 'integer' })
  itemsFailed: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
