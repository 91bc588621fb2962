import { MigrationInterface, QueryRunner } from 'typeorm';

/** The id of the article's `articles.ingested` message, to read its outbox state by primary key. */
export class AddArticleDedupEventId1795640200000 implements MigrationInterface {
  name = 'AddArticleDedupEventId1795640200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_dedup ADD COLUMN event_id uuid`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE article_dedup DROP COLUMN event_id`);
  }
}
