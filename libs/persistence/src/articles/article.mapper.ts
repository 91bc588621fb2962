import { ArticleEntity } from '@sitrep/domain';
import { ArticleOrmEntity } from './article.orm-entity';

/** Converts between the domain article and its row. */
export class ArticleMapper {
  static toPersistence(article: ArticleEntity, now: Date = new Date()): ArticleOrmEntity {
    const props = article.toProps();
    const row = new ArticleOrmEntity();
    row.id = props.id;
    row.url = props.url;
    row.canonicalUrl = props.canonicalUrl;
    row.contentHash = props.contentHash;
    row.title = props.title;
    row.language = props.language;
    row.publishedAt = props.publishedAt;
    row.raw = props.raw;
    row.source = props.source;
    row.state = props.state;
    row.receivedAt = props.receivedAt;
    row.updatedAt = now;
    return row;
  }

  static toDomain(row: ArticleOrmEntity): ArticleEntity {
    return ArticleEntity.restore({
      id: row.id,
      url: row.url,
      canonicalUrl: row.canonicalUrl,
      contentHash: row.contentHash,
      title: row.title,
      language: row.language,
      publishedAt: row.publishedAt,
      raw: row.raw,
      source: row.source,
      state: row.state,
      receivedAt: row.receivedAt,
    });
  }
}
