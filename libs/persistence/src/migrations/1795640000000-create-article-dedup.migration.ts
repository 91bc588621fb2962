import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ingest's deduplication record of each article it stored (canonical URL, body hash, SimHash, story). */
export class CreateArticleDedup1795640000000 implements MigrationInterface {
  name = 'CreateArticleDedup1795640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_dedup (
        article_id    uuid PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        canonical_url text NOT NULL,
        content_hash  char(64) NOT NULL,
        kind          text NOT NULL
                      CONSTRAINT article_dedup_kind_check CHECK (kind IN ('original', 'exact_duplicate', 'near_duplicate')),
        story_id      uuid NOT NULL,
        duplicate_of  uuid REFERENCES article_dedup (article_id) ON DELETE SET NULL,
        distance      smallint,
        simhash       bigint,
        simhash_b0    integer,
        simhash_b1    integer,
        simhash_b2    integer,
        simhash_b3    integer,
        source        text NOT NULL,
        feed_id       uuid,
        published     boolean NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      )`);
    // One article per canonical URL: a second intake of the same URL answers the stored id.
    await queryRunner.query(
      `CREATE UNIQUE INDEX article_dedup_canonical_url_key ON article_dedup (canonical_url)`,
    );
    // One published article per cleaned body; exact copies under other URLs are kept but not published.
    await queryRunner.query(
      `CREATE UNIQUE INDEX article_dedup_published_hash_key ON article_dedup (content_hash) WHERE kind <> 'exact_duplicate'`,
    );
    await queryRunner.query(`CREATE INDEX article_dedup_content_hash_idx ON article_dedup (content_hash)`);
    await queryRunner.query(`CREATE INDEX article_dedup_story_id_idx ON article_dedup (story_id)`);
    // Near-duplicate candidates: within 3 bits two fingerprints share a 16-bit band; within 7 bits one band differs by at most 1 bit.
    for (const band of [0, 1, 2, 3]) {
      await queryRunner.query(
        `CREATE INDEX article_dedup_simhash_b${band}_idx ON article_dedup (simhash_b${band}) WHERE simhash IS NOT NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_dedup`);
  }
}
