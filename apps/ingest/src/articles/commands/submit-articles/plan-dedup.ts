import { hammingDistance } from '../../../dedup/simhash';
import { PreparedArticle } from './prepare-article';

/** How an accepted article relates to what is already stored. */
export type DedupKind =
  /** First copy of a story: stored and published. */
  | 'original'
  /** Same canonical URL as a stored article: nothing new is stored, the stored id is answered. */
  | 'same_url'
  /** Same cleaned body under another URL: stored as a copy, not published. */
  | 'exact_duplicate'
  /** SimHash within the threshold of a stored article: stored as a copy of its story and published. */
  | 'near_duplicate';

/** What deduplication needs to know about a stored (or earlier in the batch) article. */
export interface KnownArticle {
  id: string;
  canonicalUrl: string;
  contentHash: string;
  storyId: string;
  simhash: bigint | null;
  dedupKind: DedupKind;
}

export interface DedupDecision {
  article: PreparedArticle;
  kind: DedupKind;
  /** The id answered to the caller: the stored article's for same_url, the new one otherwise. */
  id: string;
  storyId: string;
  duplicateOf: string | null;
  distance: number | null;
  store: boolean;
  publish: boolean;
}

export interface KnownArticles {
  byUrl: Map<string, KnownArticle>;
  byHash: Map<string, KnownArticle>;
  /**
   * Per article of the batch (by id), the nearest stored near copy its SimHash probes found (within the
   * threshold), if any.
   */
  nearestStored: Map<string, KnownArticle>;
}

/**
 * Decides, in submission order, what each article of a batch is; earlier articles of the batch count
 * as known for later ones, so a batch holding two copies of one story stores one original.
 */
export function planDedup(
  batch: PreparedArticle[],
  known: KnownArticles,
  maxDistance: number,
): DedupDecision[] {
  const byUrl = new Map(known.byUrl);
  const byHash = new Map(known.byHash);
  // Earlier articles of the batch that later ones may be near copies of.
  const near: KnownArticle[] = [];
  return batch.map((article) => {
    const decision = decide(article, byUrl, byHash, known.nearestStored.get(article.id), near, maxDistance);
    if (decision.store) {
      const entry: KnownArticle = {
        id: article.id,
        canonicalUrl: article.canonicalUrl,
        contentHash: article.contentHash,
        storyId: decision.storyId,
        simhash: article.simhash,
        dedupKind: decision.kind,
      };
      byUrl.set(article.canonicalUrl, entry);
      if (!byHash.has(article.contentHash)) byHash.set(article.contentHash, entry);
      if (article.simhash !== null && decision.kind !== 'exact_duplicate') near.push(entry);
    }
    return decision;
  });
}

function decide(
  article: PreparedArticle,
  byUrl: Map<string, KnownArticle>,
  byHash: Map<string, KnownArticle>,
  nearestStored: KnownArticle | undefined,
  near: KnownArticle[],
  maxDistance: number,
): DedupDecision {
  const base = { article, distance: null };
  const sameUrl = byUrl.get(article.canonicalUrl);
  if (sameUrl) {
    return {
      ...base,
      kind: 'same_url',
      id: sameUrl.id,
      storyId: sameUrl.storyId,
      duplicateOf: sameUrl.id,
      store: false,
      publish: false,
    };
  }
  const sameText = byHash.get(article.contentHash);
  if (sameText) {
    return {
      ...base,
      kind: 'exact_duplicate',
      id: article.id,
      storyId: sameText.storyId,
      duplicateOf: sameText.id,
      store: true,
      publish: false,
    };
  }
  if (article.simhash !== null) {
    let best: KnownArticle | null = null;
    let bestDistance = maxDistance + 1;
    // The stored one first: an earlier article of the batch replaces it only when strictly nearer.
    for (const candidate of nearestStored ? [nearestStored, ...near] : near) {
      if (candidate.simhash === null) continue;
      const distance = hammingDistance(article.simhash, candidate.simhash);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best) {
      return {
        article,
        kind: 'near_duplicate',
        id: article.id,
        storyId: best.storyId,
        duplicateOf: best.id,
        distance: bestDistance,
        store: true,
        publish: true,
      };
    }
  }
  return {
    ...base,
    kind: 'original',
    id: article.id,
    storyId: article.id,
    duplicateOf: null,
    store: true,
    publish: true,
  };
}
