import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProcessedMessages1795630200000 implements MigrationInterface {
  name = 'CreateProcessedMessages1795630200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE processed_messages (
        consumer_group text NOT NULL,
        message_id     uuid NOT NULL,
        topic          text NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, message_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX processed_messages_processed_at_idx ON processed_messages (processed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE processed_messages`);
  }
}
