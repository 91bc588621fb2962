import { DomainError } from '../errors';
import { ArticleState } from './article-state';

export class ArticleStateTransitionError extends DomainError {
  readonly code = 'ARTICLE.INVALID_STATE_TRANSITION';

  constructor(articleId: string, from: ArticleState, to: ArticleState) {
    super(`Article ${articleId} cannot go from ${from} to ${to}`, { articleId, from, to });
  }
}
