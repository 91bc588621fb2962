import { Command } from '@nestjs/cqrs';
import type { MessageMetadata, StageTrace } from '@sitrep/messaging';

/** The article an `articles.ingested` message announced, with what the pipeline needs of it. */
export interface IngestedArticle {
  articleId: string;
  url: string | null;
  canonicalUrl: string | null;
  /** Feed id, `scrape`, `paste`... (the outlet when the URL is unknown). */
  source: string;
  receivedAt: string;
  publishedAt: string | null;
  language: string | null;
  storyId: string | null;
}

export type RecordExtractionOutcome =
  | {
      kind: 'recorded' | 'replaced';
      articleId: string;
      engineVersion: string;
      claimCount: number;
      clusterIds: string[];
    }
  | { kind: 'unchanged'; articleId: string; engineVersion: string; storedEngineVersion: string };

/** One article to extract and the message that asked for it. */
export interface ExtractionRequest {
  article: IngestedArticle;
  /** Metadata of the message that asked for it (correlation and causation of the outgoing message). */
  cause: Pick<MessageMetadata, 'id' | 'correlationId'>;
  /** The stages the flow passed so far (carried on, with the extractor's, in the outgoing message). */
  trace?: StageTrace;
}

/**
 * Run the engine on articles and store their actors, claims and clusters with their `claims.extracted`
 * outbox rows, all in one transaction. One outcome per request, in order.
 */
export class RecordExtractionCommand extends Command<RecordExtractionOutcome[]> {
  constructor(readonly requests: readonly ExtractionRequest[]) {
    super();
  }

  static of(article: IngestedArticle, cause: ExtractionRequest['cause']): RecordExtractionCommand {
    return new RecordExtractionCommand([{ article, cause }]);
  }
}
