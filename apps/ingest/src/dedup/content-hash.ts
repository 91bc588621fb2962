import { createHash } from 'node:crypto';

// A run of white space other than one plain space: what `\s+` -> ' ' changes, without rewriting every
// single space between words (most of the cost of normalising a body).
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** Text reduced to what identical copies share: NFKC, lower case, single spaces. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SPACE_RUNS, ' ').trim();
}

/** Hex SHA-256 of the normalised cleaned body: equal for byte-different copies of one text. */
export function contentHash(cleanText: string): string {
  return contentHashOfNormalized(normalizeForHash(cleanText));
}

/** {@link contentHash} of a text already through `normalizeForHash` (intake normalises once for both hashes). */
export function contentHashOfNormalized(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex');
}
