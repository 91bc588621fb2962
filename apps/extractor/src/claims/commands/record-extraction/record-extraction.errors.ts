import { DomainError } from '@sitrep/domain';

/** The message names an article PostgreSQL does not have: retrying will not help. */
export class ArticleNotFoundError extends DomainError {
  readonly code = 'EXTRACTION.ARTICLE_NOT_FOUND';
}
