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
  /** Polls in progress: a slow feed holds one slot, not the whole tick. */
  private readonly inFlight = new Set<Promise<unknown>>();

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
    await Promise.allSettled([...this.inFlight]);
  }

  /** One round: claims due feeds for the free slots and starts polling them; returns how many it claimed. */
  async tick(): Promise<number> {
    const room = this.settings.claimBatch - this.inFlight.size;
    if (room <= 0) return 0;
    const claimed = await this.feeds.claimDue(room, this.settings.leaseSeconds);
    for (const feed of claimed) {
      const polling: Promise<unknown> = this.pollFeed
        .poll(feed)
        // A poll records its own failures; this catches only a failure to record (database gone).
        .catch((e: unknown) =>
          this.logger.error(`feed ${feed.id} poll failed: ${e instanceof Error ? e.message : String(e)}`),
        )
        .finally(() => this.inFlight.delete(polling));
      this.inFlight.add(polling);
    }
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
