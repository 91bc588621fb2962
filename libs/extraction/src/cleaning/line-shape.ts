/** Cheap shape features of a normalised line, computed in one pass (no regex over the whole line). */
export interface LineShape {
  /** Number of space-separated tokens (characters / 2 for scripts written without spaces). */
  words: number;
  /** Ends with a sentence terminal, possibly followed by closing quotes or brackets. */
  endsTerminal: boolean;
  /** Has a terminal followed by a space and more text inside the line. */
  internalTerminal: boolean;
  /** Share of words that start with a lower-case letter, among words that start with a cased letter (-1: no cased words). */
  lowerRatio: number;
  /** Number of commas (Latin, Arabic, ideographic). */
  commas: number;
}

const TERMINALS = new Set(['.', '!', '?', '…', '。', '！', '？', '؟', '۔', '।']);
const CLOSERS = new Set(['"', '”', '’', '»', ')', ']', "'", '』', '」', '*']);
const COMMAS = new Set([',', '،', '、', '，']);

export function isTerminalChar(ch: string): boolean {
  return TERMINALS.has(ch);
}

/** Whether the line ends a sentence ("...said.", "...katanya.”", "...?)"). */
export function endsWithTerminal(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && i >= line.length - 4 && CLOSERS.has(line[i])) i--;
  return i >= 0 && TERMINALS.has(line[i]);
}

/** "U.S. slaps", "J. Smith": a full stop after a lone capital is an abbreviation, not a sentence end. */
function afterInitial(line: string, i: number): boolean {
  const prev = line[i - 1];
  if (line[i] !== '.' || prev === prev.toLowerCase()) return false;
  return i < 2 || line[i - 2] === '.' || line[i - 2] === ' ';
}

export function lineShape(line: string): LineShape {
  let words = 0;
  let lower = 0;
  let cased = 0;
  let commas = 0;
  let internalTerminal = false;
  let atWordStart = true;
  let spaced = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === 32) {
      atWordStart = true;
      spaced++;
      continue;
    }
    if (c === 44) commas++;
    else if (c === 46 || c === 33 || c === 63) {
      // ". X" inside the line, not after a lone capital ("U.S. Army").
      if (
        i + 2 < n &&
        line.charCodeAt(i + 1) === 32 &&
        i > 0 &&
        line.charCodeAt(i - 1) !== 32 &&
        !afterInitial(line, i)
      ) {
        internalTerminal = true;
      }
    } else if (c > 127) {
      const ch = line[i];
      if (COMMAS.has(ch)) commas++;
      else if (TERMINALS.has(ch) && i + 2 < n && line.charCodeAt(i + 1) === 32) internalTerminal = true;
    }
    if (atWordStart) {
      words++;
      atWordStart = false;
      if (c >= 97 && c <= 122) {
        cased++;
        lower++;
      } else if (c >= 65 && c <= 90) cased++;
      else if (c > 127) {
        const ch = line[i];
        const up = ch.toUpperCase();
        const low = ch.toLowerCase();
        if (up !== low) {
          cased++;
          if (ch === low) lower++;
        }
      }
    }
  }
  // Scripts without spaces (Chinese, Japanese): count two characters as a word.
  if (spaced === 0 && n > 12) words = Math.max(words, Math.floor(n / 2));
  return {
    words,
    endsTerminal: endsWithTerminal(line),
    internalTerminal,
    lowerRatio: cased ? lower / cased : -1,
    commas,
  };
}

/**
 * Whether a line reads as running text rather than a heading, menu item, tag list or label.
 * `lastContent` relaxes the rule for the final line, which scraped pages often cut mid-sentence.
 */
export function isSentenceLike(shape: LineShape, lastContent: boolean): boolean {
  const caseless = shape.lowerRatio < 0;
  if (shape.words < 3) return false;
  if (shape.endsTerminal) return shape.words >= 4 || (caseless && shape.words >= 3);
  if (shape.internalTerminal && shape.words >= 8) return true;
  // A comma-separated keyword list ("Russia, war, Ukraine, Belarus, ...") without a full stop.
  if (shape.commas >= 4 && shape.words / shape.commas < 3.5) return false;
  const prose = caseless || shape.lowerRatio >= 0.5;
  if (shape.words >= 25 && prose) return true;
  return lastContent && shape.words >= 10 && prose;
}
