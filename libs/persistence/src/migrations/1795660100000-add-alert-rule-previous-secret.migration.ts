import { MigrationInterface, QueryRunner } from 'typeorm';

/** Keeps the secret a rotation replaced, so webhooks are signed with both until it expires. */
export class AddAlertRulePreviousSecret1795660100000 implements MigrationInterface {
  name = 'AddAlertRulePreviousSecret1795660100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE alert_rules ADD COLUMN previous_webhook_secret text, ADD COLUMN previous_secret_expires_at timestamptz`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE alert_rules DROP COLUMN previous_webhook_secret, DROP COLUMN previous_secret_expires_at`,
    );
  }
}
