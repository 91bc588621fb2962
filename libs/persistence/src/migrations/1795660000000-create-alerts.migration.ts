import { MigrationInterface, QueryRunner } from 'typeorm';

/** Id of the ready-made rule "any new sanctions-relevant claim" (apps/alerts/README.md). */
export const READY_MADE_ALERT_RULE_ID = '00000000-0000-4000-8000-00000000a1e7';

export class CreateAlerts1795660000000 implements MigrationInterface {
  name = 'CreateAlerts1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE alert_rules (
        id              uuid PRIMARY KEY,
        name            text NOT NULL,
        filter          jsonb NOT NULL,
        triggers        jsonb NOT NULL,
        channel         text NOT NULL CHECK (channel IN ('webhook', 'sse')),
        webhook_url     text,
        webhook_secret  text,
        ready_made      boolean NOT NULL DEFAULT false,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE alerts (
        seq         bigserial PRIMARY KEY,
        id          uuid NOT NULL UNIQUE,
        rule_id     uuid NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
        cluster_id  text NOT NULL,
        trigger     text NOT NULL,
        level       integer NOT NULL DEFAULT 0,
        payload     jsonb NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT alerts_once_per_rule_cluster_trigger UNIQUE (rule_id, cluster_id, trigger, level)
      )`);
    await queryRunner.query(`
      CREATE TABLE alert_deliveries (
        id               bigserial PRIMARY KEY,
        alert_seq        bigint NOT NULL REFERENCES alerts (seq) ON DELETE CASCADE,
        url              text NOT NULL,
        webhook_id       text NOT NULL,
        status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts         integer NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL DEFAULT now(),
        last_error       text,
        delivered_at     timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE alert_delivery_attempts (
        delivery_id  bigint NOT NULL REFERENCES alert_deliveries (id) ON DELETE CASCADE,
        attempt      integer NOT NULL,
        at           timestamptz NOT NULL DEFAULT now(),
        http_status  integer,
        error        text,
        outcome      text NOT NULL,
        PRIMARY KEY (delivery_id, attempt)
      )`);
    await queryRunner.query(
      `INSERT INTO alert_rules (id, name, filter, triggers, channel, ready_made)
       VALUES ($1, 'any new sanctions-relevant claim', '{"sanctions_only": true}', '{}', 'sse', true)
       ON CONFLICT (id) DO NOTHING`,
      [READY_MADE_ALERT_RULE_ID],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE alert_delivery_attempts`);
    await queryRunner.query(`DROP TABLE alert_deliveries`);
    await queryRunner.query(`DROP TABLE alerts`);
    await queryRunner.query(`DROP TABLE alert_rules`);
  }
}
