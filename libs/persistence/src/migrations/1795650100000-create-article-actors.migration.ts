import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateArticleActors1795650100000 implements MigrationInterface {
  name = 'CreateArticleActors1795650100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE article_actors (
        article_id uuid NOT NULL,
        actor_id   text NOT NULL,
        mentions   integer NOT NULL,
        name       text,
        kind       text,
        country    text,
        PRIMARY KEY (article_id, actor_id)
      )`);
    await queryRunner.query(`CREATE INDEX article_actors_actor_idx ON article_actors (actor_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE article_actors`);
  }
}
