import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OutboundError, SafeHttpClient } from '@sitrep/outbound';
import { ClaimedFeed, FeedItemRecord, FeedRepository } from '@sitrep/persistence';
import { randomUUID } from 'node:crypto';
import { ArticleSubmission } from '../../articles/commands/submit-articles/prepare-article';
import { SubmitArticlesCommand } from '../../articles/commands/submit-articles/submit-articles.command';
import { FEED_SETTINGS, FeedSettings, SAFE_HTTP_CLIENT } from '../../ingest.settings';
import { FeedItem, FeedParseError, parseFeed } from '../parse-feed';

export type PollOutcome = 'updated' | 'not_modified' | 'failed';

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

/** Polls one claimed feed: conditional fetch, parse, fetch each new item's page, hand them to intake. */
@Injectable()
export class PollFeedService {
  private readonly logger = new Logger(PollFeedService.name);

  constructor(
    private readonly feeds: FeedRepository,
    private readonly commandBus: CommandBus,
    @Inject(SAFE_HTTP_CLIENT) private readonly http: SafeHttpClient,
    @Inject(FEED_SETTINGS) private readonly settings: FeedSettings,
  ) {}

  async poll(feed: ClaimedFeed): Promise<PollOutcome> {
    const correlationId = randomUUID();
    try {
      const headers: Record<string, string> = { accept: FEED_ACCEPT };
      if (feed.etag) headers['if-none-match'] = feed.etag;
      if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
      const res = await this.http.fetch(feed.url, { headers, maxBytes: this.settings.maxFeedBytes });
      if (res.status === 304) {
        await this.feeds.recordSuccess(feed.id, {
          ...emptyCounts(),
          etag: feed.etag,
          lastModified: feed.lastModified,
          title: null,
          format: null,
        });
        return 'not_modified';
      }
      if (res.status < 200 || res.status >= 300) {
        await this.fail(feed, `FEED.HTTP_${res.status}`, `feed answered HTTP ${res.status}`);
        return 'failed';
      }
      const parsed = parseFeed(res.body.toString('utf8'), { maxChars: this.settings.maxFeedBytes });
      const unseen = await this.feeds.unseenKeys(
        feed.id,
        parsed.items.map((i) => i.key),
      );
      const fresh = parsed.items.filter((i) => unseen.has(i.key)).slice(0, this.settings.maxItemsPerPoll);
      const counts = await this.ingestItems(feed, fresh, correlationId);
      await this.feeds.recordSuccess(feed.id, {
        ...counts,
        etag: header(res.headers.etag),
        lastModified: header(res.headers['last-modified']),
        title: parsed.title,
        format: parsed.format,
      });
      return 'updated';
    } catch (e) {
      if (e instanceof OutboundError || e instanceof FeedParseError) {
        await this.fail(feed, e.code, e.message);
        return 'failed';
      }
      const message = e instanceof Error ? e.message : String(e);
      this.logger.error(`feed ${feed.id} poll crashed: ${message}`, e instanceof Error ? e.stack : undefined);
      await this.fail(feed, 'FEED.INTERNAL', message);
      return 'failed';
    }
  }

  private async ingestItems(feed: ClaimedFeed, items: FeedItem[], correlationId: string) {
    const records: FeedItemRecord[] = [];
    const submissions: { item: FeedItem; submission: ArticleSubmission; pageError: string | null }[] = [];
    await mapLimited(items, this.settings.pageConcurrency, async (item) => {
      if (!item.url) {
        records.push({
          itemKey: item.key,
          url: null,
          articleId: null,
          outcome: 'failed',
          error: 'item has no http(s) link',
        });
        return;
      }
      const page = await this.fetchPage(item.url);
      const raw = page.raw ?? item.content;
      if (!raw) {
        records.push({
          itemKey: item.key,
          url: item.url,
          articleId: null,
          outcome: 'failed',
          error: page.error,
        });
        return;
      }
      submissions.push({
        item,
        submission: {
          url: item.url,
          raw,
          title: item.title,
          published_at: item.publishedAt,
          feedId: feed.id,
        },
        // Kept so that a refused or failed page stays visible even when the feed's own content stood in.
        pageError: page.raw ? null : `page not fetched (${page.error}); the feed's content was used`,
      });
    });
    let articlesNew = 0;
    let articlesDuplicate = 0;
    if (submissions.length) {
      const results = await this.commandBus.execute(
        new SubmitArticlesCommand(
          submissions.map((s) => s.submission),
          correlationId,
        ),
      );
      results.forEach((r, i) => {
        if (r.status === 'new') articlesNew++;
        else articlesDuplicate++;
        records.push({
          itemKey: submissions[i].item.key,
          url: submissions[i].item.url,
          articleId: r.id,
          outcome: r.dedup,
          error: submissions[i].pageError,
        });
      });
    }
    await this.feeds.recordItems(feed.id, records);
    const itemsFailed = records.filter((r) => r.outcome === 'failed').length;
    return { itemsSeen: items.length, articlesNew, articlesDuplicate, itemsFailed };
  }

  /** The page's HTML, or why it could not be had (the item's own content is used then). */
  private async fetchPage(url: string): Promise<{ raw: string | null; error: string | null }> {
    try {
      const res = await this.http.fetch(url, {
        headers: { accept: 'text/html, text/plain;q=0.9, */*;q=0.1' },
        maxBytes: this.settings.maxPageBytes,
      });
      if (res.status < 200 || res.status >= 300)
        return { raw: null, error: `page answered HTTP ${res.status}` };
      const text = res.body.toString('utf8');
      return text.trim() ? { raw: text, error: null } : { raw: null, error: 'empty page' };
    } catch (e) {
      return { raw: null, error: e instanceof OutboundError ? `${e.code}: ${e.message}` : String(e) };
    }
  }

  private async fail(feed: ClaimedFeed, code: string, message: string): Promise<void> {
    this.logger.warn(`feed ${feed.id} (${feed.url}) failed: ${code} ${message}`);
    await this.feeds.recordFailure(feed.id, code, message, this.settings.maxBackoffSeconds);
  }
}

function emptyCounts() {
  return { itemsSeen: 0, articlesNew: 0, articlesDuplicate: 0, itemsFailed: 0 };
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

async function mapLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
