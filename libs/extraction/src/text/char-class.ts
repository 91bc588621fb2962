/**
 * Character classes of the hand-written scanners (the claim tokenizer, the date scanners), one table
 * lookup per UTF-16 unit instead of a Unicode-property regex per character. Each unit has a set of
 * flags; a scanner asks for the flags it means (`WORD_CHAR` is `[\p{L}\p{M}\p{N}]`, `LETTER_OR_DIGIT`
 * `[\p{L}\p{N}]`). A high surrogate is decided by its code point (see charAt); a low one has no flag.
 */
/** `\p{L}` */
export const LETTER = 1;
/** `\p{M}` */
export const MARK = 2;
/** `\p{N}` */
export const NUMBER = 4;
/** An ASCII digit, 0-9 (`\d`). */
export const ASCII_DIGIT = 8;
/** White space (`\s`). */
export const SPACE = 16;
/** A hyphen or an apostrophe (- ‐ ' ’): with white space, what may stand inside a lexicon phrase. */
export const JOINER = 32;
/** A high surrogate: the code point it starts decides its class. */
export const HIGH_SURROGATE = 64;

export const WORD_CHAR = LETTER | MARK | NUMBER;
export const LETTER_OR_DIGIT = LETTER | NUMBER;

/** Flags of the code point `cp` (of the Basic Multilingual Plane or beyond). */
function flagsOf(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let f = 0;
  if (/^\p{L}$/u.test(ch)) f |= LETTER;
  else if (/^\p{M}$/u.test(ch)) f |= MARK;
  else if (/^\p{N}$/u.test(ch)) f |= NUMBER;
  if (cp >= 0x30 && cp <= 0x39) f |= ASCII_DIGIT;
  if (/^\s$/u.test(ch)) f |= SPACE;
  if (/^[-‐'’]$/u.test(ch)) f |= JOINER;
  return f;
}

/** The flags of every UTF-16 unit. */
export const UNIT_CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (c >= 0xd800 && c <= 0xdbff) UNIT_CLASS[c] = HIGH_SURROGATE;
  else if (c < 0xdc00 || c > 0xdfff) UNIT_CLASS[c] = flagsOf(c);
}

/** Flags of the astral code points met so far. */
const astral = new Map<number, number>();

/**
 * Length (1 or 2 units) of the character at `i` when it has one of the flags of `mask` (letter, mark
 * or number flags: astral characters have no other), or 0. A surrogate pair is one character; a lone
 * surrogate none.
 */
export function charAt(text: string, i: number, mask: number): number {
  const k = UNIT_CLASS[text.charCodeAt(i)];
  if ((k & mask) !== 0) return 1;
  if (k !== HIGH_SURROGATE || i + 1 >= text.length) return 0;
  const lo = text.charCodeAt(i + 1);
  if (lo < 0xdc00 || lo > 0xdfff) return 0;
  const cp = text.codePointAt(i) as number;
  let f = astral.get(cp);
  if (f === undefined) {
    f = flagsOf(cp);
    astral.set(cp, f);
  }
  return (f & mask) !== 0 ? 2 : 0;
}
