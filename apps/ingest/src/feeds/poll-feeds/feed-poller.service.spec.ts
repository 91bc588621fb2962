import { ClaimedFeed, FeedRepository } from '@sitrep/persistence';
import { FeedSettings } from '../../ingest.settings';
import { FeedPollerService } from './feed-poller.service';
import { PollFeedService, PollOutcome } from './poll-feed.service';

const settings: FeedSettings = {
  pollingEnabled: false,
  tickMs: 1000,
  claimBatch: 3,
  leaseSeconds: 300,
  minIntervalSeconds: 60,
  defaultIntervalSeconds: 900,
  maxBackoffSeconds: 3600,
  maxFeedBytes: 1024,
  maxPageBytes: 1024,
  maxItemsPerPoll: 10,
  pageConcurrency: 2,
};

const aFeed = (id: string): ClaimedFeed => ({
  id,
  url: `https://feeds.example/${id}`,
  etag: null,
  lastModified: null,
  intervalSeconds: 900,
  consecutiveFailures: 0,
});

describe(FeedPollerService.name, () => {
  describe('tick', () => {
    it('should claim only as many feeds as there are free polling slots', async () => {
      let claims = 0;
      const claimDue = jest.fn(async (limit: number): Promise<ClaimedFeed[]> => {
        claims += 1;
        return Array.from({ length: limit }, (_, i) => aFeed(`f${claims}-${i}`));
      });
      let finishFirst!: (outcome: PollOutcome) => void;
      const poll = jest
        .fn<Promise<PollOutcome>, [ClaimedFeed]>()
        .mockImplementationOnce(() => new Promise((resolve) => (finishFirst = resolve)))
        .mockResolvedValue('updated');
      const sut = new FeedPollerService(
        { claimDue } as unknown as FeedRepository,
        { poll } as unknown as PollFeedService,
        settings,
      );

      await expect(sut.tick()).resolves.toBe(3);
      await new Promise((resolve) => setImmediate(resolve));
      // Two polls finished, the first still runs: two slots are free.
      await expect(sut.tick()).resolves.toBe(2);
      expect(claimDue.mock.calls.map(([limit]) => limit)).toEqual([3, 2]);

      finishFirst('updated');
      await sut.onApplicationShutdown();
    });

    it('should keep polling after a poll fails to record its outcome', async () => {
      const claimDue = jest.fn().mockResolvedValue([aFeed('a')]);
      const poll = jest.fn().mockRejectedValue(new Error('database gone'));
      const sut = new FeedPollerService(
        { claimDue } as unknown as FeedRepository,
        { poll } as unknown as PollFeedService,
        settings,
      );

      await expect(sut.tick()).resolves.toBe(1);
      await new Promise((resolve) => setImmediate(resolve));
      await expect(sut.tick()).resolves.toBe(1);
      await sut.onApplicationShutdown();
    });
  });
});
