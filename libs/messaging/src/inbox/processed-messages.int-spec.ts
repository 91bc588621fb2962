import { anArticlesIngestedMessage, createTestDataSource, uniqueName } from '@sitrep/testing';
import { DataSource } from 'typeorm';
import { ConsumeOutcome } from '../kafka/kafka-consumer.runner';
import { ProcessedMessages } from './processed-messages';

describe(ProcessedMessages.name, () => {
  let dataSource: DataSource;
  let sut: ProcessedMessages;
  const groupId = uniqueName('sitrep-test-inbox');

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    sut = new ProcessedMessages(dataSource);
  });

  afterAll(async () => {
    await dataSource.query('DELETE FROM processed_messages WHERE consumer_group = $1', [groupId]);
    await dataSource.destroy();
  });

  describe('processOnce', () => {
    it('should run the work once and skip a redelivery of the same message', async () => {
      const message = { topic: 'test.inbox', value: anArticlesIngestedMessage().value };
      let runs = 0;
      const work = async () => {
        runs++;
      };

      await expect(sut.processOnce(groupId, message, work)).resolves.toBe(ConsumeOutcome.Processed);
      await expect(sut.processOnce(groupId, message, work)).resolves.toBe(ConsumeOutcome.Skipped);
      expect(runs).toBe(1);
    });

    it('should process the message for another consumer group', async () => {
      const message = { topic: 'test.inbox', value: anArticlesIngestedMessage().value };
      await sut.processOnce(groupId, message, async () => undefined);

      await expect(sut.processOnce(`${groupId}-other`, message, async () => undefined)).resolves.toBe(
        ConsumeOutcome.Processed,
      );
      await dataSource.query('DELETE FROM processed_messages WHERE consumer_group = $1', [
        `${groupId}-other`,
      ]);
    });

    it('should record nothing when the work fails, so that a retry runs it again', async () => {
      const message = { topic: 'test.inbox', value: anArticlesIngestedMessage().value };

      await expect(
        sut.processOnce(groupId, message, async () => {
          throw new Error('failed halfway');
        }),
      ).rejects.toThrow('failed halfway');

      await expect(sut.processOnce(groupId, message, async () => undefined)).resolves.toBe(
        ConsumeOutcome.Processed,
      );
    });

    it('should let only one of two concurrent deliveries do the work', async () => {
      const message = { topic: 'test.inbox', value: anArticlesIngestedMessage().value };
      let runs = 0;
      const slowWork = async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      };

      const outcomes = await Promise.all([
        sut.processOnce(groupId, message, slowWork),
        sut.processOnce(groupId, message, slowWork),
      ]);

      expect(outcomes.sort()).toEqual([ConsumeOutcome.Processed, ConsumeOutcome.Skipped]);
      expect(runs).toBe(1);
    });
  });
});
