import { ArticleInput, CleanedArticle } from '../model';

/**
 * From a raw page (HTML or scraped text) to metadata and a clean body.
 * STUB: replaced by the cleaning module (Readability for HTML, boilerplate rules for scraped text).
 */
export function cleanArticle(input: ArticleInput): CleanedArticle {
  return {
    title: null,
    author: null,
    publishedAt: input.published_at ?? null,
    language: input.language ?? 'und',
    text: input.raw,
  };
}
