/**
 * Character folding for alias matching. Every function works on UTF-16 code units and maps one
 * unit to one unit, so a folded text has the same length as the original and match offsets are
 * offsets into the original text.
 */

export enum Script {
  None = 0,
  Latin = 1,
  Cyrillic = 2,
  Greek = 3,
  Arabic = 4,
  Hangul = 5,
  Cjk = 6,
  OtherLetter = 7,
  Digit = 8,
  Kana = 9,
}

const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

const scriptTable = new Uint8Array(0x10000).fill(255);
const foldTable = new Uint16Array(0x10000);
const foldDone = new Uint8Array(0x10000);

function computeScript(c: number): Script {
  if (c >= 0xd800 && c <= 0xdfff) return Script.OtherLetter; // astral letters: treat as letters
  const ch = String.fromCharCode(c);
  if (DIGIT.test(ch)) return Script.Digit;
  if (!LETTER.test(ch)) return Script.None;
  if (c < 0x0250 || (c >= 0x1e00 && c <= 0x1eff)) return Script.Latin;
  if (c >= 0x0370 && c <= 0x03ff) return Script.Greek;
  if (c >= 0x1f00 && c <= 0x1fff) return Script.Greek;
  if (c >= 0x0400 && c <= 0x052f) return Script.Cyrillic;
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff))
    return Script.Arabic;
  if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
    return Script.Hangul;
  if (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff)
  )
    return Script.Cjk;
  return Script.OtherLetter;
}

/** The script class of a code unit (letters by script, digits, or none). */
export function scriptOf(c: number): Script {
  let s = scriptTable[c];
  if (s === 255) scriptTable[c] = s = computeScript(c);
  return s as Script;
}

/** Letters, marks and digits: the characters a word is made of. */
export function isWordChar(c: number): boolean {
  return scriptOf(c) !== Script.None;
}

/** Zero-width and invisible characters that may sit inside a name and are skipped when matching. */
export function isIgnorable(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad;
}

/** Spaces a multi-word alias may span (not line breaks: a name does not continue on the next line). */
export function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x3000;
}

const SPECIAL_FOLDS: Record<number, number> = {
  0x03c2: 0x03c3, // final sigma -> sigma
  0x0131: 0x69, // dotless i
  0x2019: 0x27, // right single quote -> apostrophe
  0x2018: 0x27,
  0x02bc: 0x27,
  0x0060: 0x27,
  0x00b4: 0x27,
  0x2010: 0x2d, // hyphens and dashes -> hyphen-minus
  0x2011: 0x2d,
  0x2012: 0x2d,
  0x2013: 0x2d,
  0x2014: 0x2d,
  0x00a0: 0x20, // no-break spaces -> space
  0x202f: 0x20,
  0x2009: 0x20,
  0x0623: 0x0627, // Arabic alef variants -> bare alef
  0x0625: 0x0627,
  0x0622: 0x0627,
  0x0671: 0x0627,
  0x0649: 0x064a, // alef maksura -> ya
  0x06cc: 0x064a, // Persian ya -> Arabic ya
  0x06a9: 0x0643, // Persian kaf -> Arabic kaf
  0x00b7: 0x00b7,
};

function computeFold(c: number): number {
  const special = SPECIAL_FOLDS[c];
  if (special !== undefined) return special;
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const ch = String.fromCharCode(c);
  let lower = ch.toLowerCase();
  if (lower.length !== 1) lower = ch;
  // Accents are dropped only for Latin, Greek and Cyrillic (NFD would split Hangul syllables).
  if (c < 0x0530 || (c >= 0x1e00 && c <= 0x1fff)) {
    const base = lower.normalize('NFD').charCodeAt(0);
    const f = SPECIAL_FOLDS[base];
    return f !== undefined ? f : base;
  }
  return lower.charCodeAt(0);
}

/** Case-, accent- and variant-insensitive form of one code unit. */
export function foldChar(c: number): number {
  if (foldDone[c] === 0) {
    foldTable[c] = computeFold(c);
    foldDone[c] = 1;
  }
  return foldTable[c];
}

/** Folds a whole string (for alias texts). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldChar(s.charCodeAt(i)));
  return out;
}

// Letter case per code unit: 1 upper, 2 lower, 3 caseless; 0 not computed yet.
const caseTable = new Uint8Array(0x10000);

function caseOf(c: number): number {
  let k = caseTable[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lo = ch.toLowerCase();
    const up = ch.toUpperCase();
    k = lo === up ? 3 : ch === up ? 1 : ch === lo ? 2 : 3;
    caseTable[c] = k;
  }
  return k;
}

export function isUpperCase(c: number): boolean {
  return caseOf(c) === 1;
}

export function isLowerCase(c: number): boolean {
  return caseOf(c) === 2;
}

/** Whether a letter has case (Latin, Greek, Cyrillic...), unlike Hangul, Arabic or digits. */
export function hasCase(c: number): boolean {
  return caseOf(c) !== 3;
}

// Look-alike letters across Latin, Cyrillic and Greek (Unicode confusables, the common subset).
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  к: 'k',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  У: 'Y',
};
const GREEK_TO_LATIN: Record<string, string> = {
  α: 'a',
  ο: 'o',
  ρ: 'p',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  υ: 'u',
  χ: 'x',
  ε: 'e',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};

function invert(map: Record<string, string>): Map<number, number> {
  const out = new Map<number, number>();
  for (const [k, v] of Object.entries(map))
    if (!out.has(v.charCodeAt(0))) out.set(v.charCodeAt(0), k.charCodeAt(0));
  return out;
}
function toCodes(map: Record<string, string>): Map<number, number> {
  return new Map(Object.entries(map).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
}
const TO_LATIN = new Map<number, number>([...toCodes(CYRILLIC_TO_LATIN), ...toCodes(GREEK_TO_LATIN)]);
const LATIN_TO_CYRILLIC = invert(CYRILLIC_TO_LATIN);
const LATIN_TO_GREEK = invert(GREEK_TO_LATIN);

/**
 * The folded text used for matching: one folded code unit per original unit. Inside a word that
 * mixes Latin with Cyrillic or Greek letters (a homoglyph trick such as "Russiа" with a Cyrillic
 * "а"), the minority letters are first replaced by their look-alikes in the majority script.
 */
export function foldText(text: string): Uint16Array {
  const n = text.length;
  const out = new Uint16Array(n);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      out[i] = foldChar(c);
      i++;
      continue;
    }
    // One word: count scripts, then fold (with confusables when scripts are mixed).
    let j = i;
    let latin = 0;
    let cyr = 0;
    let greek = 0;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (!isWordChar(d) && !isIgnorable(d)) break;
      const s = scriptOf(d);
      if (s === Script.Latin) latin++;
      else if (s === Script.Cyrillic) cyr++;
      else if (s === Script.Greek) greek++;
      j++;
    }
    const mixed = latin > 0 && cyr + greek > 0;
    for (let k = i; k < j; k++) {
      let d = text.charCodeAt(k);
      if (mixed) {
        const s = scriptOf(d);
        if (latin >= cyr + greek) {
          if (s === Script.Cyrillic || s === Script.Greek) d = TO_LATIN.get(d) ?? d;
        } else if (s === Script.Latin) {
          d = (cyr >= greek ? LATIN_TO_CYRILLIC : LATIN_TO_GREEK).get(d) ?? d;
        }
      }
      out[k] = foldChar(d);
    }
    i = j;
  }
  return out;
}

/** The original code unit after confusable repair (used for case checks): same rule as foldText. */
export function caseSource(text: string, folded: Uint16Array, i: number): number {
  const c = text.charCodeAt(i);
  const s = scriptOf(c);
  if (s !== Script.Cyrillic && s !== Script.Greek && s !== Script.Latin) return c;
  // A confusable replaced in a mixed word keeps its case: compare via the folded letter's case.
  if (foldChar(c) === folded[i]) return c;
  const repl = TO_LATIN.get(c) ?? LATIN_TO_CYRILLIC.get(c) ?? LATIN_TO_GREEK.get(c);
  return repl ?? c;
}
