import { MigrationInterface, QueryRunner } from 'typeorm';

/** Registered feeds, their polling state, and the items already taken from each. */
export class CreateFeeds1795640100000 implements MigrationInterface {
  name = 'CreateFeeds1795640100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE feeds (
        id                   uuid PRIMARY KEY,
        url                  text NOT NULL CONSTRAINT feeds_url_key UNIQUE,
        title                text,
        format               text,
        status               text NOT NULL DEFAULT 'active' CONSTRAINT feeds_status_check CHECK (status IN ('active', 'paused')),
        interval_seconds     integer NOT NULL CONSTRAINT feeds_interval_check CHECK (interval_seconds >= 1),
        next_poll_at         timestamptz NOT NULL DEFAULT now(),
        etag                 text,
        last_modified        text,
        last_polled_at       timestamptz,
        last_success_at      timestamptz,
        last_error_at        timestamptz,
        last_error_code      text,
        last_error           text,
        consecutive_failures integer NOT NULL DEFAULT 0,
        items_seen           integer NOT NULL DEFAULT 0,
        articles_new         integer NOT NULL DEFAULT 0,
        articles_duplicate   integer NOT NULL DEFAULT 0,
        items_failed         integer NOT NULL DEFAULT 0,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    // The pollers' claim: due active feeds, oldest first.
    await queryRunner.query(`CREATE INDEX feeds_due_idx ON feeds (next_poll_at) WHERE status = 'active'`);
    await queryRunner.query(`
      CREATE TABLE feed_items (
        feed_id    uuid NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        item_key   text NOT NULL,
        url        text,
        article_id uuid,
        outcome    text NOT NULL,
        error      text,
        seen_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (feed_id, item_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE feed_items`);
    await queryRunner.query(`DROP TABLE feeds`);
  }
}
