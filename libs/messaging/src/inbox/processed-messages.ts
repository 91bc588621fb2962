import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { MessageEnvelope } from '../contracts/message-metadata';
import { ConsumeOutcome } from '../kafka/kafka-consumer.runner';

/**
 * Idempotent consumers: runs a handler's work at most once per consumer group and message id, by
 * recording the message in `processed_messages` in the same transaction as the work.
 *
 * @example
 * handler: (message) => processed.processOnce('sitrep-extractor', message, async (manager) => { ... })
 */
@Injectable()
export class ProcessedMessages {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Returns Skipped without running `work` when the group already processed the message; otherwise runs
   * `work` in a transaction that also records the message, and returns Processed. If `work` throws,
   * nothing is recorded and the message can be retried.
   */
  async processOnce(
    groupId: string,
    message: { topic: string; value: MessageEnvelope },
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<ConsumeOutcome.Processed | ConsumeOutcome.Skipped> {
    return this.dataSource.transaction(async (manager) => {
      // A concurrent duplicate blocks on this row until the first commits, then conflicts.
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_messages (consumer_group, message_id, topic) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [groupId, message.value.metadata.id, message.topic],
      );
      if (inserted.length === 0) return ConsumeOutcome.Skipped;
      await work(manager);
      return ConsumeOutcome.Processed;
    });
  }
}
