import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Compresses the values PostgreSQL compresses on the extractor's hot path with lz4 instead of pglz:
 * the clusters' JSON columns (summary, facets, sanctions, merge state: a cluster row is ~2.5 KB, past
 * the 2 KB at which PostgreSQL compresses a row's largest values, and every article that joins a
 * cluster rewrites it) and the outbox payloads (a `claims.extracted` value is ~3 KB: compressed on
 * insert, decompressed by the relay). pglz spent about a third of the clusters' upsert; lz4 compresses
 * a few times faster. Only new values use it (no rewrite). A PostgreSQL built without lz4 keeps pglz.
 */
export class Lz4ForRewrittenJson1795700200000 implements MigrationInterface {
  name = 'Lz4ForRewrittenJson1795700200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(this.setCompression('lz4'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(this.setCompression('default'));
  }

  private setCompression(method: 'lz4' | 'default'): string {
    return `DO $$
      BEGIN
        ALTER TABLE claim_clusters
          ALTER COLUMN summary SET COMPRESSION ${method},
          ALTER COLUMN facets SET COMPRESSION ${method},
          ALTER COLUMN sanctions SET COMPRESSION ${method},
          ALTER COLUMN merge_state SET COMPRESSION ${method};
        ALTER TABLE outbox ALTER COLUMN payload SET COMPRESSION ${method};
      EXCEPTION WHEN feature_not_supported THEN
        RAISE NOTICE 'lz4 is not available in this PostgreSQL: values stay compressed with pglz';
      END $$`;
  }
}
