import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `article_actors` (migration CreateArticleActors). */
@Entity({ name: 'article_actors' })
export class ArticleActorOrmEntity {
  @PrimaryColumn({ name: 'article_id', type: 'uuid' })
  articleId: string;

  @PrimaryColumn({ name: 'actor_id', type: 'text' })
  actorId: string;

  @Column({ type: 'integer' })
  mentions: number;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  kind: string | null;

  @Column({ type: 'text', nullable: true })
  country: string | null;
}
