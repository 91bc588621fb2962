import { Injectable } from '@nestjs/common';
import { ArticleEntity, ArticleRepositoryPort } from '@sitrep/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ArticleMapper } from './article.mapper';
import { ArticleOrmEntity } from './article.orm-entity';

/** TypeORM adapter of {@link ArticleRepositoryPort}. */
@Injectable()
export class ArticleRepository implements ArticleRepositoryPort {
  constructor(private readonly manager: EntityManager) {}

  /** The same repository inside a transaction, e.g. to save an article and its outbox row together. */
  withTransaction(manager: EntityManager): ArticleRepository {
    return new ArticleRepository(manager);
  }

  async save(article: ArticleEntity): Promise<void> {
    await this.manager.getRepository(ArticleOrmEntity).save(ArticleMapper.toPersistence(article));
  }

  async findById(id: string): Promise<ArticleEntity | null> {
    const row = await this.manager.getRepository(ArticleOrmEntity).findOneBy({ id });
    return row ? ArticleMapper.toDomain(row) : null;
  }

  async findByContentHash(contentHash: string): Promise<ArticleEntity | null> {
    const row = await this.manager.getRepository(ArticleOrmEntity).findOneBy({ contentHash });
    return row ? ArticleMapper.toDomain(row) : null;
  }

  static fromDataSource(dataSource: DataSource): ArticleRepository {
    return new ArticleRepository(dataSource.manager);
  }
}
