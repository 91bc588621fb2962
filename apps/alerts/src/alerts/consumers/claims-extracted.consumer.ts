import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { errorMessage } from '@sitrep/domain';
import {
  ChunkCoalescer,
  ClaimsExtracted,
  ConsumeOutcome,
  HandledOutcome,
  KafkaConsumerRunner,
  RunningConsumer,
} from '@sitrep/messaging';
import { ALERTS_OPTIONS } from '../alerts.di-tokens';
import { AlertsOptions } from '../alerts.options';
import { EvaluateArticleService } from '../commands/evaluate-article/evaluate-article.service';
import { WebhookDeliveryWorker } from '../delivery/webhook-delivery.worker';

/**
 * Evaluations at a time: a second one overlaps the first's queries; the chunks arriving meanwhile wait
 * and go together into the next.
 */
const CONCURRENT_EVALUATIONS = 2;

/**
 * Consumes `claims.extracted` in chunks (KafkaConsumerRunner.runBatches) and evaluates the rules on the
 * articles' clusters; a failing chunk is evaluated one article at a time, retried, then dead-lettered.
 * The partitions' chunks go through one ChunkCoalescer: the chunks of one fetch are evaluated together
 * (one evaluation's five queries for every partition, not five per partition).
 */
@Injectable()
export class ClaimsExtractedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClaimsExtractedConsumer.name);
  private running?: RunningConsumer;
  private readonly evaluations: ChunkCoalescer<string, HandledOutcome>;

  constructor(
    private readonly runner: KafkaConsumerRunner,
    private readonly evaluate: EvaluateArticleService,
    private readonly delivery: WebhookDeliveryWorker,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {
    this.evaluations = new ChunkCoalescer(
      async (articleIds) => {
        const recorded = await this.evaluate.evaluateMany(articleIds);
        // Deliver what was just recorded now rather than at the worker's next poll.
        if (recorded.some((alerts) => alerts.length > 0)) this.delivery.nudge();
        return recorded.map((alerts) =>
          alerts.length > 0 ? ConsumeOutcome.Processed : ConsumeOutcome.Skipped,
        );
      },
      { maxItems: options.batchSize, concurrency: CONCURRENT_EVALUATIONS },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.consumerEnabled) return;
    this.running = await this.runner.runBatches({
      groupId: this.options.groupId,
      contract: ClaimsExtracted.Notice,
      topic: this.options.topic,
      fromBeginning: this.options.fromBeginning,
      maxAttempts: this.options.maxAttempts,
      chunkSize: this.options.batchSize,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      handler: (messages) => this.evaluations.submit(messages.map((message) => message.value.articleId)),
      onOutcome: (result) => {
        if (result.outcome === ConsumeOutcome.DeadLettered)
          this.logger.error(
            `dead-lettered ${result.topic}/${result.partition}@${result.offset}: ${result.reason ?? ''}`,
          );
      },
    });
    this.running.ready.catch((error: unknown) =>
      this.logger.error(`consumer not ready: ${errorMessage(error)}`),
    );
  }

  /** Resolves once the consumer has its partitions (tests wait on it). */
  get ready(): Promise<void> {
    return this.running?.ready ?? Promise.resolve();
  }
}
