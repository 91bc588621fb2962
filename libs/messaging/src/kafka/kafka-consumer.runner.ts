import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { delay, errorMessage } from '@sitrep/domain';
import { IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { decodeMessage, MessageValidationError } from '../contracts/message-codec';
import { MessageContract } from '../contracts/message-contract';
import { MessageEnvelope } from '../contracts/message-metadata';
import { deadLetterTopicOf } from '../topics';
import { DeadLetterCode, deadLetterOf } from './dead-letter';
import { KafkaProducer } from './kafka-producer';
import { KAFKA_CLIENT } from './kafka.di-tokens';

/** What happened to a consumed message; every message ends in exactly one of these. */
export enum ConsumeOutcome {
  /** The handler did its work. */
  Processed = 'processed',
  /** The handler chose to do nothing (already processed, not relevant). */
  Skipped = 'skipped',
  /** Invalid, or the handler kept failing: the message went to the dead-letter topic. */
  DeadLettered = 'dead_lettered',
}

/** A consumed message after it passed its contract. */
export interface ConsumedMessage<K, V> {
  key: K;
  value: V;
  headers: Record<string, string>;
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp (ms since epoch, as a string). */
  timestamp: string;
  /** Call during long work so that the group does not consider the consumer dead. */
  heartbeat(): Promise<void>;
}

/** The outcome of one message, for logs, metrics and tests. */
export interface ConsumeResult {
  outcome: ConsumeOutcome;
  topic: string;
  partition: number;
  offset: string;
  attempts: number;
  messageId?: string;
  reason?: string;
}

export type MessageHandler<K, V> = (
  message: ConsumedMessage<K, V>,
) => Promise<ConsumeOutcome.Processed | ConsumeOutcome.Skipped>;

export interface ConsumerOptions<K extends object, V extends MessageEnvelope> {
  /** Consumer group id, e.g. `sitrep-extractor`. */
  groupId: string;
  /** The contract every message must match. */
  contract: MessageContract<K, V>;
  /** Topic to subscribe to. @default contract.topic */
  topic?: string;
  handler: MessageHandler<K, V>;
  /** Attempts of the handler before the message is dead-lettered. @default 3 */
  maxAttempts?: number;
  /** Wait before the 2nd attempt; doubles on each further attempt. @default 200 */
  retryBackoffMs?: number;
  /** Where invalid and failing messages go. @default deadLetterTopicOf(topic) */
  deadLetterTopic?: string;
  /** Start from the oldest offset when the group has no committed offset. @default false */
  fromBeginning?: boolean;
  /** @default 30000 */
  sessionTimeoutMs?: number;
  /** Called with the outcome of every message. */
  onOutcome?: (result: ConsumeResult) => void;
}

/** A running consumer. */
export interface RunningConsumer {
  groupId: string;
  topic: string;
  /** Resolves when the consumer has joined its group and received its partitions. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

const headersToStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

/**
 * Runs kafkajs consumers with a uniform policy: decode and validate every message against its
 * contract; an invalid one goes straight to the dead-letter topic; a handler error is retried with
 * backoff up to `maxAttempts`, then dead-lettered with the reason. The consumer never crashes on a bad
 * message, offsets are committed after each batch, and each message reports an explicit outcome.
 * Only a failure to publish the dead letter (Kafka down) stops the batch, so the message is read again.
 */
@Injectable()
export class KafkaConsumerRunner implements OnModuleDestroy {
  private readonly logger = new Logger(KafkaConsumerRunner.name);
  private readonly running = new Set<RunningConsumer>();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
  ) {}

  async run<K extends object, V extends MessageEnvelope>(
    options: ConsumerOptions<K, V>,
  ): Promise<RunningConsumer> {
    const topic = options.topic ?? options.contract.topic;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      allowAutoTopicCreation: false,
    });
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    consumer.on(consumer.events.GROUP_JOIN, () => markReady());

    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic: from, partition, message, heartbeat }) => {
        const result = await this.handle(options, from, partition, message, heartbeat);
        this.report(options, result);
      },
    });

    const running: RunningConsumer = {
      groupId: options.groupId,
      topic,
      ready,
      stop: async () => {
        this.running.delete(running);
        await consumer.disconnect();
      },
    };
    this.running.add(running);
    return running;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.running].map((consumer) => consumer.stop()));
  }

  private async handle<K extends object, V extends MessageEnvelope>(
    options: ConsumerOptions<K, V>,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<ConsumeResult> {
    const where = { topic, partition, offset: message.offset };
    let decoded: { key: K; value: V };
    try {
      decoded = decodeMessage(options.contract, message);
    } catch (error) {
      const reason = errorMessage(error);
      const code =
        error instanceof MessageValidationError ? DeadLetterCode.Invalid : DeadLetterCode.HandlerFailed;
      await this.deadLetter(options, where, message, code, reason, 0);
      return { ...where, outcome: ConsumeOutcome.DeadLettered, attempts: 0, reason };
    }

    const consumed: ConsumedMessage<K, V> = {
      ...where,
      key: decoded.key,
      value: decoded.value,
      headers: headersToStrings(message.headers),
      timestamp: message.timestamp,
      heartbeat,
    };
    const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    const backoff = options.retryBackoffMs ?? 200;
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const outcome = await options.handler(consumed);
        return { ...where, outcome, attempts: attempt, messageId: decoded.value.metadata.id };
      } catch (error) {
        lastError = errorMessage(error);
        this.logger.warn(
          `${options.groupId} ${topic}[${partition}]@${message.offset} attempt ${attempt}/${maxAttempts} failed: ${lastError}`,
        );
        if (attempt < maxAttempts) {
          await delay(backoff * 2 ** (attempt - 1));
          await heartbeat();
        }
      }
    }
    await this.deadLetter(options, where, message, DeadLetterCode.HandlerFailed, lastError, maxAttempts);
    return {
      ...where,
      outcome: ConsumeOutcome.DeadLettered,
      attempts: maxAttempts,
      messageId: decoded.value.metadata.id,
      reason: lastError,
    };
  }

  private async deadLetter<K extends object, V extends MessageEnvelope>(
    options: ConsumerOptions<K, V>,
    where: { topic: string; partition: number; offset: string },
    message: KafkaMessage,
    code: DeadLetterCode,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const deadLetterTopic = options.deadLetterTopic ?? deadLetterTopicOf(where.topic);
    await this.producer.sendRaw(deadLetterTopic, [
      deadLetterOf({ ...where, message, code, reason, groupId: options.groupId, attempts }),
    ]);
  }

  private report<K extends object, V extends MessageEnvelope>(
    options: ConsumerOptions<K, V>,
    result: ConsumeResult,
  ): void {
    const where = `${options.groupId} ${result.topic}[${result.partition}]@${result.offset}`;
    if (result.outcome === ConsumeOutcome.DeadLettered) {
      this.logger.error(`${where} dead-lettered after ${result.attempts} attempt(s): ${result.reason}`);
    } else {
      this.logger.debug(`${where} ${result.outcome} (message ${result.messageId})`);
    }
    options.onOutcome?.(result);
  }
}
