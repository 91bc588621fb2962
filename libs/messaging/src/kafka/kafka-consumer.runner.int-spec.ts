import { anArticlesIngestedMessage, KafkaHarness, quietNestLogs, uniqueName } from '@sitrep/testing';
import { ArticlesIngested } from '../contracts';
import { deadLetterTopicOf } from '../topics';
import { DeadLetterCode, DeadLetterHeader } from './dead-letter';
import {
  ConsumeOutcome,
  ConsumeResult,
  KafkaConsumerRunner,
  BatchHandler,
  MessageHandler,
  RunningConsumer,
} from './kafka-consumer.runner';
import { KafkaProducer } from './kafka-producer';

describe(KafkaConsumerRunner.name, () => {
  const harness = new KafkaHarness();
  quietNestLogs();
  const producer = new KafkaProducer(harness.kafka);
  const sut = new KafkaConsumerRunner(harness.kafka, producer);
  let consumer: RunningConsumer | undefined;

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  afterAll(async () => {
    await producer.onApplicationShutdown();
    await harness.close();
  });

  /** Runs a consumer on a fresh topic (and its DLQ) until `count` outcomes were reported. */
  async function consume(
    send: (topic: string) => Promise<void>,
    count: number,
    handler: MessageHandler<ArticlesIngested.Key, ArticlesIngested.Value>,
  ): Promise<{ topic: string; outcomes: ConsumeResult[] }> {
    const topic = await harness.createTopic('test.runner', 1);
    await harness.createNamedTopic(deadLetterTopicOf(topic), 1);
    const outcomes: ConsumeResult[] = [];
    let done: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (done = resolve));
    consumer = await sut.run({
      groupId: uniqueName('sitrep-test-runner'),
      topic,
      contract: ArticlesIngested,
      fromBeginning: true,
      retryBackoffMs: 10,
      handler,
      onOutcome: (result) => {
        outcomes.push(result);
        if (outcomes.length === count) done();
      },
    });
    await send(topic);
    await finished;
    return { topic, outcomes };
  }

  describe('run', () => {
    it('should send a message that breaks its contract to the dead-letter topic with the reason and go on', async () => {
      const valid = anArticlesIngestedMessage();
      const invalid = anArticlesIngestedMessage({ articleId: 'not-a-uuid' });
      const handled: string[] = [];

      const { topic, outcomes } = await consume(
        async (t) => {
          await producer.sendRaw(t, [
            { key: JSON.stringify(invalid.key), value: JSON.stringify(invalid.value) },
            { key: JSON.stringify(valid.key), value: 'this is not JSON' },
          ]);
          await producer.publish(ArticlesIngested, [valid], t);
        },
        3,
        async (message) => {
          handled.push(message.value.articleId);
          return ConsumeOutcome.Processed;
        },
      );

      expect(outcomes.map((o) => o.outcome)).toEqual([
        ConsumeOutcome.DeadLettered,
        ConsumeOutcome.DeadLettered,
        ConsumeOutcome.Processed,
      ]);
      expect(handled).toEqual([valid.value.articleId]);
      const dead = await harness.readMessages(deadLetterTopicOf(topic), 2);
      expect(dead[0].headers[DeadLetterHeader.ErrorCode]).toBe(DeadLetterCode.Invalid);
      expect(dead[0].headers[DeadLetterHeader.Reason]).toMatch(
        /key\.articleId.*UUID.*; value\.articleId.*UUID/,
      );
      expect(dead[0].headers[DeadLetterHeader.OriginalTopic]).toBe(topic);
      expect(dead[0].headers[DeadLetterHeader.OriginalOffset]).toBe('0');
      expect(dead[0].value).toBe(JSON.stringify(invalid.value));
      expect(dead[1].headers[DeadLetterHeader.Reason]).toBe('value: not valid JSON');
    });

    it('should retry a failing handler and report the attempts it took', async () => {
      const message = anArticlesIngestedMessage();
      let calls = 0;

      const { outcomes } = await consume(
        (t) => producer.publish(ArticlesIngested, [message], t).then(() => undefined),
        1,
        async () => {
          calls++;
          if (calls < 2) throw new Error('database briefly unavailable');
          return ConsumeOutcome.Processed;
        },
      );

      expect(outcomes[0]).toMatchObject({ outcome: ConsumeOutcome.Processed, attempts: 2 });
    });

    it('should dead-letter a message whose handler keeps failing, after the last attempt', async () => {
      const message = anArticlesIngestedMessage();
      const next = anArticlesIngestedMessage();

      const { topic, outcomes } = await consume(
        (t) => producer.publish(ArticlesIngested, [message, next], t).then(() => undefined),
        2,
        async (m) => {
          if (m.value.articleId === message.value.articleId)
            throw new Error('engine crashed on this article');
          return ConsumeOutcome.Skipped;
        },
      );

      expect(outcomes.map((o) => [o.outcome, o.attempts])).toEqual([
        [ConsumeOutcome.DeadLettered, 3],
        [ConsumeOutcome.Skipped, 1],
      ]);
      const [dead] = await harness.readMessages(deadLetterTopicOf(topic), 1);
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.ErrorCode]: DeadLetterCode.HandlerFailed,
        [DeadLetterHeader.Reason]: 'engine crashed on this article',
        [DeadLetterHeader.Attempts]: '3',
        'message-id': message.value.metadata.id,
      });
    });
  });

  describe('runBatches', () => {
    type Options = { isPermanent?: (error: unknown) => boolean; isUnavailable?: (error: unknown) => boolean };

    /** Like `consume`, through runBatches with chunks of up to 10 messages. */
    async function consumeBatches(
      send: (topic: string) => Promise<void>,
      count: number,
      handler: BatchHandler<ArticlesIngested.Key, ArticlesIngested.Value>,
      options: Options = {},
    ): Promise<{ topic: string; outcomes: ConsumeResult[] }> {
      const topic = await harness.createTopic('test.runner.batches', 1);
      await harness.createNamedTopic(deadLetterTopicOf(topic), 1);
      const outcomes: ConsumeResult[] = [];
      let done: () => void = () => undefined;
      const finished = new Promise<void>((resolve) => (done = resolve));
      consumer = await sut.runBatches({
        groupId: uniqueName('sitrep-test-runner-batches'),
        topic,
        contract: ArticlesIngested,
        fromBeginning: true,
        retryBackoffMs: 10,
        unavailableBackoffMs: 10,
        chunkSize: 10,
        handler,
        ...options,
        onOutcome: (result) => {
          outcomes.push(result);
          if (outcomes.length === count) done();
        },
      });
      await send(topic);
      await finished;
      return { topic, outcomes };
    }

    it('should hand several messages to the handler at once and report each outcome in order', async () => {
      const messages = Array.from({ length: 5 }, () => anArticlesIngestedMessage());
      const chunkSizes: number[] = [];

      const { outcomes } = await consumeBatches(
        (t) => producer.publish(ArticlesIngested, messages, t).then(() => undefined),
        5,
        async (chunk) => {
          chunkSizes.push(chunk.length);
          return chunk.map((m, i) => (i % 2 === 0 ? ConsumeOutcome.Processed : ConsumeOutcome.Skipped));
        },
      );

      expect(chunkSizes.reduce((a, b) => a + b, 0)).toBe(5);
      expect(Math.max(...chunkSizes)).toBeGreaterThan(1);
      expect(outcomes.map((o) => o.offset)).toEqual(['0', '1', '2', '3', '4']);
      expect(outcomes.every((o) => o.attempts === 1)).toBe(true);
    });

    it('should fall back to one message at a time when a chunk fails, dead-lettering only the bad one', async () => {
      const messages = Array.from({ length: 4 }, () => anArticlesIngestedMessage());
      const poison = messages[2].value.articleId;
      const done = new Set<string>();

      const { topic, outcomes } = await consumeBatches(
        (t) => producer.publish(ArticlesIngested, messages, t).then(() => undefined),
        4,
        async (chunk) => {
          if (chunk.some((m) => m.value.articleId === poison))
            throw new Error('engine crashed on this article');
          chunk.forEach((m) => done.add(m.value.articleId));
          return chunk.map(() => ConsumeOutcome.Processed);
        },
        { isPermanent: (error) => String(error).includes('crashed') },
      );

      const byOffset = new Map(outcomes.map((o) => [o.offset, o]));
      expect(byOffset.get('2')).toMatchObject({ outcome: ConsumeOutcome.DeadLettered, attempts: 1 });
      expect(['0', '1', '3'].map((offset) => byOffset.get(offset)?.outcome)).toEqual([
        ConsumeOutcome.Processed,
        ConsumeOutcome.Processed,
        ConsumeOutcome.Processed,
      ]);
      expect([...done].sort()).toEqual(
        messages
          .map((m) => m.value.articleId)
          .filter((id) => id !== poison)
          .sort(),
      );
      const [dead] = await harness.readMessages(deadLetterTopicOf(topic), 1);
      expect(dead.headers).toMatchObject({
        [DeadLetterHeader.Reason]: 'engine crashed on this article',
        [DeadLetterHeader.OriginalOffset]: '2',
        'message-id': messages[2].value.metadata.id,
      });
    });

    it('should wait while a dependency is unavailable instead of dead-lettering', async () => {
      const messages = [anArticlesIngestedMessage(), anArticlesIngestedMessage()];
      let calls = 0;

      const { outcomes } = await consumeBatches(
        (t) => producer.publish(ArticlesIngested, messages, t).then(() => undefined),
        2,
        async (chunk) => {
          calls++;
          if (calls <= 5) throw new Error('search engine down');
          return chunk.map(() => ConsumeOutcome.Processed);
        },
        { isUnavailable: (error) => String(error).includes('down') },
      );

      expect(calls).toBeGreaterThan(5);
      expect(outcomes.map((o) => o.outcome)).toEqual([ConsumeOutcome.Processed, ConsumeOutcome.Processed]);
    });
  });
});
