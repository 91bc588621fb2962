import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ArticlesIngested,
  ChunkCoalescer,
  ConsumedMessage,
  ConsumeOutcome,
  ConsumeResult,
  HandledOutcome,
  KafkaConsumerRunner,
  MessageValidationError,
  RunningConsumer,
  Topic,
  withStages,
} from '@sitrep/messaging';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from '../claims.options';
import {
  IngestedArticle,
  RecordExtractionCommand,
} from '../commands/record-extraction/record-extraction.command';
import { ArticleNotFoundError } from '../commands/record-extraction/record-extraction.errors';

/** Errors a retry cannot fix: the message goes to the dead-letter topic at once. */
const isPermanent = (error: unknown): boolean =>
  error instanceof MessageValidationError || error instanceof ArticleNotFoundError;

/** Reads the optional story id ingest adds for near-duplicate copies. */
function storyIdOf(value: ArticlesIngested.Value): string | null {
  const story = (value as ArticlesIngested.Value & { storyId?: unknown }).storyId;
  return typeof story === 'string' && story.length > 0 ? story : null;
}

/** The article an `articles.ingested` message announces. */
export function ingestedArticleOf(value: ArticlesIngested.Value): IngestedArticle {
  return {
    articleId: value.articleId,
    url: value.url ?? null,
    canonicalUrl: value.canonicalUrl ?? null,
    source: value.source,
    receivedAt: value.receivedAt,
    publishedAt: value.publishedAt ?? null,
    language: value.language ?? null,
    storyId: storyIdOf(value),
  };
}

type Ingested = ConsumedMessage<ArticlesIngested.Key, ArticlesIngested.Value>;

/**
 * Consumes `articles.ingested` through the shared KafkaConsumerRunner (batches, retries, dead letters,
 * restart after a crash): chunks of a partition's batch go through RecordExtractionCommand; a chunk
 * that fails is handled one article at a time by the runner, so a bad article is dead-lettered alone.
 * The partitions' chunks are joined by a ChunkCoalescer into `concurrentChunks` calls at a time (up to
 * `batchSize` articles each): six partitions' transactions at once waited for each other's cluster
 * locks while the other partitions' engine work held the event loop.
 */
@Injectable()
export class ArticleIngestedConsumer implements OnApplicationBootstrap {
  private running?: RunningConsumer;
  private readonly chunks?: ChunkCoalescer<Ingested, HandledOutcome>;

  constructor(
    private readonly runner: KafkaConsumerRunner,
    private readonly commands: CommandBus,
    @Inject(EXTRACTOR_CLAIMS_OPTIONS) private readonly options: ExtractorClaimsOptions,
  ) {
    if (options.concurrentChunks > 0)
      this.chunks = new ChunkCoalescer(
        // A joined call starts now: the trace's `extractor.started` says so.
        (messages) => {
          const startedAt = Date.now();
          return this.handle(messages.map((message) => ({ ...message, startedAt })));
        },
        { maxItems: options.batchSize, concurrency: options.concurrentChunks },
      );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consumerEnabled) await this.start();
  }

  /** Starts consuming; `onOutcome` sees every message's outcome (tests). */
  async start(onOutcome?: (result: ConsumeResult) => void): Promise<RunningConsumer> {
    this.running = await this.runner.runBatches({
      groupId: this.options.groupId,
      contract: ArticlesIngested,
      topic: this.options.topic ?? Topic.ArticlesIngested,
      fromBeginning: this.options.fromBeginning,
      chunkSize: this.options.batchSize,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      maxAttempts: this.options.maxAttempts,
      retryBackoffMs: this.options.retryBackoffMs,
      isPermanent,
      handler: (messages) => (this.chunks ? this.chunks.submit(messages) : this.handle(messages)),
      onOutcome,
    });
    return this.running;
  }

  /** The chunk in one RecordExtractionCommand (one transaction); the runner retries one by one if it fails. */
  private async handle(messages: Ingested[]): Promise<HandledOutcome[]> {
    const outcomes = await this.commands.execute(
      new RecordExtractionCommand(
        messages.map(({ value, trace, timestamp, fetchedAt, startedAt }) => ({
          article: ingestedArticleOf(value),
          cause: value.metadata,
          trace: withStages(
            trace,
            ['articles.published', Number(timestamp)],
            ['extractor.fetched', fetchedAt],
            ['extractor.started', startedAt],
          ),
        })),
      ),
    );
    return outcomes.map((outcome) =>
      outcome.kind === 'unchanged' ? ConsumeOutcome.Skipped : ConsumeOutcome.Processed,
    );
  }
}
