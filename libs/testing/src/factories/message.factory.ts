import { ArticlesIngested, MessageMetadata, rootMetadata } from '@sitrep/messaging';
import { randomBytes, randomUUID } from 'node:crypto';

/** A valid `articles.ingested` message; override any value field. */
export function anArticlesIngestedMessage(
  overrides: Partial<ArticlesIngested.Value> = {},
  metadata: MessageMetadata = rootMetadata(),
): { key: ArticlesIngested.Key; value: ArticlesIngested.Value } {
  const articleId = overrides.articleId ?? randomUUID();
  return {
    key: { articleId },
    value: {
      metadata,
      articleId,
      url: 'https://news.example.org/world/trade-talks',
      canonicalUrl: 'https://news.example.org/world/trade-talks',
      contentHash: randomBytes(32).toString('hex'),
      title: 'Officials meet for trade talks',
      language: 'en',
      publishedAt: '2024-03-01T08:30:00.000Z',
      source: 'test',
      receivedAt: new Date().toISOString(),
      ...overrides,
    },
  };
}
