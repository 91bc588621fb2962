import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { delay, DomainError, errorMessage } from '@sitrep/domain';
import {
  ArticlesIngested,
  DeadLetterCode,
  deadLetterOf,
  deadLetterTopicOf,
  decodeMessage,
  KAFKA_CLIENT,
  KafkaProducer,
  MessageValidationError,
  Topic,
} from '@sitrep/messaging';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from '../claims.options';
import {
  IngestedArticle,
  RecordExtractionCommand,
} from '../commands/record-extraction/record-extraction.command';
import { ArticleNotFoundError } from '../commands/record-extraction/record-extraction.errors';

/** Wait before a crashed consumer is started again. */
const RESTART_DELAY_MS = 5000;
/** Errors a retry cannot fix: the message goes to the dead-letter topic at once. */
const isPermanent = (error: unknown): boolean =>
  error instanceof MessageValidationError || error instanceof ArticleNotFoundError;

/** What happened to one message. */
export type ArticleOutcome = 'processed' | 'unchanged' | 'dead_lettered';

/** Reads the optional story id ingest adds for near-duplicate copies. */
function storyIdOf(value: ArticlesIngested.Value): string | null {
  const story = (value as ArticlesIngested.Value & { storyId?: unknown }).storyId;
  return typeof story === 'string' && story.length > 0 ? story : null;
}

/**
 * Consumes `articles.ingested` in batches: a few articles of a batch at a time, each through
 * RecordExtractionCommand with bounded retries; a message that still fails, or can never succeed,
 * goes to the dead-letter topic with the reason and the partition moves on.
 */
@Injectable()
export class ArticleIngestedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ArticleIngestedConsumer.name);
  private consumer?: Consumer;
  private stopping = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
    private readonly commands: CommandBus,
    @Inject(EXTRACTOR_CLAIMS_OPTIONS) private readonly options: ExtractorClaimsOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.consumerEnabled)
      await this.start().catch((error: unknown) => this.restartLater(errorMessage(error)));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
  }

  /** kafkajs gives up on some errors (e.g. the broker gone for long): start over instead of idling forever. */
  private restartLater(reason: string): void {
    if (this.stopping) return;
    this.logger.error(`consumer stopped (${reason}); restarting in ${RESTART_DELAY_MS} ms`);
    setTimeout(() => {
      void (async () => {
        if (this.stopping) return;
        await this.consumer?.disconnect().catch(() => undefined);
        await this.start().catch((error: unknown) => this.restartLater(errorMessage(error)));
      })();
    }, RESTART_DELAY_MS);
  }

  async start(): Promise<void> {
    const topic = this.options.topic ?? Topic.ArticlesIngested;
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) this.restartLater(errorMessage(event.payload.error));
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: this.options.fromBeginning });
    await consumer.run({
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const messages = batch.messages;
        for (let i = 0; i < messages.length; i += this.options.concurrency) {
          if (!isRunning() || isStale()) return;
          const chunk = messages.slice(i, i + this.options.concurrency);
          await Promise.all(
            chunk.map((message) => this.handle(batch.topic, batch.partition, message, heartbeat)),
          );
          resolveOffset(chunk[chunk.length - 1].offset);
          await heartbeat();
        }
      },
    });
    this.logger.log(`consuming ${topic} as ${this.options.groupId}`);
  }

  /** Processes one message to an outcome; throws only when the dead letter itself cannot be published. */
  async handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<ArticleOutcome> {
    let lastError: unknown;
    let attempts = 0;
    try {
      const { value } = decodeMessage(ArticlesIngested, message);
      const article: IngestedArticle = {
        articleId: value.articleId,
        url: value.url ?? null,
        canonicalUrl: value.canonicalUrl ?? null,
        source: value.source,
        receivedAt: value.receivedAt,
        publishedAt: value.publishedAt ?? null,
        language: value.language ?? null,
        storyId: storyIdOf(value),
      };
      for (attempts = 1; attempts <= this.options.maxAttempts; attempts += 1) {
        try {
          const outcome = await this.commands.execute(new RecordExtractionCommand(article, value.metadata));
          return outcome.kind === 'unchanged' ? 'unchanged' : 'processed';
        } catch (error) {
          lastError = error;
          if (isPermanent(error)) break;
          this.logger.warn(
            `${topic}[${partition}]@${message.offset} attempt ${attempts}/${this.options.maxAttempts}: ${errorMessage(error)}`,
          );
          if (attempts < this.options.maxAttempts) {
            await delay(this.options.retryBackoffMs * 2 ** (attempts - 1));
            await heartbeat();
          }
        }
      }
    } catch (error) {
      lastError = error;
    }
    await this.deadLetter(topic, partition, message, lastError, attempts);
    return 'dead_lettered';
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const reason = errorMessage(error);
    const code =
      error instanceof MessageValidationError
        ? DeadLetterCode.Invalid
        : error instanceof DomainError
          ? error.code
          : DeadLetterCode.HandlerFailed;
    this.logger.error(`${topic}[${partition}]@${message.offset} dead-lettered (${code}): ${reason}`);
    await this.producer.sendRaw(deadLetterTopicOf(topic), [
      deadLetterOf({ topic, partition, message, code, reason, groupId: this.options.groupId, attempts }),
    ]);
  }
}
