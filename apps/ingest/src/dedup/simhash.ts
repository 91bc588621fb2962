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
  return normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Charikar SimHash over word shingles; null when the text is too short. */
export function simHash(cleanText: string): SimHash | null {
  const tokens = words(cleanText);
  if (tokens.length < MIN_WORDS) return null;
  // Each word is hashed once (two 32-bit hashes); a shingle's 64 bits mix its words' hashes in order.
  const hiOf = new Int32Array(tokens.length);
  const loOf = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    hiOf[i] = hashString(tokens[i], 0x811c9dc5);
    loOf[i] = hashString(tokens[i], 0x01000193);
  }
  const counts = new Int32Array(64);
  for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i++) {
    let hi = 0x9e3779b9;
    let lo = 0x85ebca6b;
    for (let k = 0; k < SHINGLE_SIZE; k++) {
      hi = fmix32(Math.imul(hi ^ hiOf[i + k], 0xcc9e2d51));
      lo = fmix32(Math.imul(lo ^ loOf[i + k], 0x1b873593));
    }
    for (let b = 0; b < 32; b++) {
      counts[b] += (hi >>> (31 - b)) & 1 ? 1 : -1;
      counts[32 + b] += (lo >>> (31 - b)) & 1 ? 1 : -1;
    }
  }
  let unsigned = 0n;
  for (let b = 0; b < 64; b++) unsigned = (unsigned << 1n) | (counts[b] > 0 ? 1n : 0n);
  return { value: BigInt.asIntN(64, unsigned), bands: bandsOf(unsigned) };
}

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche. */
function hashString(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
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
