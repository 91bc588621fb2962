import { normalizeForHash } from './content-hash';

/** Words per shingle. */
export const SHINGLE_SIZE = 3;
/** Fewer words than this give a fingerprint too unstable to compare. */
export const MIN_WORDS = 20;
/** Bands of 16 bits: two fingerprints within 3 bits share at least one band (pigeonhole). */
export const BAND_COUNT = 4;

export interface SimHash {
  /** 64-bit fingerprint as a signed bigint (PostgreSQL `bigint`). */
  value: bigint;
  /** Four 16-bit bands, high to low, each 0..65535, indexed for candidate lookup. */
  bands: [number, number, number, number];
}

export function words(text: string): string[] {
  return wordsOfNormalized(normalizeForHash(text));
}

function wordsOfNormalized(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Charikar SimHash over word shingles; null when the text is too short. */
export function simHash(cleanText: string): SimHash | null {
  return simHashOfNormalized(normalizeForHash(cleanText));
}

/** {@link simHash} of a text already through `normalizeForHash` (intake normalises once for both hashes). */
export function simHashOfNormalized(normalized: string): SimHash | null {
  // Each word is hashed once (two 32-bit hashes); a shingle's 64 bits mix its words' hashes in order.
  const { hiOf, loOf, count } = wordHashes(normalized);
  if (count < MIN_WORDS) return null;
  // Per bit position, how many shingles set it, as bit-sliced counters: plane k holds bit k of the 32
  // counters of a word, so adding a shingle is a short carry chain instead of 64 additions.
  const hiPlanes = new Int32Array(32);
  const loPlanes = new Int32Array(32);
  const shingles = count - SHINGLE_SIZE + 1;
  for (let i = 0; i < shingles; i++) {
    let hi = 0x9e3779b9;
    let lo = 0x85ebca6b;
    for (let k = 0; k < SHINGLE_SIZE; k++) {
      hi = fmix32(Math.imul(hi ^ hiOf[i + k], 0xcc9e2d51));
      lo = fmix32(Math.imul(lo ^ loOf[i + k], 0x1b873593));
    }
    addToPlanes(hiPlanes, hi);
    addToPlanes(loPlanes, lo);
  }
  // A bit of the fingerprint is set when more shingles set it than not.
  const hiWord = majorityBits(hiPlanes, shingles);
  const loWord = majorityBits(loPlanes, shingles);
  const unsigned = (BigInt(hiWord) << 32n) | BigInt(loWord);
  return {
    value: BigInt.asIntN(64, unsigned),
    bands: [hiWord >>> 16, hiWord & 0xffff, loWord >>> 16, loWord & 0xffff],
  };
}

/** What a word character is: the words of {@link words} are its runs. */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit, 1 for a word character; built on first use (lone surrogates are none). */
let bmpWordCharacters: Uint8Array | undefined;
/** Astral code points seen so far, by code point: word character or not. */
const astralWordCharacters = new Map<number, boolean>();

function isBmpWordCharacter(code: number): boolean {
  if (!bmpWordCharacters) {
    const table = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++)
      if (c < 0xd800 || c > 0xdfff) table[c] = WORD_CHARACTER.test(String.fromCharCode(c)) ? 1 : 0;
    bmpWordCharacters = table;
  }
  return bmpWordCharacters[code] === 1;
}

function isAstralWordCharacter(high: number, low: number): boolean {
  const codePoint = (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  let known = astralWordCharacters.get(codePoint);
  if (known === undefined) {
    known = WORD_CHARACTER.test(String.fromCharCode(high, low));
    astralWordCharacters.set(codePoint, known);
  }
  return known;
}

/**
 * The two 32-bit hashes of each word of {@link words}, in order, from one pass over the text's code
 * units: the same words and the same hashes (of their UTF-16 code units) without a regular expression
 * or a string per word.
 */
function wordHashes(text: string): { hiOf: Int32Array; loOf: Int32Array; count: number } {
  // Words are separated by at least one code unit.
  const capacity = (text.length >> 1) + 1;
  const hiOf = new Int32Array(capacity);
  const loOf = new Int32Array(capacity);
  let count = 0;
  let inWord = false;
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let low = -1;
    let isWord: boolean;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        low = next;
        i++;
        isWord = isAstralWordCharacter(code, low);
      } else isWord = false;
    } else isWord = isBmpWordCharacter(code);
    if (isWord) {
      if (!inWord) {
        h1 = 0x811c9dc5 | 0;
        h2 = 0x01000193;
        inWord = true;
      }
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x01000193);
      if (low >= 0) {
        h1 = Math.imul(h1 ^ low, 0x01000193);
        h2 = Math.imul(h2 ^ low, 0x01000193);
      }
    } else if (inWord) {
      hiOf[count] = fmix32(h1);
      loOf[count] = fmix32(h2);
      count++;
      inWord = false;
    }
  }
  if (inWord) {
    hiOf[count] = fmix32(h1);
    loOf[count] = fmix32(h2);
    count++;
  }
  return { hiOf, loOf, count };
}

/** Adds one to the counter of every bit set in `word` (ripple carry through the planes). */
function addToPlanes(planes: Int32Array, word: number): void {
  let carry = word;
  for (let k = 0; carry !== 0; k++) {
    const next = planes[k] & carry;
    planes[k] ^= carry;
    carry = next;
  }
}

/** The unsigned 32-bit word whose bit is set where the counter exceeds half of `total`. */
function majorityBits(planes: Int32Array, total: number): number {
  // No counter exceeds `total`, so planes above its highest bit are empty.
  const used = 32 - Math.clz32(total);
  let word = 0;
  for (let bit = 31; bit >= 0; bit--) {
    let ones = 0;
    for (let k = used - 1; k >= 0; k--) ones = ones * 2 + ((planes[k] >>> bit) & 1);
    word = word * 2 + (2 * ones > total ? 1 : 0);
  }
  return word;
}

/** murmur3's 32-bit finaliser: every input bit flips each output bit with probability about 1/2. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

export function bandsOf(value: bigint): [number, number, number, number] {
  const u = BigInt.asUintN(64, value);
  return [
    Number((u >> 48n) & 0xffffn),
    Number((u >> 32n) & 0xffffn),
    Number((u >> 16n) & 0xffffn),
    Number(u & 0xffffn),
  ];
}

export function hammingDistance(a: bigint, b: bigint): number {
  // Two 32-bit popcounts: far cheaper than a bit loop on BigInt.
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x >> 32n)) + popcount32(Number(x & 0xffffffffn));
}

function popcount32(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
