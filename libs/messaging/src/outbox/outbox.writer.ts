import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { encodeMessage } from '../contracts/message-codec';
import { MessageContract, OutgoingMessage } from '../contracts/message-contract';
import { MessageEnvelope } from '../contracts/message-metadata';

/** Raised when a message is written to the outbox outside a transaction. */
export class OutboxTransactionRequiredError extends Error {
  readonly code = 'OUTBOX.TRANSACTION_REQUIRED';

  constructor() {
    super(
      'The outbox is written inside the transaction of the change it announces: use dataSource.transaction()',
    );
  }
}

/**
 * Writes messages to the outbox table in the caller's transaction, so the change and its event commit
 * or roll back together; {@link OutboxRelay} publishes them afterwards.
 *
 * @example
 * await dataSource.transaction(async (manager) => {
 *   await articles.withTransaction(manager).save(article);
 *   await outbox.enqueue(manager, ArticlesIngested, [{ key, value }]);
 * });
 */
@Injectable()
export class OutboxWriter {
  /**
   * Validates the messages against their contract and adds them to the outbox, in order.
   * @param topic overrides the contract's topic (tests use unique topics). @default contract.topic
   */
  async enqueue<K extends object, V extends MessageEnvelope>(
    manager: EntityManager,
    contract: MessageContract<K, V>,
    messages: OutgoingMessage<K, V>[],
    topic: string = contract.topic,
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) throw new OutboxTransactionRequiredError();
    if (messages.length === 0) return;
    const params: unknown[] = [];
    const tuples = messages.map((message, i) => {
      const encoded = encodeMessage(contract, message);
      params.push(message.value.metadata.id, topic, encoded.key, encoded.value, encoded.headers);
      const at = i * 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}::jsonb)`;
    });
    // One INSERT with the rows in the given order, so that their seq follows that order.
    await manager.query(
      `INSERT INTO outbox (id, topic, key, payload, headers) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}
