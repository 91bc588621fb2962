import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { delay, DomainError, errorMessage } from '@sitrep/domain';
import { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { decodeMessage, MessageValidationError } from '../contracts/message-codec';
import { MessageContract } from '../contracts/message-contract';
import { MessageEnvelope } from '../contracts/message-metadata';
import { deadLetterTopicOf } from '../topics';
import { parseTrace, StageTrace, TRACE_HEADER } from '../trace/stage-trace';
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

/** What a handler reports for a message it handled. */
export type HandledOutcome = ConsumeOutcome.Processed | ConsumeOutcome.Skipped;

/** A consumed message after it passed its contract. */
export interface ConsumedMessage<K, V> {
  key: K;
  value: V;
  headers: Record<string, string>;
  topic: string;
  partition: number;
  offset: string;
  /** Broker timestamp (ms since epoch, as a string): when the producer sent it. */
  timestamp: string;
  /** When the fetch that brought the message returned (ms since epoch). */
  fetchedAt: number;
  /** When the handler was called with it (ms since epoch); after `fetchedAt` when earlier chunks went first. */
  startedAt: number;
  /** The stages its flow passed before it was sent (the `sitrep-trace` header; empty without one). */
  trace: StageTrace;
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
  /** The dead-letter code (`MESSAGE.INVALID`, `HANDLER.FAILED` or a domain error's code). */
  code?: string;
}

export type MessageHandler<K, V> = (message: ConsumedMessage<K, V>) => Promise<HandledOutcome>;

/**
 * Handles several messages of one partition at once (e.g. in one database transaction) and returns
 * one outcome per message, in order. When it throws, the runner handles the messages one by one, so
 * that one bad message cannot sink the others.
 */
export type BatchHandler<K, V> = (messages: ConsumedMessage<K, V>[]) => Promise<HandledOutcome[]>;

interface CommonConsumerOptions<K extends object, V extends MessageEnvelope> {
  /** Consumer group id, e.g. `sitrep-extractor`. */
  groupId: string;
  /** The contract every message must match. */
  contract: MessageContract<K, V>;
  /** Topic to subscribe to. @default contract.topic */
  topic?: string;
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
  /** A failure no retry can fix: the message is dead-lettered at once. @default never */
  isPermanent?: (error: unknown) => boolean;
  /**
   * A dependency is down (e.g. Elasticsearch): the same messages are tried again with capped
   * exponential backoff, heartbeating, never dead-lettered, and nothing further is fetched meanwhile
   * (memory stays bounded by one batch). @default never
   */
  isUnavailable?: (error: unknown) => boolean;
  /** First wait while a dependency is unavailable; doubles up to `unavailableMaxBackoffMs`. @default 500 */
  unavailableBackoffMs?: number;
  /** @default 10000 */
  unavailableMaxBackoffMs?: number;
  /** Wait before a consumer that kafkajs gave up on (broker gone for long) is started again. @default 5000 */
  restartDelayMs?: number;
  /** Called with the outcome of every message. */
  onOutcome?: (result: ConsumeResult) => void;
}

export interface ConsumerOptions<K extends object, V extends MessageEnvelope> extends CommonConsumerOptions<
  K,
  V
> {
  handler: MessageHandler<K, V>;
}

export interface BatchConsumerOptions<
  K extends object,
  V extends MessageEnvelope,
> extends CommonConsumerOptions<K, V> {
  handler: BatchHandler<K, V>;
  /** Most messages handed to the handler at once (a fetched batch is cut into chunks). @default 100 */
  chunkSize?: number;
  /** Partitions processed at a time. @default 1 */
  partitionsConsumedConcurrently?: number;
}

/** A running consumer. */
export interface RunningConsumer {
  groupId: string;
  topic: string;
  /** Resolves when the consumer has joined its group and received its partitions. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Longest single sleep between heartbeats while backing off (well under the session timeout). */
const HEARTBEAT_SLICE_MS = 2000;

const headersToStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

const codeOf = (error: unknown): string =>
  error instanceof MessageValidationError
    ? DeadLetterCode.Invalid
    : error instanceof DomainError
      ? error.code
      : DeadLetterCode.HandlerFailed;

type Where = { topic: string; partition: number; offset: string };
type Raw = { where: Where; message: KafkaMessage };
type Decoded<K, V> = Raw & { consumed: ConsumedMessage<K, V> };

/**
 * Runs kafkajs consumers with a uniform policy: decode and validate every message against its
 * contract; an invalid one goes straight to the dead-letter topic; a handler error is retried with
 * backoff up to `maxAttempts` (at once for a permanent error), then dead-lettered with the reason; an
 * unavailable dependency is waited for without dead-lettering. The consumer never crashes on a bad
 * message, offsets are committed as messages are done, each message reports an explicit outcome, and
 * a consumer that kafkajs gives up on is started again. Only a failure to publish the dead letter
 * (Kafka down) stops the batch, so the message is read again.
 *
 * `run` hands messages one at a time; `runBatches` hands chunks of a partition's batch (one
 * transaction for many messages) and falls back to one at a time when a chunk fails.
 */
@Injectable()
export class KafkaConsumerRunner implements OnModuleDestroy {
  private readonly logger = new Logger(KafkaConsumerRunner.name);
  private readonly running = new Set<RunningConsumer>();

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly producer: KafkaProducer,
  ) {}

  /** Consumes one message at a time. */
  async run<K extends object, V extends MessageEnvelope>(
    options: ConsumerOptions<K, V>,
  ): Promise<RunningConsumer> {
    const single: BatchHandler<K, V> = async ([message]) => [await options.handler(message)];
    return this.start(options, async (consumer, active, fetchedAt) => {
      await consumer.run({
        autoCommit: true,
        eachMessage: async ({ topic, partition, message, heartbeat }) => {
          const [decoded] = await this.decode(
            options,
            [{ where: { topic, partition, offset: message.offset }, message }],
            heartbeat,
            fetchedAt(),
          );
          if (decoded) await this.processOne(options, single, decoded, heartbeat, active);
        },
      });
    });
  }

  /** Consumes chunks of each fetched batch (see {@link BatchHandler}). */
  async runBatches<K extends object, V extends MessageEnvelope>(
    options: BatchConsumerOptions<K, V>,
  ): Promise<RunningConsumer> {
    const chunkSize = Math.max(1, options.chunkSize ?? 100);
    return this.start(options, async (consumer, _active, fetchedAt) => {
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
          const active = () => isRunning() && !isStale();
          const fetched = fetchedAt();
          for (let i = 0; i < batch.messages.length; i += chunkSize) {
            if (!active()) return;
            const chunk: Raw[] = batch.messages.slice(i, i + chunkSize).map((message) => ({
              where: { topic: batch.topic, partition: batch.partition, offset: message.offset },
              message,
            }));
            const decoded = await this.decode(options, chunk, heartbeat, fetched);
            if (decoded.length > 0 && !(await this.processChunk(options, decoded, heartbeat, active))) return;
            resolveOffset(chunk[chunk.length - 1].message.offset);
            await heartbeat();
          }
        },
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.running].map((consumer) => consumer.stop()));
  }

  /** Connects, subscribes and runs a consumer; starts a new one when kafkajs gives up on it. */
  private async start<K extends object, V extends MessageEnvelope>(
    options: CommonConsumerOptions<K, V>,
    runConsumer: (consumer: Consumer, active: () => boolean, fetchedAt: () => number) => Promise<void>,
  ): Promise<RunningConsumer> {
    const topic = options.topic ?? options.contract.topic;
    const restartDelay = options.restartDelayMs ?? 5000;
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    let stopped = false;
    let current: Consumer | undefined;
    let restartTimer: NodeJS.Timeout | undefined;
    // One broker, one fetcher: the batches a handler gets came with the latest fetch.
    let lastFetch = Date.now();

    const launch = async (): Promise<void> => {
      const consumer = this.kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        allowAutoTopicCreation: false,
      });
      current = consumer;
      consumer.on(consumer.events.GROUP_JOIN, () => markReady());
      consumer.on(consumer.events.FETCH, () => (lastFetch = Date.now()));
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) restartLater(errorMessage(event.payload.error));
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: options.fromBeginning ?? false });
      await runConsumer(
        consumer,
        () => !stopped,
        () => lastFetch,
      );
      this.logger.log(`consuming ${topic} as ${options.groupId}`);
    };
    // kafkajs gives up on some errors (e.g. the broker gone for long): start over instead of idling forever.
    const restartLater = (reason: string): void => {
      if (stopped || restartTimer) return;
      this.logger.error(`${options.groupId}: consumer stopped (${reason}); restarting in ${restartDelay} ms`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        void (async () => {
          if (stopped) return;
          await current?.disconnect().catch(() => undefined);
          if (stopped) return;
          await launch().catch((error: unknown) => restartLater(errorMessage(error)));
        })();
      }, restartDelay);
    };

    await launch().catch((error: unknown) => restartLater(errorMessage(error)));
    const running: RunningConsumer = {
      groupId: options.groupId,
      topic,
      ready,
      stop: async () => {
        stopped = true;
        clearTimeout(restartTimer);
        this.running.delete(running);
        await current?.disconnect();
      },
    };
    this.running.add(running);
    return running;
  }

  /** Decodes a chunk; invalid messages are dead-lettered (and reported) and left out. */
  private async decode<K extends object, V extends MessageEnvelope>(
    options: CommonConsumerOptions<K, V>,
    chunk: Raw[],
    heartbeat: () => Promise<void>,
    fetchedAt: number,
  ): Promise<Decoded<K, V>[]> {
    const decoded: Decoded<K, V>[] = [];
    for (const { where, message } of chunk) {
      try {
        const { key, value } = decodeMessage(options.contract, message);
        const headers = headersToStrings(message.headers);
        decoded.push({
          where,
          message,
          consumed: {
            ...where,
            key,
            value,
            headers,
            timestamp: message.timestamp,
            fetchedAt,
            startedAt: fetchedAt,
            trace: parseTrace(headers[TRACE_HEADER]),
            heartbeat,
          },
        });
      } catch (error) {
        const reason = errorMessage(error);
        const code =
          error instanceof MessageValidationError ? DeadLetterCode.Invalid : DeadLetterCode.HandlerFailed;
        await this.deadLetter(options, where, message, code, reason, 0);
        this.report(options, { ...where, outcome: ConsumeOutcome.DeadLettered, attempts: 0, reason, code });
      }
    }
    return decoded;
  }

  /**
   * One attempt at the whole chunk (waiting while a dependency is unavailable); when it fails, each
   * message on its own. False when the consumer stopped before the chunk was done.
   */
  private async processChunk<K extends object, V extends MessageEnvelope>(
    options: BatchConsumerOptions<K, V>,
    chunk: Decoded<K, V>[],
    heartbeat: () => Promise<void>,
    active: () => boolean,
  ): Promise<boolean> {
    if (chunk.length === 1) return this.processOne(options, options.handler, chunk[0], heartbeat, active);
    const startedAt = Date.now();
    const attempt = await this.untilAvailable(
      options,
      () => options.handler(chunk.map((entry) => ({ ...entry.consumed, startedAt }))),
      heartbeat,
      active,
    );
    if (attempt === 'stopped') return false;
    if (attempt.ok) {
      this.logChunk(options, chunk, startedAt);
      chunk.forEach((entry, i) =>
        this.report(options, {
          ...entry.where,
          outcome: attempt.value[i] ?? ConsumeOutcome.Processed,
          attempts: 1,
          messageId: entry.consumed.value.metadata.id,
        }),
      );
      return true;
    }
    this.logger.warn(
      `${options.groupId} ${chunk[0].where.topic}[${chunk[0].where.partition}] chunk of ${chunk.length} failed (${errorMessage(attempt.error)}): one message at a time`,
    );
    for (const entry of chunk) {
      if (!(await this.processOne(options, options.handler, entry, heartbeat, active))) return false;
    }
    return true;
  }

  /** One message with retries, then the dead letter. False when the consumer stopped meanwhile. */
  private async processOne<K extends object, V extends MessageEnvelope>(
    options: CommonConsumerOptions<K, V>,
    handler: BatchHandler<K, V>,
    entry: Decoded<K, V>,
    heartbeat: () => Promise<void>,
    active: () => boolean,
  ): Promise<boolean> {
    const { where, message, consumed } = entry;
    const messageId = consumed.value.metadata.id;
    const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    const backoff = options.retryBackoffMs ?? 200;
    let lastError: unknown;
    let attempts = 0;
    while (attempts < maxAttempts) {
      attempts += 1;
      const startedAt = Date.now();
      const attempt = await this.untilAvailable(
        options,
        () => handler([{ ...consumed, startedAt }]),
        heartbeat,
        active,
      );
      if (attempt === 'stopped') return false;
      if (attempt.ok) {
        if (attempts === 1) this.logChunk(options, [entry], startedAt);
        this.report(options, {
          ...where,
          outcome: attempt.value[0] ?? ConsumeOutcome.Processed,
          attempts,
          messageId,
        });
        return true;
      }
      lastError = attempt.error;
      if (options.isPermanent?.(lastError)) break;
      this.logger.warn(
        `${options.groupId} ${where.topic}[${where.partition}]@${where.offset} attempt ${attempts}/${maxAttempts} failed: ${errorMessage(lastError)}`,
      );
      if (attempts < maxAttempts) {
        await this.sleep(backoff * 2 ** (attempts - 1), heartbeat, active);
        if (!active()) return false;
      }
    }
    const reason = errorMessage(lastError);
    const code = codeOf(lastError);
    await this.deadLetter(options, where, message, code, reason, attempts);
    this.report(options, {
      ...where,
      outcome: ConsumeOutcome.DeadLettered,
      attempts,
      messageId,
      reason,
      code,
    });
    return true;
  }

  /** Calls `work`; while it fails because a dependency is unavailable, waits (capped, doubling) and calls it again. */
  private async untilAvailable<T>(
    options: CommonConsumerOptions<object, MessageEnvelope>,
    work: () => Promise<T>,
    heartbeat: () => Promise<void>,
    active: () => boolean,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown } | 'stopped'> {
    const initial = options.unavailableBackoffMs ?? 500;
    let wait = initial;
    for (;;) {
      if (!active()) return 'stopped';
      try {
        const value = await work();
        if (wait > initial) this.logger.log(`${options.groupId}: dependency back, consuming again`);
        return { ok: true, value };
      } catch (error) {
        if (!options.isUnavailable?.(error)) return { ok: false, error };
        this.logger.warn(
          `${options.groupId}: dependency unavailable, retrying in ${wait} ms: ${errorMessage(error)}`,
        );
        await this.sleep(wait, heartbeat, active);
        wait = Math.min(wait * 2, options.unavailableMaxBackoffMs ?? 10_000);
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
    options: CommonConsumerOptions<object, MessageEnvelope>,
    where: Where,
    message: KafkaMessage,
    code: string,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const deadLetterTopic = options.deadLetterTopic ?? deadLetterTopicOf(where.topic);
    await this.producer.sendRaw(deadLetterTopic, [
      deadLetterOf({ ...where, message, code, reason, groupId: options.groupId, attempts }),
    ]);
  }

  /**
   * Debug: where a chunk's time went, for latency hunts (`LOG_LEVEL=debug`): how long its oldest message
   * waited since it was sent, how long since the fetch that brought it, and the handler's time.
   */
  private logChunk(
    options: CommonConsumerOptions<object, MessageEnvelope>,
    chunk: Decoded<object, MessageEnvelope>[],
    startedAt: number,
  ): void {
    const now = Date.now();
    const { topic, partition } = chunk[0].where;
    const sent = Math.min(...chunk.map((entry) => Number(entry.message.timestamp)));
    this.logger.debug(
      `${options.groupId} ${topic}[${partition}] chunk of ${chunk.length}: oldest sent ${startedAt - sent} ms ` +
        `and fetched ${startedAt - chunk[0].consumed.fetchedAt} ms before the handler, which took ${now - startedAt} ms`,
    );
  }

  private report(options: CommonConsumerOptions<object, MessageEnvelope>, result: ConsumeResult): void {
    const where = `${options.groupId} ${result.topic}[${result.partition}]@${result.offset}`;
    if (result.outcome === ConsumeOutcome.DeadLettered) {
      this.logger.error(
        `${where} dead-lettered (${result.code}) after ${result.attempts} attempt(s): ${result.reason}`,
      );
    } else {
      this.logger.debug(`${where} ${result.outcome} (message ${result.messageId})`);
    }
    options.onOutcome?.(result);
  }
}
