import { createHash } from 'node:crypto';
import {
  ArticleActorRecord,
  ArticleExtractionRecord,
  ClaimRecord,
  ClusterKeyFactory,
  FoldActor,
} from '@sitrep/domain/clusters';
import { isPublicationTimestamp } from '@sitrep/domain/articles';
import { SanctionsEvaluator } from '@sitrep/domain/sanctions';
import { ExtractionResult } from '@sitrep/extraction';

/** What the pipeline knows about an article besides its text. */
export interface ArticleFacts {
  id: string;
  url: string | null;
  /** The outlet (host of the URL, or the feed/source name). */
  outlet: string | null;
  story_id: string | null;
  /** When ingest accepted it (ISO). */
  seen_at: string;
  published_at: string | null;
}

export interface ExtractionRecords {
  extraction: ArticleExtractionRecord;
  actors: ArticleActorRecord[];
  claims: ClaimRecord[];
}

/**
 * Stable claim id in UUID form (name-based, version nibble 5): the same article, engine version and
 * position give the same id on every replay.
 */
export function claimIdOf(articleId: string, engineVersion: string, ordinal: number): string {
  const hex = createHash('sha256').update(`${articleId}|${engineVersion}|${ordinal}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Folds agencies, people and armed groups to their state; separatist entities and bodies stay themselves. */
export function foldFromActors(result: Pick<ExtractionResult, 'actors'>): FoldActor {
  const folded = new Map<string, string>();
  for (const actor of result.actors) {
    const keepsItself = actor.kind === 'entity' || actor.kind === 'state' || actor.kind === 'body';
    folded.set(actor.id, keepsItself || !actor.country ? actor.id : actor.country);
  }
  return (id) => folded.get(id) ?? id;
}

/** Turns the engine's result for one article into the rows PostgreSQL stores. Pure. */
export class ExtractionRecordFactory {
  build(article: ArticleFacts, result: ExtractionResult, revision: number, now: Date): ExtractionRecords {
    const fold = foldFromActors(result);
    const keys = new ClusterKeyFactory(fold);
    const evaluator = new SanctionsEvaluator(fold);
    // The engine may date a page by month only ("2024-04"): the timestamptz columns take full dates only.
    const published_at = [result.published_at, article.published_at].find(isPublicationTimestamp) ?? null;
    const recorded_at = now.toISOString();
    const language = result.language && result.language !== 'und' ? result.language : null;

    const claims = result.claims.map((claim, ordinal): ClaimRecord => {
      const base = {
        ...claim,
        claim_id: claimIdOf(article.id, result.engine_version, ordinal),
        article_id: article.id,
        outlet: article.outlet,
        language,
        story_id: article.story_id,
        seen_at: article.seen_at,
        published_at,
      };
      const key = keys.keyOf(base);
      const sanctions = evaluator.evaluate({ ...claim, reported_at: published_at ?? article.seen_at });
      return {
        ...base,
        engine_version: result.engine_version,
        ordinal,
        cluster_id: key.id,
        source_country: claim.source ? fold(claim.source) : null,
        target_country: claim.target ? fold(claim.target) : null,
        url: article.url,
        title: result.title,
        sanctions: {
          relevant: sanctions.relevant,
          instruments: sanctions.instruments,
          flags: sanctions.flags,
        },
        recorded_at,
        superseded_at: null,
        version: 1,
      };
    });

    return {
      extraction: {
        article_id: article.id,
        engine_version: result.engine_version,
        language,
        title: result.title,
        published_at,
        outlet: article.outlet,
        story_id: article.story_id,
        url: article.url,
        seen_at: article.seen_at,
        claim_count: claims.length,
        revision,
      },
      actors: result.actors.map((actor) => ({
        article_id: article.id,
        actor_id: actor.id,
        mentions: actor.mentions,
        name: actor.name ?? null,
        kind: actor.kind ?? null,
        country: actor.country ?? null,
      })),
      claims,
    };
  }
}
