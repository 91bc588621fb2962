import { FeedOrmEntity } from '@sitrep/persistence';

export function toFeedResponse(feed: FeedOrmEntity) {
  return {
    id: feed.id,
    url: feed.url,
    title: feed.title,
    format: feed.format,
    status: feed.status,
    interval_seconds: feed.intervalSeconds,
    next_poll_at: feed.nextPollAt,
    last_polled_at: feed.lastPolledAt,
    last_success_at: feed.lastSuccessAt,
    last_error: feed.lastErrorAt
      ? { at: feed.lastErrorAt, code: feed.lastErrorCode, message: feed.lastError }
      : null,
    consecutive_failures: feed.consecutiveFailures,
    counts: {
      items_seen: feed.itemsSeen,
      articles_new: feed.articlesNew,
      articles_duplicate: feed.articlesDuplicate,
      items_failed: feed.itemsFailed,
    },
    created_at: feed.createdAt,
  };
}
