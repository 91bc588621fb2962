import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nothing looks articles up by canonical URL or content hash: deduplication reads `article_dedup`, whose
 * unique indexes serve those lookups. Two indexes with random keys less to maintain on every intake.
 */
export class DropUnusedArticleLookupIndexes1795640400000 implements MigrationInterface {
  name = 'DropUnusedArticleLookupIndexes1795640400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS articles_canonical_url_idx`);
    await queryRunner.query(`DROP INDEX IF EXISTS articles_content_hash_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX articles_content_hash_idx ON articles (content_hash)`);
    await queryRunner.query(`CREATE INDEX articles_canonical_url_idx ON articles (canonical_url)`);
  }
}
