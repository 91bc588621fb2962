import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops `claim_ids` from the clusters' stored summaries. Nothing read it (members are found through
 * `claims (cluster_id)`, and the search documents left it out), but every change of a cluster rewrote
 * it: a cluster of N claims carried N ids that the extractor parsed, sorted and serialised again and
 * PostgreSQL stored again (TOASTed past 2 KB) for every article that joined it, and the indexer read
 * them back. The version is not bumped: the search documents never held the ids.
 */
export class DropClusterClaimIds1795700100000 implements MigrationInterface {
  name = 'DropClusterClaimIds1795700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE claim_clusters SET summary = summary - 'claim_ids' WHERE summary ? 'claim_ids'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE claim_clusters k
          SET summary = k.summary || jsonb_build_object('claim_ids', COALESCE(m.ids, '[]'::jsonb))
         FROM (SELECT k2.id, (SELECT jsonb_agg(c.id ORDER BY c.id) FROM claims c
                               WHERE c.cluster_id = k2.id AND c.superseded_at IS NULL
                                 AND c.curation IS DISTINCT FROM 'wrong') AS ids
                 FROM claim_clusters k2) m
        WHERE m.id = k.id`,
    );
  }
}
