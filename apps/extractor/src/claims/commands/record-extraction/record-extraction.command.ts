import { Command } from '@nestjs/cqrs';
import type { MessageMetadata } from '@sitrep/messaging';

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

/** Run the engine on an article and store its actors, claims and clusters with a `claims.extracted` outbox row. */
export class RecordExtractionCommand extends Command<RecordExtractionOutcome> {
  constructor(
    readonly article: IngestedArticle,
    /** Metadata of the message that asked for it (correlation and causation of the outgoing message). */
    readonly cause: Pick<MessageMetadata, 'id' | 'correlationId'>,
  ) {
    super();
  }
}
