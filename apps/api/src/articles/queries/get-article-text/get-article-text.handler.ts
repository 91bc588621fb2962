import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ClaimRecord } from '@sitrep/domain/clusters';
import { recognizeActors } from '@sitrep/extraction/actors/recognize-actors';
import { cleanArticle } from '@sitrep/extraction/cleaning/clean-article';
import { splitSentences } from '@sitrep/extraction/text/split-sentences';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import type { ArticleTextDto, TextClaimDto } from '../../dto/article-text.response.dto';
import { GetArticleTextQuery } from './get-article-text.query';

/** Longest text the view returns (characters); longer cleaned bodies are cut, and their spans with them. */
export const ARTICLE_TEXT_LIMIT = 200_000;

/**
 * Evidence offsets as stored point into the cleaned text of the engine that extracted them; when this
 * build's cleaner gives a different text, the sentence is looked up instead (null when it is gone).
 */
export function locate(
  text: string,
  evidence: ClaimRecord['evidence'],
): { start: number; end: number } | null {
  if (text.slice(evidence.start, evidence.end) === evidence.text)
    return { start: evidence.start, end: evidence.end };
  const at = text.indexOf(evidence.text);
  return at < 0 ? null : { start: at, end: at + evidence.text.length };
}

/**
 * Runs the engine's cleaner, sentence splitter and actor recognizer (pure, a few ms) on the stored raw
 * article, so the text is exactly what the evidence offsets refer to; claims come from PostgreSQL
 * (current ones, not those an analyst marked wrong).
 */
@QueryHandler(GetArticleTextQuery)
export class GetArticleTextHandler implements IQueryHandler<GetArticleTextQuery> {
  constructor(private readonly claims: ClaimsRepository) {}

  async execute({ articleId }: GetArticleTextQuery): Promise<ArticleTextDto | null> {
    const source = (await this.claims.loadArticles([articleId])).get(articleId);
    if (!source) return null;
    const extraction = (await this.claims.findExtractions([articleId])).get(articleId);
    const cleaned = cleanArticle({
      id: source.id,
      raw: source.raw,
      url: source.url,
      published_at: source.published_at,
      language: source.language,
    });
    const text = cleaned.text.slice(0, ARTICLE_TEXT_LIMIT);
    const sentences = splitSentences(cleaned.text, cleaned.language);
    const actors = recognizeActors(cleaned, sentences)
      .filter((m) => (m.role ?? 'actor') === 'actor' && m.end <= text.length)
      .map((m) => ({ actor_id: m.actorId, start: m.start, end: m.end, surface: m.surface }));
    const claims = (await this.claims.claimsOfArticle(articleId))
      .filter((claim) => claim.superseded_at === null && claim.curation !== 'wrong')
      .map((claim): TextClaimDto => {
        const at = locate(text, claim.evidence);
        return {
          id: claim.claim_id,
          cluster_id: claim.cluster_id,
          type: claim.type,
          source: claim.source,
          target: claim.target,
          status: claim.status,
          modality: claim.modality,
          claimant: claim.claimant,
          evidence: { text: claim.evidence.text, start: at?.start ?? -1, end: at?.end ?? -1 },
        };
      });
    return {
      id: source.id,
      url: extraction?.url ?? source.url,
      title: extraction?.title ?? cleaned.title,
      outlet: extraction?.outlet ?? null,
      language: extraction?.language ?? cleaned.language,
      published_at: extraction?.published_at ?? source.published_at,
      text,
      truncated: cleaned.text.length > text.length,
      actors,
      claims,
    };
  }
}
