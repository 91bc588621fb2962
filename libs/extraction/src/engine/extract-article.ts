import { recognizeActors, selectArticleActors } from '../actors/recognize-actors';
import { cleanArticle } from '../cleaning/clean-article';
import { extractClaims } from '../claims/extract-claims';
import { ArticleInput, ExtractionResult } from '../model';
import { splitSentences } from '../text/split-sentences';
import { ENGINE_VERSION } from './engine-version';

/** The whole engine for one article: clean, segment, find actors, find claims. Pure and synchronous. */
export function extractArticle(input: ArticleInput): ExtractionResult {
  const article = cleanArticle(input);
  const sentences = splitSentences(article.text, article.language);
  const mentions = recognizeActors(article, sentences);
  const claims = extractClaims({ article, sentences, mentions });
  return {
    id: input.id,
    language: article.language,
    published_at: article.publishedAt,
    title: article.title,
    author: article.author,
    actors: selectArticleActors(mentions, sentences, article, claims),
    claims,
    text: article.text,
    engine_version: ENGINE_VERSION,
  };
}
