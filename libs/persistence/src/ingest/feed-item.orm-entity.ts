import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `feed_items` (migration CreateFeeds): an item already taken from a feed, and what came of it. */
@Entity({ name: 'feed_items' })
export class FeedItemOrmEntity {
  @PrimaryColumn({ name: 'feed_id', type: 'uuid' })
  feedId: string;

  /** guid / id, else link, of the item inside its feed. */
  @PrimaryColumn({ name: 'item_key', type: 'text' })
  itemKey: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'article_id', type: 'uuid', nullable: true })
  articleId: string | null;

  /** new, duplicate, near_duplicate, or failed. */
  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'seen_at', type: 'timestamptz', insert: false, update: false })
  seenAt: Date;
}
