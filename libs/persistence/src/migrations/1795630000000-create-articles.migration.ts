import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticles1795630000000 implements MigrationInterface {
  name = 'CreateArticles1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE articles (
        id            uuid PRIMARY KEY,
        url           text,
        canonical_url text,
        content_hash  char(64) NOT NULL,
        title         text,
        language      varchar(16),
        published_at  timestamptz,
        raw           text NOT NULL,
        source        text NOT NULL,
        state         text NOT NULL DEFAULT 'received'
                      CONSTRAINT articles_state_check CHECK (state IN ('received', 'extracted', 'failed')),
        received_at   timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // Not unique: wire copies of one text from several outlets are distinct articles.
    await queryRunner.query(`CREATE INDEX articles_content_hash_idx ON articles (content_hash)`);
    await queryRunner.query(`CREATE INDEX articles_canonical_url_idx ON articles (canonical_url)`);
    await queryRunner.query(`CREATE INDEX articles_state_received_at_idx ON articles (state, received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE articles`);
  }
}
