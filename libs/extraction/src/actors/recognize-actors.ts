import { ActorMention, ArticleActor, CleanedArticle, Sentence } from '../model';

/** STUB: finds every actor mention in the cleaned text; replaced by the actors module. */
export function recognizeActors(_article: CleanedArticle, _sentences: Sentence[]): ActorMention[] {
  return [];
}

/** STUB: the actors of the article (those that act or are acted on), with mention counts. */
export function selectArticleActors(mentions: ActorMention[]): ArticleActor[] {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.actorId, (counts.get(m.actorId) ?? 0) + 1);
  return [...counts].map(([id, n]) => ({ id, mentions: n }));
}
