import { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys: only the SHA-256 of each key is stored, with a short prefix to recognise it by. */
export class CreateApiKeys1795670100000 implements MigrationInterface {
  name = 'CreateApiKeys1795670100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id                     uuid PRIMARY KEY,
        name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        key_prefix             text NOT NULL,
        key_hash               text NOT NULL UNIQUE,
        scopes                 text[] NOT NULL
          CHECK (cardinality(scopes) > 0 AND scopes <@ ARRAY['read', 'ingest', 'alerts', 'admin']),
        rate_limit_per_minute  integer CHECK (rate_limit_per_minute > 0),
        created_at             timestamptz NOT NULL DEFAULT now(),
        revoked_at             timestamptz,
        last_used_at           timestamptz
      )`);
    // Listing pages through keys newest first; the bootstrap looks for an active admin key.
    await queryRunner.query(`CREATE INDEX api_keys_created_at_id ON api_keys (created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE api_keys`);
  }
}
