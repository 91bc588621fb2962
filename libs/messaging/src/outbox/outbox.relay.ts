import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { errorMessage, TimeoutError, withTimeout } from '@sitrep/domain';
import { DataSource } from 'typeorm';
import { KafkaProducer, RawMessage } from '../kafka/kafka-producer';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayOptions } from './outbox.options';

interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  key: string;
  /** The payload as stored (jsonb as text): sent as it is, never parsed. */
  value: string;
  headers: Record<string, string>;
}

/*
 * Locks the oldest unsent rows nobody else holds, then keeps only the rows with no earlier unsent row of
 * the same topic and key outside the batch: another relay may hold that earlier row, and publishing past
 * it would break the key's order. Those rows wait for the next round.
 *
 * With topics, each topic's rows come from an ordered scan of outbox_unsent_topic_seq_idx that stops at
 * the limit, and the earlier rows outside the batch from one range scan below the batch's last seq, so a
 * round costs the same with 10 or 100,000 rows waiting (with `topic = ANY(...)` PostgreSQL read and
 * sorted every waiting row of the topics in every round, and the per-row check scanned the topic's
 * earlier rows once per batch row). `earlier` is MATERIALIZED: once the table has statistics (after an
 * ANALYZE, which autovacuum runs) an inlined CTE was planned as a nested loop that ran its scan once
 * per batch row, 0.6 s per round of 500 with 20,000 rows waiting instead of 10 ms.
 */
export const selectOutboxBatch = (byTopic: boolean): string => {
  const rowsOf = (condition: string, tail: string): string =>
    byTopic
      ? `SELECT r.* FROM unnest($2::text[]) AS t(topic)
         CROSS JOIN LATERAL (
           SELECT id, seq, topic, key, payload, headers FROM outbox
           WHERE sent_at IS NULL AND topic = t.topic ${condition} ${tail}
         ) r`
      : `SELECT id, seq, topic, key, payload, headers FROM outbox WHERE sent_at IS NULL ${condition} ${tail}`;
  return `
    WITH batch AS (${rowsOf('', 'ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED')}),
    earlier AS MATERIALIZED (${rowsOf('AND seq < (SELECT max(seq) FROM batch) AND id NOT IN (SELECT id FROM batch)', '')})
    SELECT b.id, b.seq, b.topic, b.key, b.payload::text AS value, b.headers
    FROM batch b
    WHERE NOT EXISTS (SELECT 1 FROM earlier e WHERE e.topic = b.topic AND e.key = b.key AND e.seq < b.seq)
    ORDER BY b.seq`;
};

/**
 * Whether any row of the relay's topics waits: one cheap read, without a transaction or (exclusive
 * relays) a lock, so that an idle relay's polls cost little (per topic, one index probe that stops at
 * the first unsent row). Half the PostgreSQL and Node CPU of an empty round (0.38 + 0.29 ms instead of
 * 0.75 + 0.77 ms per poll, measured on the bench's outbox).
 */
export const selectAnyUnsent = (byTopic: boolean): string =>
  byTopic
    ? `SELECT EXISTS (
         SELECT 1 FROM unnest($1::text[]) AS t(topic)
         CROSS JOIN LATERAL (SELECT 1 FROM outbox WHERE sent_at IS NULL AND topic = t.topic LIMIT 1) o
       ) AS pending`
    : `SELECT EXISTS (SELECT 1 FROM outbox WHERE sent_at IS NULL) AS pending`;

/** Class id of the relays' advisory locks (two-int4 form: apart from the migrations' bigint lock). */
const RELAY_LOCK_CLASS = 0x6f757462; // "outb"

/** Wait of an exclusive relay that found the lock taken, before it tries again. */
const BUSY_RETRY_MS = 50;

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY_MS = 60_000;
/** How many publish timeouts the relay waits for a publish it gave up on before sending its rows again. */
const ABANDONED_WAIT_FACTOR = 4;

/**
 * Publishes outbox rows to Kafka in `seq` order per key, then marks them sent, all in one transaction:
 * if the publish fails the transaction rolls back, the rows stay unsent and the relay retries with
 * exponential backoff. Several relays (apps, instances) can run against one table; with `exclusive`,
 * the relays of the same topics take one round at a time. Delivery is at least
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
  /** Name of the exclusive relays' lock: the same topics share one. */
  private readonly lockName: string;
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  /** A nudge came while a round was running: that round may have selected before the rows committed. */
  private nudged = false;
  /** The last round found another exclusive relay's lock taken. */
  private lockBusy = false;
  private failures = 0;
  private lastPurge = 0;
  private readonly selectBatch: string;
  private readonly anyUnsent: string;
  /** A publish the relay stopped waiting for (timeout), with its rows. */
  private abandoned?: { ids: string[]; publishing: Promise<unknown> };

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: KafkaProducer,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions = {},
  ) {
    this.options = {
      enabled: options.enabled ?? true,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      batchSize: options.batchSize ?? 100,
      maxRoundBytes: options.maxRoundBytes ?? 900_000,
      initialBackoffMs: options.initialBackoffMs ?? 1000,
      maxBackoffMs: options.maxBackoffMs ?? 30_000,
      publishTimeoutMs: options.publishTimeoutMs ?? 15_000,
      retainSentMs: options.retainSentMs ?? 7 * DAY_MS,
      exclusive: options.exclusive ?? false,
      topics: options.topics,
    };
    this.lockName = `sitrep.outbox-relay:${options.topics ? [...options.topics].sort().join(',') : '*'}`;
    this.selectBatch = selectOutboxBatch(this.options.topics !== undefined);
    this.anyUnsent = selectAnyUnsent(this.options.topics !== undefined);
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
    if (this.failures > 0) return;
    this.nudged = true;
    this.wake?.();
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
    await this.settleAbandonedPublish();
    let ids: string[] = [];
    const began = Date.now();
    let selected = began;
    let published = began;
    try {
      // Nothing waits (most polls): no transaction. Rows that commit after this read are sent by the
      // next round, as rows that committed after a round's select always were (a nudge runs it at once).
      const [{ pending }]: { pending: boolean }[] = await this.dataSource.query(
        this.anyUnsent,
        this.options.topics ? [this.options.topics] : [],
      );
      if (!pending) {
        this.lockBusy = false;
        return 0;
      }
      const sent = await this.dataSource.transaction(async (manager) => {
        if (this.options.exclusive) {
          const [{ locked }]: { locked: boolean }[] = await manager.query(
            'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked',
            [RELAY_LOCK_CLASS, this.lockName],
          );
          // Another relay of these topics is in a round: it keeps going while rows wait.
          this.lockBusy = !locked;
          if (!locked) return 0;
        }
        const selectedRows: OutboxRow[] = await manager.query(
          this.selectBatch,
          this.options.topics ? [this.options.batchSize, this.options.topics] : [this.options.batchSize],
        );
        if (selectedRows.length === 0) return 0;
        // The rows after the cut stay unsent (locked until the commit): the next round starts with them.
        const rows = leadingRowsWithin(selectedRows, this.options.maxRoundBytes);
        selected = Date.now();
        ids = rows.map((row) => row.id);
        const publishing = this.producer.sendBatch(groupByTopic(rows));
        try {
          await withTimeout(publishing, this.options.publishTimeoutMs, 'outbox publish');
        } catch (error) {
          // The producer may still deliver after we stopped waiting: the next round first learns how
          // it ended, so that these rows are not published a second time meanwhile.
          if (error instanceof TimeoutError) this.abandoned = { ids, publishing };
          throw error;
        }
        published = Date.now();
        await manager.query(
          'UPDATE outbox SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])',
          [ids],
        );
        return rows.length;
      });
      // Debug: where a round's time goes (latency hunts, LOG_LEVEL=debug).
      if (sent > 0)
        this.logger.debug(
          `relayed ${sent} row(s): select ${selected - began} ms, publish ${published - selected} ms, ` +
            `mark sent and commit ${Date.now() - published} ms`,
        );
      return sent;
    } catch (error) {
      if (ids.length > 0) await this.recordFailure(ids, errorMessage(error));
      throw error;
    }
  }

  /**
   * Waits for a publish that timed out to end (the producer's own retries bound it; we wait at most
   * ABANDONED_WAIT_FACTOR publish timeouts) and marks its rows sent if it succeeded after all.
   */
  private async settleAbandonedPublish(): Promise<void> {
    const abandoned = this.abandoned;
    if (!abandoned) return;
    const delivered = await withTimeout(
      abandoned.publishing.then(
        () => true,
        () => false,
      ),
      this.options.publishTimeoutMs * ABANDONED_WAIT_FACTOR,
      'late outbox publish',
    ).catch(() => {
      this.logger.warn(
        `a timed-out publish of ${abandoned.ids.length} row(s) never ended; they are sent again`,
      );
      return false;
    });
    this.abandoned = undefined;
    if (!delivered) return;
    this.logger.warn(
      `a timed-out publish of ${abandoned.ids.length} row(s) was delivered late; marking them sent`,
    );
    await this.dataSource.query(
      'UPDATE outbox SET sent_at = now(), last_error = NULL WHERE id = ANY($1::uuid[]) AND sent_at IS NULL',
      [abandoned.ids],
    );
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let sent = 0;
      this.nudged = false;
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
      // Rows keep coming while intake is busy: poll again at once after a round that sent any, so the
      // lag stays one round; sleep only when there was nothing to send.
      // A nudge during an empty round means rows committed after its select: go again instead of sleeping.
      // Another relay's round may have selected before rows this one was nudged for committed, and then
      // sleep: a relay that found the lock taken looks again soon rather than after a whole poll.
      if (sent === 0 && !this.nudged)
        await this.sleep(
          this.lockBusy ? Math.min(BUSY_RETRY_MS, this.options.pollIntervalMs) : this.options.pollIntervalMs,
        );
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

/**
 * The longest run of rows from the first whose keys, values and headers fit in `maxBytes` (at least the
 * first row). A leading run keeps every key's order: each row left out comes after every row sent.
 */
export function leadingRowsWithin<T extends Pick<OutboxRow, 'key' | 'value' | 'headers'>>(
  rows: readonly T[],
  maxBytes: number,
): T[] {
  let bytes = 0;
  let count = 0;
  for (const row of rows) {
    bytes += Buffer.byteLength(row.key) + Buffer.byteLength(row.value);
    for (const [name, value] of Object.entries(row.headers ?? {}))
      bytes += Buffer.byteLength(name) + Buffer.byteLength(String(value));
    if (count > 0 && bytes > maxBytes) break;
    count += 1;
  }
  return rows.slice(0, count);
}

/** Consecutive rows of one topic keep their order inside that topic's list. */
function groupByTopic(rows: OutboxRow[]): { topic: string; messages: RawMessage[] }[] {
  const byTopic = new Map<string, RawMessage[]>();
  for (const row of rows) {
    const list = byTopic.get(row.topic) ?? [];
    list.push({ key: row.key, value: row.value, headers: row.headers });
    byTopic.set(row.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
