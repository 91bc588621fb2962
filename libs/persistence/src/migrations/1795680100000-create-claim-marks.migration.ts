import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every mark analysts make on claims, never updated or deleted: the audit list and the labelled data.
 * No foreign key to claims, so that a claim's marks outlive test truncations and re-extractions.
 */
export class CreateClaimMarks1795680100000 implements MigrationInterface {
  name = 'CreateClaimMarks1795680100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE claim_marks (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        claim_id text NOT NULL,
        verdict text NOT NULL CHECK (verdict IN ('wrong', 'confirmed')),
        reason text CHECK (char_length(reason) <= 500),
        marked_by text,
        marked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT claim_marks_wrong_needs_reason CHECK (verdict <> 'wrong' OR reason IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX claim_marks_claim_idx ON claim_marks (claim_id, seq DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claim_marks`);
  }
}
