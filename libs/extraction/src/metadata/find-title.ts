import { lineKey } from '../cleaning/normalize-text';

/** What the cleaner knows about a line of a scraped page when it looks for the headline. */
export interface HeadLine {
  text: string;
  /** Headline-shaped: a few words, not a sentence ending in a full stop, not boilerplate. */
  candidate: boolean;
  /** A byline or a date line (the headline usually sits just above them). */
  anchor: boolean;
  /** Running text: the head of the page ends at the first such line. */
  body: boolean;
  words: number;
}

/**
 * The headline of a scraped page: among headline-shaped lines before the body (or in its first
 * lines), the best by length, repetition (pages repeat the headline), closeness to the byline/date
 * and standing above it (a dek often stands below).
 */
export function findTitleLine(lines: HeadLine[]): string | null {
  const seen = new Map<string, number>();
  for (const l of lines) if (l.candidate) seen.set(lineKey(l.text), (seen.get(lineKey(l.text)) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = 0;
  let bodySeen = 0;
  const firstAnchor = lines.findIndex((l) => l.anchor);
  for (let i = 0; i < lines.length && i < 60; i++) {
    const l = lines[i];
    if (l.body) bodySeen++;
    // The headline sits before the body; allow one body line first (a dek or a dateline).
    if (bodySeen > 1) break;
    if (!l.candidate) continue;
    const repeated = (seen.get(lineKey(l.text)) ?? 0) > 1;
    let nearAnchor = false;
    for (let j = Math.max(0, i - 3); j <= i + 3 && j < lines.length; j++)
      if (lines[j].anchor) nearAnchor = true;
    if (l.words < 4 && !repeated && !nearAnchor) continue;
    // After the first body line only a headline that repeats or heads a byline/date is believable.
    if (bodySeen > 0 && !repeated && !nearAnchor) continue;
    // A headline-length line above the byline/date beats a longer dek below it.
    const aboveAnchor = i < firstAnchor && l.words >= 5;
    const score =
      Math.min(l.words, 20) + (repeated ? 20 : 0) + (nearAnchor ? 10 : 0) + (aboveAnchor ? 6 : 0) - i * 0.1;
    if (score > bestScore) {
      bestScore = score;
      best = l.text;
    }
  }
  return best;
}
