/** Letters for the date scanners (find-date-phrases, parse-date-text), one table lookup a unit. */
import { LETTER, charAt } from '../text/char-class';

/** Length (1 or 2 units) of the \p{L} letter at i, or 0 when none starts there. */
export function letterAt(s: string, i: number): number {
  return charAt(s, i, LETTER);
}

/** End of the word of the regex `\p{L}[\p{L}']*` (flag u) starting at i (a letter, then letters and apostrophes), or i when no letter starts there. */
export function letterWordEnd(s: string, i: number): number {
  let len = letterAt(s, i);
  if (len === 0) return i;
  i += len;
  while (i < s.length && ((len = letterAt(s, i)) > 0 || s.charCodeAt(i) === 0x27)) i += len || 1;
  return i;
}
