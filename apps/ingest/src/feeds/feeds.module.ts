import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FeedRepository } from '@sitrep/persistence';
import { FeedsHttpController } from './feeds.http.controller';
import { FeedPollerService } from './poll-feeds/feed-poller.service';
import { PollFeedService } from './poll-feeds/poll-feed.service';

/** Feed registration and polling; new items go through the same intake command as HTTP articles. */
@Module({
  imports: [CqrsModule],
  controllers: [FeedsHttpController],
  providers: [FeedRepository, PollFeedService, FeedPollerService],
  exports: [FeedPollerService],
})
export class FeedsModule {}
