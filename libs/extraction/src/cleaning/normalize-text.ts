/**
 * Text normalisation shared by every cleaning path: NFC, no invisible characters, plain spaces.
 * Homoglyphs (Cyrillic "а" in a Latin name) are deliberately left as they are: folding them here
 * would hide them from the actors stage, which matches mixed-script tokens itself.
 */

// Zero-width and format characters (ZWSP, ZWNJ, ZWJ, LRM/RLM, bidi embeddings and isolates, word
// joiner, invisible operators, BOM, soft hyphen, Mongolian vowel separator).
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// C0/C1 controls other than tab and line feed (carriage returns are handled before).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Every other kind of space becomes an ordinary space.
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
const RUNS_OF_SPACES = / {2,}/g;

/** Removes invisible characters, unifies spaces and line breaks, and NFC-normalises. */
export function normalizeText(raw: string): string {
  let s = raw.replace(LINE_BREAKS, '\n');
  s = s.replace(INVISIBLE, '').replace(CONTROLS, '').replace(SPACES, ' ');
  return s.normalize('NFC');
}

/** One line: normalised, single-spaced, trimmed. */
export function normalizeLine(line: string): string {
  // Most lines hold no double space: a substring search is much cheaper than a regex replace that finds nothing.
  return (line.includes('  ') ? line.replace(RUNS_OF_SPACES, ' ') : line).trim();
}

/** Case- and space-insensitive key of a line, used to spot repeated titles and captions. */
export function lineKey(line: string): string {
  return line.replace(/\s+/g, ' ').trim().toLowerCase();
}
