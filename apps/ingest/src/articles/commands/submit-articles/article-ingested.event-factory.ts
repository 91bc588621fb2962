import { ArticlesIngested, encodeMessage, rootMetadata } from '@sitrep/messaging';
import { OutboxInsert } from '@sitrep/persistence';
import { DedupDecision } from './plan-dedup';

/** The outbox row of `articles.ingested` for a stored article, validated against the contract. */
export function articleIngestedOutboxRow(
  decision: DedupDecision,
  correlationId: string,
  receivedAt: Date,
): OutboxInsert {
  const a = decision.article;
  const value: ArticlesIngested.Value = {
    metadata: rootMetadata(correlationId),
    articleId: a.id,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    contentHash: a.contentHash,
    title: a.title,
    language: a.language,
    publishedAt: a.publishedAt,
    source: a.source,
    receivedAt: receivedAt.toISOString(),
    storyId: decision.storyId,
    duplicateOf: decision.duplicateOf,
    dedup: decision.kind === 'near_duplicate' ? 'near_duplicate' : 'original',
    feedId: a.feedId,
  };
  const encoded = encodeMessage(ArticlesIngested, { key: { articleId: a.id }, value });
  return {
    id: value.metadata.id,
    topic: ArticlesIngested.topic,
    key: encoded.key,
    payload: encoded.payload,
    headers: encoded.headers,
  };
}
