import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FeedOrmEntity, FeedStatus } from './feed.orm-entity';

/** A feed claimed by one poller: nobody else polls it until its lease (next_poll_at) passes. */
export interface ClaimedFeed {
  id: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  intervalSeconds: number;
  consecutiveFailures: number;
}

export interface FeedPollSuccess {
  etag: string | null;
  lastModified: string | null;
  title: string | null;
  format: string | null;
  itemsSeen: number;
  articlesNew: number;
  articlesDuplicate: number;
  itemsFailed: number;
}

export interface FeedItemRecord {
  itemKey: string;
  url: string | null;
  articleId: string | null;
  outcome: string;
  error: string | null;
}

/** Feeds and their items in PostgreSQL. */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get feeds() {
    return this.dataSource.getRepository(FeedOrmEntity);
  }

  /** Inserts the feed, or returns null when its URL is already registered. */
  async create(feed: {
    id: string;
    url: string;
    title: string | null;
    intervalSeconds: number;
  }): Promise<FeedOrmEntity | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO feeds (id, url, title, interval_seconds) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING RETURNING id`,
      [feed.id, feed.url, feed.title, feed.intervalSeconds],
    );
    return rows.length ? this.findById(feed.id) : null;
  }

  findById(id: string): Promise<FeedOrmEntity | null> {
    return this.feeds.findOneBy({ id });
  }

  findByUrl(url: string): Promise<FeedOrmEntity | null> {
    return this.feeds.findOneBy({ url });
  }

  list(): Promise<FeedOrmEntity[]> {
    return this.feeds.find({ order: { createdAt: 'ASC' } });
  }

  /**
   * A page of feeds in a stable order (created_at, then id) after the feed at `after` (the page
   * cursor: its creation time in microseconds, exact where a Date would round, and its id).
   */
  async listPage(
    limit: number,
    after?: { createdMicros: string; id: string },
  ): Promise<Array<{ feed: FeedOrmEntity; createdMicros: string }>> {
    const query = this.feeds
      .createQueryBuilder('f')
      .addSelect('(extract(epoch FROM f.created_at) * 1000000)::bigint::text', 'created_micros')
      .orderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(limit);
    if (after)
      query.where(
        `(f.created_at, f.id) > (timestamptz 'epoch' + CAST(:micros AS bigint) * interval '1 microsecond', CAST(:id AS uuid))`,
        { micros: after.createdMicros, id: after.id },
      );
    const { entities, raw } = await query.getRawAndEntities<{ created_micros: string }>();
    return entities.map((feed, i) => ({ feed, createdMicros: String(raw[i].created_micros) }));
  }

  async update(
    id: string,
    changes: { status?: FeedStatus; intervalSeconds?: number; pollNow?: boolean },
  ): Promise<FeedOrmEntity | null> {
    // For UPDATE and DELETE, TypeORM's postgres driver answers [rows, affected count].
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE feeds SET status = COALESCE($2, status), interval_seconds = COALESCE($3, interval_seconds),
              next_poll_at = CASE WHEN $4 OR ($2 = 'active' AND status = 'paused') THEN now() ELSE next_poll_at END,
              updated_at = now()
       WHERE id = $1 RETURNING id`,
      [id, changes.status ?? null, changes.intervalSeconds ?? null, changes.pollNow ?? false],
    );
    return rows.length ? this.findById(id) : null;
  }

  async delete(id: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `DELETE FROM feeds WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Claims up to `limit` due active feeds for this poller: SKIP LOCKED lets several instances claim
   * at once without waiting on or taking each other's feeds; the lease moves next_poll_at ahead.
   */
  claimDue(limit: number, leaseSeconds: number): Promise<ClaimedFeed[]> {
    return this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        url: string;
        etag: string | null;
        last_modified: string | null;
        interval_seconds: number;
        consecutive_failures: number;
      }[] = await manager.query(
        `SELECT id, url, etag, last_modified, interval_seconds, consecutive_failures FROM feeds
         WHERE status = 'active' AND next_poll_at <= now()
         ORDER BY next_poll_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (rows.length === 0) return [];
      await manager.query(
        `UPDATE feeds SET next_poll_at = now() + make_interval(secs => $2), last_polled_at = now() WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id), leaseSeconds],
      );
      return rows.map((r) => ({
        id: r.id,
        url: r.url,
        etag: r.etag,
        lastModified: r.last_modified,
        intervalSeconds: r.interval_seconds,
        consecutiveFailures: r.consecutive_failures,
      }));
    });
  }

  async recordSuccess(id: string, result: FeedPollSuccess): Promise<void> {
    await this.dataSource.query(
      `UPDATE feeds SET etag = $2, last_modified = $3, title = COALESCE(title, $4), format = COALESCE($5, format),
              items_seen = items_seen + $6, articles_new = articles_new + $7, articles_duplicate = articles_duplicate + $8,
              items_failed = items_failed + $9, last_success_at = now(), consecutive_failures = 0,
              next_poll_at = now() + make_interval(secs => interval_seconds), updated_at = now()
       WHERE id = $1`,
      [
        id,
        result.etag,
        result.lastModified,
        result.title,
        result.format,
        result.itemsSeen,
        result.articlesNew,
        result.articlesDuplicate,
        result.itemsFailed,
      ],
    );
  }

  /** Records a failed poll; the next try backs off exponentially, up to `maxBackoffSeconds`. */
  async recordFailure(id: string, code: string, message: string, maxBackoffSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE feeds SET last_error_at = now(), last_error_code = $2, last_error = $3,
              consecutive_failures = consecutive_failures + 1,
              next_poll_at = now() + make_interval(secs => LEAST($4::double precision,
                                 interval_seconds * power(2, LEAST(consecutive_failures, 16)))),
              updated_at = now()
       WHERE id = $1`,
      [id, code, message.slice(0, 1000), maxBackoffSeconds],
    );
  }

  /** The keys among `keys` that this feed has not seen yet. */
  async unseenKeys(feedId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { k: string }[] = await this.dataSource.query(
      `SELECT k FROM unnest($2::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM feed_items i WHERE i.feed_id = $1 AND i.item_key = k)`,
      [feedId, keys],
    );
    return new Set(rows.map((r) => r.k));
  }

  async recordItems(feedId: string, items: FeedItemRecord[]): Promise<void> {
    if (items.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO feed_items (feed_id, item_key, url, article_id, outcome, error)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])
       ON CONFLICT (feed_id, item_key) DO NOTHING`,
      [
        feedId,
        items.map((i) => i.itemKey),
        items.map((i) => i.url),
        items.map((i) => i.articleId),
        items.map((i) => i.outcome),
        items.map((i) => i.error?.slice(0, 1000) ?? null),
      ],
    );
  }
}
