import { anArticlesIngestedMessage, KafkaHarness, quietNestLogs, uniqueName } from '@sitrep/testing';
import { ArticlesIngested } from '../contracts';
import {
  ConsumedMessage,
  ConsumeOutcome,
  ConsumeResult,
  KafkaConsumerRunner,
  RunningConsumer,
} from './kafka-consumer.runner';
import { KafkaProducer } from './kafka-producer';

type Consumed = ConsumedMessage<ArticlesIngested.Key, ArticlesIngested.Value>;

describe('Kafka round trip', () => {
  const harness = new KafkaHarness();
  quietNestLogs();
  const producer = new KafkaProducer(harness.kafka);
  const runner = new KafkaConsumerRunner(harness.kafka, producer);
  let consumer: RunningConsumer | undefined;

  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });

  afterAll(async () => {
    await producer.onApplicationShutdown();
    await harness.close();
  });

  describe(KafkaConsumerRunner.name, () => {
    it('should deliver published messages to a consumer group and commit their offsets', async () => {
      const topic = await harness.createTopic('test.roundtrip', 3);
      const groupId = uniqueName('sitrep-test-group');
      const messages = Array.from({ length: 9 }, () => anArticlesIngestedMessage());
      const received: Consumed[] = [];
      const outcomes: ConsumeResult[] = [];
      const allIn = new Promise<void>((resolve) => {
        void (async () => {
          consumer = await runner.run({
            groupId,
            topic,
            contract: ArticlesIngested,
            fromBeginning: true,
            handler: async (message) => {
              received.push(message);
              return ConsumeOutcome.Processed;
            },
            onOutcome: (result) => {
              outcomes.push(result);
              if (outcomes.length === messages.length) resolve();
            },
          });
        })();
      });

      await producer.publish(ArticlesIngested, messages, topic);
      await allIn;
      await consumer?.stop();
      consumer = undefined;

      expect(received.map((m) => m.value.articleId).sort()).toEqual(
        messages.map((m) => m.value.articleId).sort(),
      );
      expect(received[0].value).toBeInstanceOf(ArticlesIngested.Value);
      expect(received[0].headers['correlation-id']).toBe(received[0].value.metadata.correlationId);
      expect(outcomes.every((o) => o.outcome === ConsumeOutcome.Processed)).toBe(true);
      // Committed offset = next offset to read; over all partitions they add up to the messages read.
      const committed = await harness.committedOffsets(groupId, topic);
      const total = [...committed.values()].reduce((sum, offset) => sum + Math.max(0, Number(offset)), 0);
      expect(total).toBe(messages.length);
    });

    it('should keep the messages of one key in order on one partition', async () => {
      const topic = await harness.createTopic('test.keyorder', 3);
      const first = anArticlesIngestedMessage();
      const sameKey = Array.from({ length: 5 }, (_, i) =>
        anArticlesIngestedMessage({ articleId: first.value.articleId, title: `revision ${i}` }),
      );

      await producer.publish(ArticlesIngested, sameKey, topic);
      const read = await harness.readMessages(topic, sameKey.length);

      expect(new Set(read.map((m) => m.partition)).size).toBe(1);
      expect(read.map((m) => JSON.parse(m.value ?? '{}').title)).toEqual(sameKey.map((m) => m.value.title));
    });
  });

  describe(KafkaProducer.name, () => {
    it('should refuse a message that breaks its contract before sending it', async () => {
      const topic = await harness.createTopic('test.refuse', 1);
      const bad = anArticlesIngestedMessage({ contentHash: 'not-a-hash' });

      await expect(producer.publish(ArticlesIngested, [bad], topic)).rejects.toThrow(/value\.contentHash/);
    });
  });
});
