import { ArticleEntity } from '@sitrep/domain';
import { anArticle, createTestDataSource } from '@sitrep/testing';
import { DataSource } from 'typeorm';
import { ArticleOrmEntity } from './article.orm-entity';
import { ArticleRepository } from './article.repository';

describe(ArticleRepository.name, () => {
  let dataSource: DataSource;
  let sut: ArticleRepository;
  const saved: string[] = [];

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    sut = ArticleRepository.fromDataSource(dataSource);
  });

  afterAll(async () => {
    await dataSource.getRepository(ArticleOrmEntity).delete(saved);
    await dataSource.destroy();
  });

  const remember = (article: ArticleEntity): ArticleEntity => {
    saved.push(article.id);
    return article;
  };

  describe('save', () => {
    it('should write an article through the migrated schema and read it back the same', async () => {
      const article = remember(
        anArticle({ title: 'Ministers sign a cooperation memorandum', language: 'id' }),
      );

      await sut.save(article);

      const found = await sut.findById(article.id);
      expect(found?.toProps()).toEqual(article.toProps());
    });

    it('should update the state of a stored article', async () => {
      const article = remember(anArticle());
      await sut.save(article);

      article.markExtracted();
      await sut.save(article);

      await expect(sut.findById(article.id).then((a) => a?.state)).resolves.toBe('extracted');
    });

    it('should refuse a state the schema does not know', async () => {
      const article = remember(anArticle());
      await sut.save(article);

      await expect(
        dataSource.query(`UPDATE articles SET state = 'archived' WHERE id = $1`, [article.id]),
      ).rejects.toThrow(/articles_state_check/);
    });

    it('should roll the article back with the transaction it was saved in', async () => {
      const article = remember(anArticle());

      await expect(
        dataSource.transaction(async (manager) => {
          await sut.withTransaction(manager).save(article);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');

      await expect(sut.findById(article.id)).resolves.toBeNull();
    });
  });

  describe('findByContentHash', () => {
    it('should find an article by the hash of its content', async () => {
      const article = remember(anArticle());
      await sut.save(article);

      const found = await sut.findByContentHash(article.toProps().contentHash);

      expect(found?.id).toBe(article.id);
    });
  });
});
