import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay of an app publishes its own topics, oldest first: an ordered scan of (topic, seq) over the
 * unsent rows stops after one round's rows however many wait (e.g. after a Kafka outage), and one range
 * scan of it finds the earlier rows another relay holds. That check no longer looks rows up by key, so
 * the (topic, key, seq) index goes: one index less on every outbox insert.
 */
export class AddOutboxUnsentTopicSeqIndex1795640500000 implements MigrationInterface {
  name = 'AddOutboxUnsentTopicSeqIndex1795640500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS outbox_unsent_topic_seq_idx ON outbox (topic, seq) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS outbox_unsent_key_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS outbox_unsent_key_idx ON outbox (topic, key, seq) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX IF EXISTS outbox_unsent_topic_seq_idx`);
  }
}
