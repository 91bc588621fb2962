import { ArticlesIngested, OutgoingMessage, rootMetadata, traceHeaders } from '@sitrep/messaging';
import { DedupDecision } from './plan-dedup';

/** The `articles.ingested` message of a stored article (originals and near copies). */
export function articleIngestedMessage(
  decision: DedupDecision,
  correlationId: string,
  receivedAt: Date,
): OutgoingMessage<ArticlesIngested.Key, ArticlesIngested.Value> {
  const a = decision.article;
  return {
    key: { articleId: a.id },
    value: {
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
    },
    // The first stage of the latency trace that travels with the flow (libs/messaging stage-trace).
    headers: traceHeaders([['ingested', receivedAt.getTime()]]),
  };
}
