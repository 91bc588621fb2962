import { ArticleEntity } from './article.entity';

/** Storage of articles; the TypeORM adapter lives in libs/persistence. */
export interface ArticleRepositoryPort {
  /** Inserts or updates the article. */
  save(article: ArticleEntity): Promise<void>;
  findById(id: string): Promise<ArticleEntity | null>;
  findByContentHash(contentHash: string): Promise<ArticleEntity | null>;
}
