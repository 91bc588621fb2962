import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticleExtractions1795650000000 implements MigrationInterface {
  name = 'CreateArticleExtractions1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Which engine version produced the stored claims of an article: redelivery and re-extraction check it.
    await queryRunner.query(`
      CREATE TABLE article_extractions (
        article_id     uuid PRIMARY KEY,
        engine_version text NOT NULL,
        language       varchar(16),
        title          text,
        published_at   timestamptz,
        outlet         text,
        story_id       text,
        url            text,
        seen_at        timestamptz NOT NULL,
        claim_count    integer NOT NULL,
        revision       integer NOT NULL DEFAULT 1,
        extracted_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_extractions`);
  }
}
