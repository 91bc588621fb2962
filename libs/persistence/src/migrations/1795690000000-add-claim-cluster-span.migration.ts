import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a cluster's first claim was recorded and when its membership last changed (a claim recorded or
 * replaced), over every claim it ever had: an `as_of` read takes a cluster unchanged since that moment
 * as stored and regroups only the others. Both are kept by the statements that write clusters, from an
 * index on all claims by cluster (it replaces the one on current claims only).
 */
export class AddClaimClusterSpan1795690000000 implements MigrationInterface {
  name = 'AddClaimClusterSpan1795690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX claims_cluster_idx ON claims (cluster_id)`);
    await queryRunner.query(`DROP INDEX claims_cluster_current_idx`);
    await queryRunner.query(
      `ALTER TABLE claim_clusters ADD COLUMN recorded_from timestamptz, ADD COLUMN changed_at timestamptz`,
    );
    await queryRunner.query(
      `UPDATE claim_clusters k
          SET recorded_from = s.recorded_from, changed_at = s.changed_at
         FROM (SELECT cluster_id, min(recorded_at) AS recorded_from,
                      max(GREATEST(recorded_at, superseded_at)) AS changed_at
                 FROM claims GROUP BY cluster_id) s
        WHERE s.cluster_id = k.id`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claim_clusters DROP COLUMN recorded_from, DROP COLUMN changed_at`);
    await queryRunner.query(
      `CREATE INDEX claims_cluster_current_idx ON claims (cluster_id) WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(`DROP INDEX claims_cluster_idx`);
  }
}
