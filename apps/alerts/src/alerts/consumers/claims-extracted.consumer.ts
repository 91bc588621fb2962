import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { errorMessage } from '@sitrep/domain';
import { ClaimsExtracted, ConsumeOutcome, KafkaConsumerRunner, RunningConsumer } from '@sitrep/messaging';
import { ALERTS_OPTIONS } from '../alerts.di-tokens';
import { AlertsOptions } from '../alerts.options';
import { EvaluateArticleService } from '../commands/evaluate-article/evaluate-article.service';
import { WebhookDeliveryWorker } from '../delivery/webhook-delivery.worker';

/** Consumes `claims.extracted` and evaluates the rules on the article's clusters; failures are retried, then dead-lettered. */
@Injectable()
export class ClaimsExtractedConsumer implements OnApplicationBootstrap {
  private readonly logger = new Logger(ClaimsExtractedConsumer.name);
  private running?: RunningConsumer;

  constructor(
    private readonly runner: KafkaConsumerRunner,
    private readonly evaluate: EvaluateArticleService,
    private readonly delivery: WebhookDeliveryWorker,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.consumerEnabled) return;
    this.running = await this.runner.run({
      groupId: this.options.groupId,
      contract: ClaimsExtracted,
      topic: this.options.topic,
      fromBeginning: this.options.fromBeginning,
      maxAttempts: this.options.maxAttempts,
      handler: async (message) => {
        const recorded = await this.evaluate.evaluate(message.value.articleId);
        if (recorded.length > 0) this.delivery.nudge();
        return recorded.length > 0 ? ConsumeOutcome.Processed : ConsumeOutcome.Skipped;
      },
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
