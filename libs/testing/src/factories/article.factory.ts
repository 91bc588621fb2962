import { ArticleEntity, ReceiveArticleProps } from '@sitrep/domain';
import { createHash, randomUUID } from 'node:crypto';

/** A received article with made-up content; override any field. */
export function anArticle(overrides: Partial<ReceiveArticleProps> = {}): ArticleEntity {
  const raw =
    overrides.raw ?? `<p>Test article ${randomUUID()}: officials met to discuss a trade agreement.</p>`;
  return ArticleEntity.receive({
    url: 'https://news.example.org/world/trade-talks',
    canonicalUrl: 'https://news.example.org/world/trade-talks',
    contentHash: createHash('sha256').update(raw).digest('hex'),
    title: 'Officials meet for trade talks',
    language: 'en',
    publishedAt: new Date('2024-03-01T08:30:00Z'),
    source: 'test',
    ...overrides,
    raw,
  });
}
