import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1795630100000 implements MigrationInterface {
  name = 'CreateOutbox1795630100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox (
        id          uuid PRIMARY KEY,
        seq         bigserial NOT NULL CONSTRAINT outbox_seq_key UNIQUE,
        topic       text NOT NULL,
        key         text NOT NULL,
        payload     jsonb NOT NULL,
        headers     jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz,
        attempts    integer NOT NULL DEFAULT 0,
        last_error  text
      )`);
    // The relay's scan: unsent rows in insertion order; stays small because sent rows leave it.
    await queryRunner.query(`CREATE INDEX outbox_unsent_idx ON outbox (seq) WHERE sent_at IS NULL`);
    // The relay's per-key ordering check: is there an earlier unsent row for the same topic and key?
    await queryRunner.query(
      `CREATE INDEX outbox_unsent_key_idx ON outbox (topic, key, seq) WHERE sent_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX outbox_sent_at_idx ON outbox (sent_at) WHERE sent_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE outbox`);
  }
}
