import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateClaims1795650200000 implements MigrationInterface {
  name = 'CreateClaims1795650200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Article facts (outlet, story, language, dates) are copied onto each claim: clustering reads one table.
    await queryRunner.query(`
      CREATE TABLE claims (
        id              text PRIMARY KEY,
        article_id      uuid NOT NULL,
        engine_version  text NOT NULL,
        ordinal         integer NOT NULL,
        cluster_id      text NOT NULL,
        type            text NOT NULL,
        source          text,
        target          text,
        source_country  text,
        target_country  text,
        status          text NOT NULL,
        modality        text NOT NULL,
        claimant        text,
        reported_by     jsonb NOT NULL DEFAULT '[]'::jsonb,
        items           jsonb NOT NULL DEFAULT '[]'::jsonb,
        quantity        text,
        instrument      text,
        event_date      text,
        evidence_text   text NOT NULL,
        evidence_start  integer NOT NULL,
        evidence_end    integer NOT NULL,
        confidence      real NOT NULL,
        outlet          text,
        language        varchar(16),
        story_id        text,
        url             text,
        title           text,
        seen_at         timestamptz NOT NULL,
        published_at    timestamptz,
        sanctions       jsonb NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        superseded_at   timestamptz,
        version         integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX claims_article_idx ON claims (article_id)`);
    // Recomputing a cluster reads its current members only.
    await queryRunner.query(
      `CREATE INDEX claims_cluster_current_idx ON claims (cluster_id) WHERE superseded_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE claims`);
  }
}
