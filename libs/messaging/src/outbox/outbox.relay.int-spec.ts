import {
  anArticlesIngestedMessage,
  createTestDataSource,
  KafkaHarness,
  quietNestLogs,
  waitUntil,
} from '@sitrep/testing';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ArticlesIngested } from '../contracts';
import { KafkaProducer } from '../kafka/kafka-producer';
import { OutboxRelayOptions } from './outbox.options';
import { OutboxRelay, selectOutboxBatch } from './outbox.relay';
import { OutboxTransactionRequiredError, OutboxWriter } from './outbox.writer';

interface OutboxState {
  id: string;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

describe(OutboxRelay.name, () => {
  const harness = new KafkaHarness();
  const producer = new KafkaProducer(harness.kafka);
  const writer = new OutboxWriter();
  let dataSource: DataSource;
  const topics: string[] = [];
  quietNestLogs();

  beforeAll(async () => {
    dataSource = await createTestDataSource();
  });

  afterAll(async () => {
    await dataSource.query('DELETE FROM outbox WHERE topic = ANY($1)', [topics]);
    await dataSource.destroy();
    await producer.onApplicationShutdown();
    await harness.close();
  });

  async function topic(partitions = 3): Promise<string> {
    const name = await harness.createTopic('test.outbox', partitions);
    topics.push(name);
    return name;
  }

  /** A relay that only sees the rows of `onTopic` (other tests share the table). */
  const relayFor = (onTopic: string, kafkaProducer = producer, options: OutboxRelayOptions = {}) =>
    new OutboxRelay(dataSource, kafkaProducer, {
      enabled: false,
      batchSize: 4,
      topics: [onTopic],
      ...options,
    });

  /** Runs rounds until the relay's topics have no unsent row (a round may send 0 while another relay holds earlier rows). */
  async function relayAll(relay: OutboxRelay, onTopic: string, rounds = 100): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await relay.relayOnce();
      const [{ unsent }] = await dataSource.query(
        'SELECT count(*)::int AS unsent FROM outbox WHERE topic = $1 AND sent_at IS NULL',
        [onTopic],
      );
      if (unsent === 0) return;
    }
    throw new Error(`rows of ${onTopic} still unsent after ${rounds} rounds`);
  }

  const stateOf = (ids: string[]): Promise<OutboxState[]> =>
    dataSource.query('SELECT id, sent_at, attempts, last_error FROM outbox WHERE id = ANY($1::uuid[])', [
      ids,
    ]);

  /** Writes `perKey` rounds of one message per key, each round in its own transaction. */
  async function enqueueInterleaved(onTopic: string, keys: string[], perKey: number) {
    const written: { articleId: string; title: string; id: string }[] = [];
    for (let i = 0; i < perKey; i++) {
      // One transaction per round, keys interleaved, like concurrent articles being updated.
      await dataSource.transaction(async (manager) => {
        const messages = keys.map((articleId) =>
          anArticlesIngestedMessage({ articleId, title: `${articleId} #${i}` }),
        );
        await writer.enqueue(manager, ArticlesIngested, messages, onTopic);
        written.push(
          ...messages.map((m) => ({
            articleId: m.value.articleId,
            title: m.value.title ?? '',
            id: m.value.metadata.id,
          })),
        );
      });
    }
    return written;
  }

  describe('relayOnce', () => {
    it('should stop a round at maxRoundBytes and send the rest, in order, in the next rounds', async () => {
      const onTopic = await topic(1);
      const keys = [randomUUID(), randomUUID()];
      const written = await enqueueInterleaved(onTopic, keys, 3);
      const [{ bytes }] = await dataSource.query(
        `SELECT max(length(key) + length(payload::text) + length(headers::text))::int AS bytes
           FROM outbox WHERE topic = $1`,
        [onTopic],
      );
      // Room for two rows per round, not three: 6 rows in rounds of 2 (batchSize 4).
      const relay = relayFor(onTopic, producer, { maxRoundBytes: bytes * 2 + 10 });

      await expect(relay.relayOnce()).resolves.toBe(2);
      await expect(relay.relayOnce()).resolves.toBe(2);
      await expect(relay.relayOnce()).resolves.toBe(2);
      await expect(relay.relayOnce()).resolves.toBe(0);

      const read = await harness.readMessages(onTopic, written.length);
      expect(read.map((message) => JSON.parse(message.value ?? '{}').title)).toEqual(
        written.map((w) => w.title),
      );
    });

    it('should poll an empty outbox without a transaction, and open one once a row waits', async () => {
      const onTopic = await topic();
      const relay = relayFor(onTopic, producer, { exclusive: true });
      const transactions = jest.spyOn(dataSource, 'transaction');
      try {
        await expect(relay.relayOnce()).resolves.toBe(0);
        expect(transactions).not.toHaveBeenCalled();
        const [written] = await enqueueInterleaved(onTopic, [randomUUID()], 1);
        transactions.mockClear();
        await expect(relay.relayOnce()).resolves.toBe(1);
        expect(transactions).toHaveBeenCalledTimes(1);
        expect((await stateOf([written.id]))[0].sent_at).not.toBeNull();
      } finally {
        transactions.mockRestore();
      }
    });

    it('should publish the rows of each key in the order they were written and mark them sent', async () => {
      const onTopic = await topic();
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const written = await enqueueInterleaved(onTopic, keys, 5);
      const relay = relayFor(onTopic);

      await relayAll(relay, onTopic);

      const read = await harness.readMessages(onTopic, written.length);
      for (const key of keys) {
        const sent = read.filter((m) => JSON.parse(m.key ?? '{}').articleId === key);
        expect(sent.map((m) => JSON.parse(m.value ?? '{}').title)).toEqual(
          written.filter((w) => w.articleId === key).map((w) => w.title),
        );
        expect(new Set(sent.map((m) => m.partition)).size).toBe(1);
      }
      expect(read[0].headers['message-id']).toBeDefined();
      const states = await stateOf(written.map((w) => w.id));
      expect(states.every((s) => s.sent_at !== null && s.attempts === 1)).toBe(true);
    });

    it('should keep per-key order with two relays working the table at once', async () => {
      const onTopic = await topic();
      const keys = [randomUUID(), randomUUID()];
      const written = await enqueueInterleaved(onTopic, keys, 8);
      const a = relayFor(onTopic);
      const b = relayFor(onTopic);

      await Promise.all([relayAll(a, onTopic), relayAll(b, onTopic)]);

      const read = await harness.readMessages(onTopic, written.length);
      expect(read).toHaveLength(written.length);
      for (const key of keys) {
        expect(
          read
            .filter((m) => JSON.parse(m.key ?? '{}').articleId === key)
            .map((m) => JSON.parse(m.value ?? '{}').title),
        ).toEqual(written.filter((w) => w.articleId === key).map((w) => w.title));
      }
    });

    it('should leave the rows unsent and record the failure while Kafka cannot be reached', async () => {
      const onTopic = await topic(1);
      const deadKafka = new Kafka({
        clientId: 'sitrep-test-dead',
        brokers: ['127.0.0.1:1'],
        connectionTimeout: 200,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
      const offline = new KafkaProducer(deadKafka);
      const [row] = await enqueueInterleaved(onTopic, [randomUUID()], 1);
      const relay = relayFor(onTopic, offline, { publishTimeoutMs: 2000 });

      await expect(relay.relayOnce()).rejects.toThrow();
      await expect(relay.relayOnce()).rejects.toThrow();

      const [state] = await stateOf([row.id]);
      expect(state).toMatchObject({ sent_at: null, attempts: 2 });
      expect(state.last_error).toBeTruthy();

      // The same rows go out once Kafka answers again.
      await relayAll(relayFor(onTopic), onTopic);
      await expect(harness.readMessages(onTopic, 1)).resolves.toHaveLength(1);
      await expect(stateOf([row.id]).then(([s]) => s.sent_at)).resolves.not.toBeNull();
    });
    it('should not publish again rows whose timed-out publish was delivered late, and mark them sent', async () => {
      const onTopic = await topic(1);
      const [row] = await enqueueInterleaved(onTopic, [randomUUID()], 1);
      // The real broker, reached only after the relay stopped waiting (like a broker coming back).
      class SlowProducer extends KafkaProducer {
        override async sendBatch(batches: Parameters<KafkaProducer['sendBatch']>[0]) {
          await new Promise((resolve) => setTimeout(resolve, 800));
          return super.sendBatch(batches);
        }
      }
      const slow = new SlowProducer(harness.kafka);
      const relay = relayFor(onTopic, slow, { publishTimeoutMs: 200 });

      await expect(relay.relayOnce()).rejects.toThrow(/timed out|timeout/i);
      await expect(stateOf([row.id]).then(([s]) => s.sent_at)).resolves.toBeNull();
      // The next round first learns that the late publish went through.
      await expect(relay.relayOnce()).resolves.toBe(0);

      await expect(stateOf([row.id]).then(([s]) => s.sent_at)).resolves.not.toBeNull();
      const [only] = await harness.readMessages(onTopic, 1);
      expect(JSON.parse(only.value ?? '{}').metadata.id).toBe(row.id);
      // Exactly one message: a second one never comes.
      await expect(harness.readMessages(onTopic, 2, 3000)).rejects.toThrow('read 1/2 messages');
      await slow.onApplicationShutdown();
    });
  });

  describe(selectOutboxBatch.name, () => {
    interface PlanNode {
      'Relation Name'?: string;
      'Actual Loops': number;
      Plans?: PlanNode[];
    }
    const outboxScans = (node: PlanNode): PlanNode[] => [
      ...(node['Relation Name'] === 'outbox' ? [node] : []),
      ...(node.Plans ?? []).flatMap(outboxScans),
    ];

    it('should read the outbox once per round when the table has statistics (as autovacuum keeps them)', async () => {
      const onTopic = await topic(1);
      // Statistics from a table whose rows are mostly sent, then a backlog larger than a round.
      await dataSource.query('ANALYZE outbox');
      await dataSource.transaction((manager) =>
        writer.enqueue(
          manager,
          ArticlesIngested,
          Array.from({ length: 600 }, () => anArticlesIngestedMessage()),
          onTopic,
        ),
      );

      const [{ 'QUERY PLAN': plan }] = await dataSource.query(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${selectOutboxBatch(true)}`,
        [500, [onTopic]],
      );

      const scans = outboxScans((plan as { Plan: PlanNode }[])[0].Plan);
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.map((s) => s['Actual Loops'])).toEqual(scans.map(() => 1));
      await relayAll(relayFor(onTopic, producer, { batchSize: 500 }), onTopic);
    });
  });

  describe('relayOnce with exclusive', () => {
    it('should send nothing while another relay of the same topics is in a round, then everything once', async () => {
      const onTopic = await topic(1);
      const otherTopic = await topic(1);
      // Eight keys, one row each: without the lock a second relay would send the four the first one doesn't hold.
      const written = await enqueueInterleaved(
        onTopic,
        Array.from({ length: 8 }, () => randomUUID()),
        1,
      );
      await enqueueInterleaved(otherTopic, [randomUUID()], 1);
      // The real broker, reached only once the test lets the first relay's publish go.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let publishing!: () => void;
      const inRound = new Promise<void>((resolve) => (publishing = resolve));
      class GatedProducer extends KafkaProducer {
        override async sendBatch(batches: Parameters<KafkaProducer['sendBatch']>[0]) {
          publishing();
          await gate;
          return super.sendBatch(batches);
        }
      }
      const gated = new GatedProducer(harness.kafka);
      const first = relayFor(onTopic, gated, { exclusive: true });
      const second = relayFor(onTopic, producer, { exclusive: true });

      const firstRound = first.relayOnce();
      await inRound;
      await expect(second.relayOnce()).resolves.toBe(0);
      // Relays of other topics have their own lock.
      await expect(relayFor(otherTopic, producer, { exclusive: true }).relayOnce()).resolves.toBe(1);
      release();
      await expect(firstRound).resolves.toBe(4);
      await expect(second.relayOnce()).resolves.toBe(4);

      const read = await harness.readMessages(onTopic, written.length);
      expect(read.map((m) => JSON.parse(m.value ?? '{}').metadata.id).sort()).toEqual(
        written.map((w) => w.id).sort(),
      );
      await gated.onApplicationShutdown();
    });

    it('should look again soon, not after a whole poll, when it found the lock taken', async () => {
      const onTopic = await topic(1);
      await enqueueInterleaved(onTopic, [randomUUID()], 1);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let publishing!: () => void;
      const inRound = new Promise<void>((resolve) => (publishing = resolve));
      class GatedProducer extends KafkaProducer {
        override async sendBatch(batches: Parameters<KafkaProducer['sendBatch']>[0]) {
          publishing();
          await gate;
          return super.sendBatch(batches);
        }
      }
      const gated = new GatedProducer(harness.kafka);
      const firstRound = relayFor(onTopic, gated, { exclusive: true }).relayOnce();
      await inRound;
      // Polls every 10 minutes: only the retry after a busy lock can send the row below in time.
      const background = relayFor(onTopic, producer, { exclusive: true, pollIntervalMs: 600_000 });
      background.start();
      try {
        const [late] = await enqueueInterleaved(onTopic, [randomUUID()], 1);
        release();
        await expect(firstRound).resolves.toBe(1);

        await waitUntil(
          async () => (await stateOf([late.id]))[0].sent_at !== null,
          'the background relay to send the row',
          25_000,
          100,
        );
      } finally {
        await background.stop();
        await gated.onApplicationShutdown();
      }
    });

    it('should take turns with another exclusive relay until every row is sent, in order per key', async () => {
      const onTopic = await topic();
      const keys = [randomUUID(), randomUUID(), randomUUID()];
      const written = await enqueueInterleaved(onTopic, keys, 6);
      const a = relayFor(onTopic, producer, { exclusive: true });
      const b = relayFor(onTopic, producer, { exclusive: true });

      await Promise.all([relayAll(a, onTopic, 400), relayAll(b, onTopic, 400)]);

      const read = await harness.readMessages(onTopic, written.length);
      expect(read).toHaveLength(written.length);
      for (const key of keys) {
        expect(
          read
            .filter((m) => JSON.parse(m.key ?? '{}').articleId === key)
            .map((m) => JSON.parse(m.value ?? '{}').title),
        ).toEqual(written.filter((w) => w.articleId === key).map((w) => w.title));
      }
    });
  });

  describe('start', () => {
    it('should back off and keep retrying in the background while publishing fails', async () => {
      const onTopic = await topic(1);
      await enqueueInterleaved(onTopic, [randomUUID()], 1);
      const offline = new KafkaProducer(
        new Kafka({
          clientId: 'sitrep-test-dead',
          brokers: ['127.0.0.1:1'],
          connectionTimeout: 100,
          retry: { retries: 0 },
          logLevel: logLevel.NOTHING,
        }),
      );
      const relay = relayFor(onTopic, offline, {
        initialBackoffMs: 20,
        maxBackoffMs: 100,
        publishTimeoutMs: 500,
      });

      relay.start();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await relay.stop();

      expect(relay.consecutiveFailures).toBeGreaterThanOrEqual(2);
      await relayAll(relayFor(onTopic), onTopic);
    });
  });

  describe(OutboxWriter.name, () => {
    it('should refuse to write outside a transaction', async () => {
      await expect(
        writer.enqueue(dataSource.manager, ArticlesIngested, [anArticlesIngestedMessage()], 'test.never'),
      ).rejects.toThrow(OutboxTransactionRequiredError);
    });

    it('should write nothing when the transaction rolls back', async () => {
      const message = anArticlesIngestedMessage();

      await expect(
        dataSource.transaction(async (manager) => {
          await writer.enqueue(manager, ArticlesIngested, [message], 'test.never');
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');

      await expect(stateOf([message.value.metadata.id])).resolves.toEqual([]);
    });

    it('should refuse a message that breaks its contract', async () => {
      await expect(
        dataSource.transaction((manager) =>
          writer.enqueue(
            manager,
            ArticlesIngested,
            [anArticlesIngestedMessage({ source: '' })],
            'test.never',
          ),
        ),
      ).rejects.toThrow(/value\.source/);
    });
  });
});
