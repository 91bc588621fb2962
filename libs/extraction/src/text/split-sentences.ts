import { Sentence } from '../model';
import { ABBREVIATIONS, NAME_ABBREVIATIONS, SENTENCE_STARTERS } from './abbreviations';

// One ICU sentence segmenter per language, built once: building one costs far more than using it.
const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  const key = /^[a-z]{2,3}$/.test(language) ? language : 'und';
  let seg = segmenters.get(key);
  if (!seg) {
    let locale = key === 'und' ? 'en' : key;
    try {
      seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      locale = 'en';
      seg = new Intl.Segmenter(locale, { granularity: 'sentence' });
    }
    segmenters.set(key, seg);
  }
  return seg;
}

const isSpace = (c: number): boolean =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;

// The token that ends a candidate sentence: letters and dots before the final full stop ("U.S.", "Jan.", "dll.").
const LAST_TOKEN = /(?:^|[\s(["'“‘«])([\p{L}.]{1,12}\.)$/u;
const INITIAL = /^\p{Lu}\.$/u;
const FIRST_WORD = /^[\s"'“‘«(]*([\p{L}]+)/u;
const STARTS_LOWER = /^[\s"'“‘«(]*\p{Ll}/u;

/** Whether the boundary after `prev` is a false one ICU made at an abbreviation or before lower case. */
function isFalseBoundary(prev: string, next: string): boolean {
  if (STARTS_LOWER.test(next)) return true;
  // Only the tail matters; slicing keeps the check constant-time on long candidates.
  const m = LAST_TOKEN.exec(prev.length > 20 ? prev.slice(-20) : prev);
  if (!m) return false;
  const token = m[1].toLowerCase();
  // Titles and months ("Dr.", "Gen.", "Jan.") always continue; so do initials ("J. Smith").
  if (NAME_ABBREVIATIONS.has(token) || INITIAL.test(m[1])) return true;
  if (!ABBREVIATIONS.has(token)) return false;
  // Other abbreviations ("U.S.", "dll.") can end a sentence: continue unless a typical sentence opener follows.
  const w = FIRST_WORD.exec(next);
  return !(w && SENTENCE_STARTERS.has(w[1].toLowerCase()));
}

/**
 * Sentences of a text with exact offsets: `text.slice(start, end) === sentence.text`.
 * ICU (Intl.Segmenter) finds the candidates; line breaks are hard boundaries; false breaks after
 * abbreviations are merged back; surrounding whitespace is trimmed.
 */
export function splitSentences(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  if (!text) return out;
  const seg = segmenterFor(language);
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart) splitLine(text, lineStart, lineEnd, seg, out);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Longest piece handed to ICU at once: V8's segment iterator slows down quadratically on long strings. */
const CHUNK = 1500;

/** End of the next chunk of a long line: after a sentence terminal and a space, else at a space, else hard. */
function chunkEnd(text: string, from: number, to: number): number {
  if (to - from <= CHUNK) return to;
  const limit = from + CHUNK;
  let space = -1;
  for (let k = limit; k > from + CHUNK / 3; k--) {
    if (text.charCodeAt(k) !== 32) continue;
    const prev = text[k - 1];
    if (prev === '.' || prev === '!' || prev === '?' || prev === '"' || prev === '”') return k + 1;
    if (space < 0) space = k + 1;
  }
  if (space > 0) return space;
  // No space at all: cut, but never inside a surrogate pair.
  const c = text.charCodeAt(limit - 1);
  return c >= 0xd800 && c <= 0xdbff ? limit - 1 : limit;
}

/**
 * A character ICU might break a sentence after or at: anything but letters, marks, digits, inline spaces
 * and punctuation that never ends a sentence. A line free of them before its last character is one
 * sentence, as ICU would say, without asking it (about half the text of news paragraphs).
 */
const MAY_BREAK =
  /[^\p{L}\p{M}\p{N} \t\u00a0\u2000-\u200a\u202f\u205f\u3000,'"()\-–—:;/%&«»“”‘’[\]+#@*=°•·،‚„‹›¿¡$€£¥]/u;

function splitLine(text: string, from: number, to: number, seg: Intl.Segmenter, out: Sentence[]): void {
  if (!MAY_BREAK.test(text.slice(from, to - 1))) {
    let s = from;
    let e = to;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (s < e) push(text, s, e, out);
    return;
  }
  let pendingStart = -1;
  let pendingEnd = -1;
  // A chunk cut that is not after a terminal must not become a sentence boundary.
  let joinNext = false;
  for (let chunkStart = from; chunkStart < to;) {
    const chunkStop = chunkEnd(text, chunkStart, to);
    const chunk = text.slice(chunkStart, chunkStop);
    for (const piece of seg.segment(chunk)) {
      let s = chunkStart + piece.index;
      let e = s + piece.segment.length;
      while (s < e && isSpace(text.charCodeAt(s))) s++;
      while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
      if (s === e) continue;
      const join = joinNext;
      joinNext = false;
      if (
        pendingStart >= 0 &&
        (join || isFalseBoundary(text.slice(pendingStart, pendingEnd), text.slice(s, Math.min(e, s + 40))))
      ) {
        pendingEnd = e;
        continue;
      }
      if (pendingStart >= 0) push(text, pendingStart, pendingEnd, out);
      pendingStart = s;
      pendingEnd = e;
    }
    joinNext = chunkStop < to && !/[.!?"”]\s$/.test(text.slice(chunkStop - 2, chunkStop));
    chunkStart = chunkStop;
  }
  if (pendingStart >= 0) push(text, pendingStart, pendingEnd, out);
}

function push(text: string, start: number, end: number, out: Sentence[]): void {
  out.push({ index: out.length, start, end, text: text.slice(start, end) });
}
