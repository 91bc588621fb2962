import { randomUUID } from 'node:crypto';
import { ArgumentInvalidError } from '../errors';
import { ArticleState } from './article-state';
import { ArticleStateTransitionError } from './article.errors';

export interface ArticleProps {
  id: string;
  /** The address it was fetched from, or null for pasted text. */
  url: string | null;
  /** `<link rel=canonical>` or the URL after redirects, used to spot the same story twice. */
  canonicalUrl: string | null;
  /** SHA-256 (hex) of the raw content: the identity of the content itself. */
  contentHash: string;
  title: string | null;
  /** ISO 639-1 code once known. */
  language: string | null;
  publishedAt: Date | null;
  /** The content as received: HTML or plain text. */
  raw: string;
  /** Where it came from: a feed id, `scrape`, `paste`... */
  source: string;
  state: ArticleState;
  receivedAt: Date;
}

export type ReceiveArticleProps = Omit<ArticleProps, 'id' | 'state' | 'receivedAt'> &
  Partial<Pick<ArticleProps, 'id' | 'receivedAt'>>;

const SHA256_HEX = /^[0-9a-f]{64}$/;

const ALLOWED_TRANSITIONS: Record<ArticleState, readonly ArticleState[]> = {
  received: ['extracted', 'failed'],
  extracted: ['extracted'],
  failed: ['extracted', 'failed'],
};

/** A news article as Sitrep received it. */
export class ArticleEntity {
  private constructor(private props: ArticleProps) {}

  /** A newly received article, in state `received`. */
  static receive(props: ReceiveArticleProps): ArticleEntity {
    if (!SHA256_HEX.test(props.contentHash)) {
      throw new ArgumentInvalidError('contentHash must be a lower-case SHA-256 hex digest', {
        contentHash: props.contentHash,
      });
    }
    if (props.raw.length === 0) throw new ArgumentInvalidError('An article needs content');
    return new ArticleEntity({
      ...props,
      id: props.id ?? randomUUID(),
      receivedAt: props.receivedAt ?? new Date(),
      state: 'received',
    });
  }

  /** Rebuilds an article from storage; no checks, the data was valid when stored. */
  static restore(props: ArticleProps): ArticleEntity {
    return new ArticleEntity({ ...props });
  }

  get id(): string {
    return this.props.id;
  }

  get state(): ArticleState {
    return this.props.state;
  }

  markExtracted(): void {
    this.transitionTo('extracted');
  }

  markFailed(): void {
    this.transitionTo('failed');
  }

  /** A copy of the state, for mappers and read models. */
  toProps(): Readonly<ArticleProps> {
    return { ...this.props };
  }

  private transitionTo(next: ArticleState): void {
    if (!ALLOWED_TRANSITIONS[this.props.state].includes(next)) {
      throw new ArticleStateTransitionError(this.props.id, this.props.state, next);
    }
    this.props.state = next;
  }
}
