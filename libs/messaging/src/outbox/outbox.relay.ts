import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { errorMessage, withTimeout } from '@sitrep/domain';
import { DataSource } from 'typeorm';
import { KafkaProducer, RawMessage } from '../kafka/kafka-producer';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayOptions } from './outbox.options';

interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  key: string;
  payload: Record<string, unknown>;
  headers: Record<string, string>;
}

/*
 * Locks the oldest unsent rows nobody else holds, then keeps only the rows with no earlier unsent row of
 * the same topic and key outside the batch: another relay may hold that earlier row, and publishing past
 * it would break the key's order. Those rows wait for the next round.
 */
const SELECT_BATCH = `
  WITH batch AS (
    SELECT id, seq, topic, key, payload, headers
    FROM outbox
    WHERE sent_at IS NULL AND ($2::text[] IS NULL OR topic = ANY($2::text[]))
    ORDER BY seq
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  )
  SELECT b.id, b.seq, b.topic, b.key, b.payload, b.headers
  FROM batch b
  WHERE NOT EXISTS (
    SELECT 1 FROM outbox o
    WHERE o.sent_at IS NULL AND o.topic = b.topic AND o.key = b.key AND o.seq < b.seq
      AND o.id NOT IN (SELECT id FROM batch)
  )
  ORDER BY b.seq`;

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60_000;

/**
 * Publishes outbox rows to Kafka in `seq` order per key, then marks them sent, all in one transaction:
 * if the publish fails the transaction rolls back, the rows stay unsent and the relay retries with
 * exponential backoff. Several relays (apps, instances) can run against one table. Delivery is at least
 * once: a crash between the publish and the commit sends the rows again, and consumers deduplicate on
 * the message id.
 *
 * Per-key order assumes that the writes of one key don't commit out of `seq` order, which holds when
 * a change locks its aggregate's row (or the key has one writer).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly options: Required<Omit<OutboxRelayOptions, 'topics'>> & Pick<OutboxRelayOptions, 'topics'>;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private failures = 0;
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions = {},
  ) {
    this.options = {
      enabled: options.enabled ?? true,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      batchSize: options.batchSize ?? 100,
      initialBackoffMs: options.initialBackoffMs ?? 1000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      publishTimeoutMs: options.publishTimeoutMs ?? 15_000,
      retainSentMs: options.retainSentMs ?? 7 * DAY_MS,
      topics: options.topics,
    };
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Starts polling in the background (idempotent). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /**
   * Rows were just committed: publish them now rather than after the poll interval. Ignored while the
   * relay backs off after a failure.
   */
  nudge(): void {
    if (this.failures === 0) this.wake?.();
  }

  /** Consecutive failed rounds (0 when the last round succeeded). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * One round: publishes up to `batchSize` rows and marks them sent. Returns how many were sent;
   * throws (and leaves the rows unsent) when Kafka refuses or times out.
   */
  async relayOnce(): Promise<number> {
    let ids: string[] = [];
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows: OutboxRow[] = await manager.query(SELECT_BATCH, [
          this.options.batchSize,
          this.options.topics ?? null,
        ]);
        if (rows.length === 0) return 0;
        ids = rows.map((row) => row.id);
        await withTimeout(
          this.producer.sendBatch(groupByTopic(rows)),
          this.options.publishTimeoutMs,
          'outbox publish',
        );
        await manager.query(
          'UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length;
      });
    } catch (error) {
      if (ids.length > 0) await this.recordFailure(ids, errorMessage(error));
      throw error;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let sent = 0;
      try {
        sent = await this.relayOnce();
        if (this.failures > 0) this.logger.log(`publishing again after ${this.failures} failed round(s)`);
        this.failures = 0;
        await this.purgeIfDue();
      } catch (error) {
        this.failures++;
        const wait = Math.min(
          this.options.maxBackoffMs,
          this.options.initialBackoffMs * 2 ** (this.failures - 1),
        );
        this.logger.warn(
          `outbox round failed (${this.failures} in a row), retrying in ${wait} ms: ${errorMessage(error)}`,
        );
        await this.sleep(wait);
        continue;
      }
      if (sent < this.options.batchSize) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async recordFailure(ids: string[], reason: string): Promise<void> {
    await this.dataSource
      .query('UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])', [
        ids,
        reason.slice(0, 2000),
      ])
      .catch((error: unknown) => this.logger.warn(`could not record the failure: ${errorMessage(error)}`));
  }

  private async purgeIfDue(): Promise<void> {
    if (this.options.retainSentMs <= 0 || Date.now() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = Date.now();
    await this.dataSource.query(
      `DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < now() - make_interval(secs => $1)`,
      [this.options.retainSentMs / 1000],
    );
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Consecutive rows of one topic keep their order inside that topic's list. */
function groupByTopic(rows: OutboxRow[]): { topic: string; messages: RawMessage[] }[] {
  const byTopic = new Map<string, RawMessage[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push({ key: row.key, value: JSON.stringify(row.payload), headers: row.headers });
    byTopic.set(row.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
