/** Character classes of the date scanners (find-date-phrases, parse-date-text), one table lookup a unit. */
// Per UTF-16 unit, for the date scanners: a letter (\p{L}), an ASCII digit, white space (\s), a high
// surrogate (decided by its code point), or anything else.
export const LETTER = 1;
export const DIGIT = 2;
export const SPACE = 3;
export const HIGH = 4;
export const unitKind = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdbff) unitKind[c] = HIGH;
  else if (c >= 0xdc00 && c <= 0xdfff) unitKind[c] = 0;
  else if (/^\p{L}$/u.test(ch)) unitKind[c] = LETTER;
  else if (c >= 0x30 && c <= 0x39) unitKind[c] = DIGIT;
  else if (/^\s$/u.test(ch)) unitKind[c] = SPACE;
}
const astralLetter = new Map<number, boolean>();

/** Length (1 or 2 units) of the \p{L} letter at i, or 0 when none starts there. */
export function letterAt(s: string, i: number): number {
  const k = unitKind[s.charCodeAt(i)];
  if (k === LETTER) return 1;
  if (k !== HIGH || i + 1 >= s.length) return 0;
  const lo = s.charCodeAt(i + 1);
  if (lo < 0xdc00 || lo > 0xdfff) return 0;
  const cp = s.codePointAt(i) as number;
  let l = astralLetter.get(cp);
  if (l === undefined) {
    l = /^\p{L}$/u.test(String.fromCodePoint(cp));
    astralLetter.set(cp, l);
  }
  return l ? 2 : 0;
}

/** End of the word of the regex `\p{L}[\p{L}']*` (flag u) starting at i (a letter, then letters and apostrophes), or i when no letter starts there. */
export function letterWordEnd(s: string, i: number): number {
  let len = letterAt(s, i);
  if (len === 0) return i;
  i += len;
  while (i < s.length && ((len = letterAt(s, i)) > 0 || s.charCodeAt(i) === 0x27)) i += len || 1;
  return i;
}
