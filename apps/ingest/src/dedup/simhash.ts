import { createHash } from 'node:crypto';
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
  const counts = new Int32Array(64);
  for (let i = 0; i + SHINGLE_SIZE <= tokens.length; i++) {
    const digest = createHash('md5')
      .update(tokens.slice(i, i + SHINGLE_SIZE).join(' '))
      .digest();
    // Two 32-bit halves keep the inner loop out of BigInt arithmetic.
    const hi = digest.readUInt32BE(0);
    const lo = digest.readUInt32BE(4);
    for (let b = 0; b < 32; b++) {
      counts[b] += (hi >>> (31 - b)) & 1 ? 1 : -1;
      counts[32 + b] += (lo >>> (31 - b)) & 1 ? 1 : -1;
    }
  }
  let unsigned = 0n;
  for (let b = 0; b < 64; b++) unsigned = (unsigned << 1n) | (counts[b] > 0 ? 1n : 0n);
  return { value: BigInt.asIntN(64, unsigned), bands: bandsOf(unsigned) };
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
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}
