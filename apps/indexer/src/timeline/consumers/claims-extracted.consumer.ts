import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ChunkCoalescer,
  ClaimsExtracted,
  ConsumeOutcome,
  ConsumeResult,
  KafkaConsumerRunner,
  RunningConsumer,
  Topic,
} from '@sitrep/messaging';
import { isSearchUnavailable } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { ProjectArticlesCommand } from '../commands/project-articles/project-articles.command';
import { INDEXER_TIMELINE_OPTIONS, IndexerTimelineOptions } from '../timeline.options';
import { BulkRefreshPolicy } from './bulk-refresh.policy';

/**
 * Consumes `claims.extracted` through the shared KafkaConsumerRunner and projects chunks of articles
 * into Elasticsearch. The partitions' chunks go through one ChunkCoalescer: one projection (PostgreSQL
 * read, bulk request) at a time for whatever every partition has waiting, so a cluster that several
 * partitions touch is read and rewritten once per bulk, not once per partition. A bulk refreshes the
 * indices it wrote at most once per INDEXER_REFRESH_AFTER_BULK_MIN_INTERVAL_MS (BulkRefreshPolicy). While Elasticsearch is unavailable the runner backs off (exponentially, capped)
 * on the same chunk without fetching more, so memory stays bounded, and resumes where it stopped when
 * the engine is back. Other failures are retried one article at a time, then dead-lettered.
 */
@Injectable()
export class ClaimsExtractedConsumer implements OnApplicationBootstrap {
  private running?: RunningConsumer;
  private readonly projections: ChunkCoalescer<string, ConsumeOutcome.Processed>;

  constructor(
    private readonly runner: KafkaConsumerRunner,
    private readonly commands: CommandBus,
    @Inject(INDEXER_TIMELINE_OPTIONS) private readonly options: IndexerTimelineOptions,
  ) {
    const refreshes = new BulkRefreshPolicy(this.options);
    this.projections = new ChunkCoalescer(
      async (articleIds) => {
        await this.commands.execute(new ProjectArticlesCommand(articleIds, refreshes.next()));
        return articleIds.map(() => ConsumeOutcome.Processed as const);
      },
      { maxItems: this.options.bulkArticles, isUnavailable: isSearchUnavailable },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consumerEnabled) await this.start();
  }

  /** Starts consuming; `onOutcome` sees every message's outcome (tests). */
  async start(onOutcome?: (result: ConsumeResult) => void): Promise<RunningConsumer> {
    this.running = await this.runner.runBatches({
      groupId: this.options.groupId,
      contract: ClaimsExtracted.Notice,
      topic: this.options.topic ?? Topic.ClaimsExtracted,
      fromBeginning: this.options.fromBeginning,
      chunkSize: this.options.bulkArticles,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      maxAttempts: this.options.maxAttempts,
      retryBackoffMs: this.options.initialBackoffMs,
      isUnavailable: isSearchUnavailable,
      unavailableBackoffMs: this.options.initialBackoffMs,
      unavailableMaxBackoffMs: this.options.maxBackoffMs,
      handler: (messages) => this.projections.submit(messages.map((message) => message.value.articleId)),
      onOutcome,
    });
    return this.running;
  }
}
