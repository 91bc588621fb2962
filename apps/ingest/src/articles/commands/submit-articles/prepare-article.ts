import { randomUUID } from 'node:crypto';
import { isPublicationTimestamp } from '@sitrep/domain';
import { cleanArticle } from '@sitrep/extraction/cleaning/clean-article';
import { canonicalUrl } from '../../../dedup/canonical-url';
import { contentHashOfNormalized, normalizeForHash } from '../../../dedup/content-hash';
import { simHashOfNormalized } from '../../../dedup/simhash';

/** One article as a caller (HTTP or a feed) hands it to intake. */
export interface ArticleSubmission {
  url: string;
  raw: string;
  title?: string | null;
  published_at?: string | null;
  language?: string | null;
  /** Outlet name; defaults to the URL's host. */
  source?: string | null;
  /** The feed it came from, if any. */
  feedId?: string | null;
}

/** A submission with everything deduplication needs, computed before any database access. */
export interface PreparedArticle {
  id: string;
  url: string;
  canonicalUrl: string;
  source: string;
  title: string | null;
  publishedAt: string | null;
  language: string | null;
  raw: string;
  cleanText: string;
  contentHash: string;
  simhash: bigint | null;
  bands: [number, number, number, number] | null;
  feedId: string | null;
}

// Full dates only in the timestamptz column (shared with the extractor, which stores the engine's date).
export { FULL_ISO_DATE, isPublicationTimestamp } from '@sitrep/domain';

export function prepareArticle(submission: ArticleSubmission, id: string = randomUUID()): PreparedArticle {
  const canonical = canonicalUrl(submission.url);
  if (!canonical) throw new Error(`not an http(s) URL: ${submission.url}`);
  const cleaned = cleanArticle({
    id,
    raw: submission.raw,
    url: submission.url,
    published_at: submission.published_at ?? null,
    language: submission.language ?? null,
  });
  // Hash the cleaned body so that the same story with other menus and ads is still one text.
  const text = cleaned.text.trim() !== '' ? cleaned.text : submission.raw;
  const normalized = normalizeForHash(text);
  const fingerprint = simHashOfNormalized(normalized);
  return {
    id,
    url: submission.url,
    canonicalUrl: canonical,
    source: submission.source?.trim() || new URL(canonical).hostname.replace(/^www\./, ''),
    title: submission.title?.trim() || cleaned.title,
    publishedAt: [submission.published_at, cleaned.publishedAt].find(isPublicationTimestamp) ?? null,
    language: submission.language ?? (/^[a-z]{2}$/.test(cleaned.language) ? cleaned.language : null),
    raw: submission.raw,
    cleanText: text,
    contentHash: contentHashOfNormalized(normalized),
    simhash: fingerprint?.value ?? null,
    bands: fingerprint?.bands ?? null,
    feedId: submission.feedId ?? null,
  };
}
