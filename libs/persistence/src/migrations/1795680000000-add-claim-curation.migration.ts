import { MigrationInterface, QueryRunner } from 'typeorm';

/** An analyst's latest verdict on a claim: `wrong` claims leave their cluster, the timeline and alerts. */
export class AddClaimCuration1795680000000 implements MigrationInterface {
  name = 'AddClaimCuration1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE claims ADD COLUMN curation text CONSTRAINT claims_curation_check CHECK (curation IN ('wrong', 'confirmed'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE claims DROP COLUMN curation`);
  }
}
