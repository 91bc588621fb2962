import { randomUUID } from 'node:crypto';
import { isISO8601 } from 'class-validator';
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

/** A full ISO 8601 date or date-time ("2024-04" or "2024" alone name no instant: not storable as one). */
export const FULL_ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/**
 * What `articles.published_at` (timestamptz) can hold: a full ISO 8601 date or date-time. The engine's
 * metadata may give a month ("2024-04") when a page only says "April 2024": that stays in the engine's
 * output, not in the column.
 */
export function isPublicationTimestamp(value: string | null | undefined): value is string {
  return typeof value === 'string' && FULL_ISO_DATE.test(value) && isISO8601(value, { strict: true });
}

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
