import { MigrationInterface, QueryRunner } from 'typeorm';

/** Lookups by body only ever target published copies, which the partial unique index serves; one index less per insert. */
export class DropArticleDedupContentHashIndex1795640300000 implements MigrationInterface {
  name = 'DropArticleDedupContentHashIndex1795640300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS article_dedup_content_hash_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX article_dedup_content_hash_idx ON article_dedup (content_hash)`);
  }
}
