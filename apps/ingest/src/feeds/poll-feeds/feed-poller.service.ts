import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { FeedRepository } from '@sitrep/persistence';
import { FEED_SETTINGS, FeedSettings } from '../../ingest.settings';
import { PollFeedService } from './poll-feed.service';

/** Every tick, claims due feeds (SKIP LOCKED, so instances share them) and polls them. */
@Injectable()
export class FeedPollerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(FeedPollerService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly feeds: FeedRepository,
    private readonly pollFeed: PollFeedService,
    @Inject(FEED_SETTINGS) private readonly settings: FeedSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.pollingEnabled) return;
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One round: claim what is due and poll it; returns how many feeds were polled. */
  async tick(): Promise<number> {
    const claimed = await this.feeds.claimDue(this.settings.claimBatch, this.settings.leaseSeconds);
    await Promise.all(claimed.map((feed) => this.pollFeed.poll(feed)));
    return claimed.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((e: unknown) =>
          this.logger.error(`feed poller tick failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => {
          this.running = null;
          this.schedule();
        });
    }, this.settings.tickMs);
  }
}
