import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddClaimClusterMergeState1795670000000 implements MigrationInterface {
  name = 'AddClaimClusterMergeState1795670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // What the extractor needs to fold new members into a cluster without reading the old ones
    // (ClusterMergeState). Null on rows written before: those are rebuilt from their members once.
    await queryRunner.query(`ALTER TABLE claim_clusters ADD COLUMN merge_state jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claim_clusters DROP COLUMN merge_state`);
  }
}
