import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClaimClusters1795650300000 implements MigrationInterface {
  name = 'CreateClaimClusters1795650300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_clusters (
        id          text PRIMARY KEY,
        key         text NOT NULL CONSTRAINT claim_clusters_key_key UNIQUE,
        type        text NOT NULL,
        source      text,
        target      text,
        summary     jsonb NOT NULL,
        facets      jsonb NOT NULL,
        sanctions   jsonb NOT NULL,
        version     bigint NOT NULL,
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX claim_clusters_source_idx ON claim_clusters (source)`);
    await queryRunner.query(`CREATE INDEX claim_clusters_target_idx ON claim_clusters (target)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_clusters`);
  }
}
