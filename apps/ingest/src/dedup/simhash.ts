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
  const tokens = wordsOfNormalized(normalized);
  if (tokens.length < MIN_WORDS) return null;
  // Each word is hashed once (two 32-bit hashes); a shingle's 64 bits mix its words' hashes in order.
  const hiOf = new Int32Array(tokens.length);
  const loOf = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    let h1 = 0x811c9dc5 | 0;
    let h2 = 0x01000193;
    for (let c = 0; c < token.length; c++) {
      const code = token.charCodeAt(c);
      h1 = Math.imul(h1 ^ code, 0x01000193);
      h2 = Math.imul(h2 ^ code, 0x01000193);
    }
    hiOf[i] = fmix32(h1);
    loOf[i] = fmix32(h2);
  }
  // Per bit position, how many shingles set it, as bit-sliced counters: plane k holds bit k of the 32
  // counters of a word, so adding a shingle is a short carry chain instead of 64 additions.
  const hiPlanes = new Int32Array(32);
  const loPlanes = new Int32Array(32);
  const shingles = tokens.length - SHINGLE_SIZE + 1;
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
