import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { delay, errorMessage } from '@sitrep/domain';
import {
  ClaimsExtracted,
  DeadLetterCode,
  deadLetterOf,
  deadLetterTopicOf,
  decodeMessage,
  KAFKA_CLIENT,
  KafkaProducer,
  MessageValidationError,
  Topic,
} from '@sitrep/messaging';
import { isSearchUnavailable } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { ProjectArticlesCommand } from '../commands/project-articles/project-articles.command';
import { INDEXER_TIMELINE_OPTIONS, IndexerTimelineOptions } from '../timeline.options';

/** Wait before a crashed consumer is started again. */
const RESTART_DELAY_MS = 5000;
/** Longest single sleep between heartbeats while backing off (well under the session timeout). */
const HEARTBEAT_SLICE_MS = 2000;

/**
 * Consumes `claims.extracted` in batches and projects the articles into Elasticsearch. While
 * Elasticsearch is unavailable it backs off (exponentially, capped) on the same batch without fetching
 * more, so memory stays bounded, and resumes where it stopped when the engine is back. Other failures
 * are retried a few times, then the messages go to the dead-letter topic with the reason.
 */
@Injectable()
export class ClaimsExtractedConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ClaimsExtractedConsumer.name);
  private consumer?: Consumer;
  private stopping = false;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
    private readonly commands: CommandBus,
    @Inject(INDEXER_TIMELINE_OPTIONS) private readonly options: IndexerTimelineOptions,
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
    const topic = this.options.topic ?? Topic.ClaimsExtracted;
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
        const valid: { message: KafkaMessage; articleId: string }[] = [];
        for (const message of batch.messages) {
          try {
            valid.push({ message, articleId: decodeMessage(ClaimsExtracted, message).value.articleId });
          } catch (error) {
            await this.deadLetter(batch.topic, batch.partition, message, error, 0);
          }
        }
        for (let i = 0; i < valid.length; i += this.options.bulkArticles) {
          const chunk = valid.slice(i, i + this.options.bulkArticles);
          const done = await this.projectWithBackoff(
            batch.topic,
            batch.partition,
            chunk,
            heartbeat,
            () => isRunning() && !isStale(),
          );
          if (!done) return;
          resolveOffset(chunk[chunk.length - 1].message.offset);
          await heartbeat();
        }
        // Invalid messages at the end of the batch were dead-lettered: move past them too.
        if (batch.messages.length > 0 && isRunning() && !isStale()) resolveOffset(batch.lastOffset());
      },
    });
    this.logger.log(`consuming ${topic} as ${this.options.groupId}`);
  }

  /** True when the chunk is done (projected or dead-lettered); false when the consumer is stopping. */
  private async projectWithBackoff(
    topic: string,
    partition: number,
    chunk: { message: KafkaMessage; articleId: string }[],
    heartbeat: () => Promise<void>,
    active: () => boolean,
  ): Promise<boolean> {
    let backoff = this.options.initialBackoffMs;
    let attempts = 0;
    for (;;) {
      if (!active()) return false;
      try {
        await this.commands.execute(
          new ProjectArticlesCommand(
            chunk.map((entry) => entry.articleId),
            this.options.refresh,
          ),
        );
        if (backoff > this.options.initialBackoffMs)
          this.logger.log('Elasticsearch is back: projection resumed');
        return true;
      } catch (error) {
        if (isSearchUnavailable(error)) {
          this.logger.warn(`Elasticsearch unavailable, retrying in ${backoff} ms: ${errorMessage(error)}`);
          await this.sleep(backoff, heartbeat, active);
          backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
          continue;
        }
        attempts += 1;
        if (attempts < this.options.maxAttempts && !(error instanceof MessageValidationError)) {
          this.logger.warn(
            `projection attempt ${attempts}/${this.options.maxAttempts} failed: ${errorMessage(error)}`,
          );
          await this.sleep(backoff, heartbeat, active);
          continue;
        }
        for (const entry of chunk) await this.deadLetter(topic, partition, entry.message, error, attempts);
        return true;
      }
    }
  }

  private async sleep(ms: number, heartbeat: () => Promise<void>, active: () => boolean): Promise<void> {
    for (let left = ms; left > 0 && active(); left -= HEARTBEAT_SLICE_MS) {
      await delay(Math.min(left, HEARTBEAT_SLICE_MS));
      await heartbeat().catch(() => undefined);
    }
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
      error instanceof MessageValidationError ? DeadLetterCode.Invalid : DeadLetterCode.HandlerFailed;
    this.logger.error(`${topic}[${partition}]@${message.offset} dead-lettered (${code}): ${reason}`);
    await this.producer.sendRaw(deadLetterTopicOf(topic), [
      deadLetterOf({ topic, partition, message, code, reason, groupId: this.options.groupId, attempts }),
    ]);
  }
}
