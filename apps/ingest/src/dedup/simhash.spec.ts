import { bandsOf, hammingDistance, simHash, words } from './simhash';
import { WIRE_STORY as WIRE } from './wire-story.fixture';

const OUTLET_A = `JAKARTA (Wire) - ${WIRE} Reporting by the wire desk.`;
const OUTLET_B = `${WIRE} Read also: other news from the region.`;
const UNRELATED = [
  'Heavy rain flooded several districts of the capital overnight, forcing schools to close and cutting power',
  'to thousands of homes. Rescue teams used rubber boats to move elderly residents to shelters, and the city',
  'government opened public halls for families whose houses were damaged. Forecasters expect more storms this',
  'week and advised residents near the river to keep emergency bags ready and to follow official announcements.',
].join(' ');

/** The first implementation (one ±1 counter per bit and shingle): stored fingerprints were made by it. */
function referenceSimHash(text: string): bigint | null {
  const tokens = words(text);
  if (tokens.length < 20) return null;
  const fmix = (value: number): number => {
    let h = value;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  };
  const hash = (token: string, seed: number): number => {
    let h = seed | 0;
    for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
    return fmix(h);
  };
  const hiOf = tokens.map((t) => hash(t, 0x811c9dc5));
  const loOf = tokens.map((t) => hash(t, 0x01000193));
  const counts = new Array<number>(64).fill(0);
  for (let i = 0; i + 3 <= tokens.length; i++) {
    let hi = 0x9e3779b9;
    let lo = 0x85ebca6b;
    for (let k = 0; k < 3; k++) {
      hi = fmix(Math.imul(hi ^ hiOf[i + k], 0xcc9e2d51));
      lo = fmix(Math.imul(lo ^ loOf[i + k], 0x1b873593));
    }
    for (let b = 0; b < 32; b++) {
      counts[b] += (hi >>> (31 - b)) & 1 ? 1 : -1;
      counts[32 + b] += (lo >>> (31 - b)) & 1 ? 1 : -1;
    }
  }
  let unsigned = 0n;
  for (let b = 0; b < 64; b++) unsigned = (unsigned << 1n) | (counts[b] > 0 ? 1n : 0n);
  return BigInt.asIntN(64, unsigned);
}

/** Deterministic pseudo-random text of `n` words from a small vocabulary (ties between counters happen). */
function randomText(seed: number, n: number): string {
  const vocabulary = [
    'menteri',
    'kapal',
    'border',
    'Trade',
    'sanksi',
    'ÉTAT',
    'harbour',
    'rudal',
    '2026',
    'ölçü',
  ];
  let state = seed;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    state = (state * 48271) % 2147483647;
    out.push(vocabulary[state % vocabulary.length]);
  }
  return out.join(' ');
}

describe('simHash', () => {
  describe('simHash', () => {
    it('should give near copies of one story a small Hamming distance', () => {
      const a = simHash(OUTLET_A)!;
      const b = simHash(OUTLET_B)!;
      // 7 is the default DEDUP_NEAR_MAX_DISTANCE.
      expect(hammingDistance(a.value, b.value)).toBeLessThanOrEqual(7);
    });

    it('should give unrelated stories a large Hamming distance', () => {
      expect(hammingDistance(simHash(WIRE)!.value, simHash(UNRELATED)!.value)).toBeGreaterThan(12);
    });

    it('should return null for texts too short to fingerprint', () => {
      expect(simHash('Short note about nothing.')).toBeNull();
    });

    it('should give the fingerprints of the first implementation, so stored ones stay comparable', () => {
      for (let seed = 1; seed <= 200; seed++) {
        const text = randomText(seed, 20 + (seed % 7) * 60);
        const sut = simHash(text)!;
        expect(sut.value).toBe(referenceSimHash(text));
        expect(sut.bands).toEqual(bandsOf(sut.value));
      }
      for (const text of [WIRE, OUTLET_A, OUTLET_B, UNRELATED])
        expect(simHash(text)!.value).toBe(referenceSimHash(text));
    });

    it('should split words exactly where the word pattern does, outside the Latin script and the BMP too', () => {
      const scripts = [
        'Пхеньян поставил 152-мм снаряды', // Cyrillic, digits and a hyphen
        'قالت الوزارة إن ٣ سفن وصلت', // Arabic with Arabic-Indic digits
        'सेना ने अभ्यास किया', // Devanagari: vowel signs are marks, which split words
        '北朝鮮がロシアに弾薬を供与した',
        '𠀀𠀁 𝒳 ok \u{1F680}rocket', // astral letters (CJK Extension B, a script letter) and an emoji
        `lone ${String.fromCharCode(0xd800)}surrogate ${String.fromCharCode(0xdc00)}x end${String.fromCharCode(0xd83d)}`,
        'ﬁnance ½ Ⅻ ²', // compatibility forms (NFKC) and numbers
      ];
      for (let seed = 1; seed <= 20; seed++) {
        const text = Array.from({ length: 8 }, (_, i) => scripts[(seed + i * 3) % scripts.length]).join(' ');
        expect(simHash(text)?.value ?? null).toBe(referenceSimHash(text));
      }
    });

    it('should fit a signed 64-bit integer', () => {
      const { value } = simHash(WIRE)!;
      expect(value >= -(2n ** 63n) && value < 2n ** 63n).toBe(true);
    });
  });

  describe('bandsOf', () => {
    it('should split 64 bits into four 16-bit bands, high to low', () => {
      expect(bandsOf(BigInt.asIntN(64, 0x0001_0002_0003_fffen))).toEqual([1, 2, 3, 0xfffe]);
      expect(bandsOf(-1n)).toEqual([0xffff, 0xffff, 0xffff, 0xffff]);
    });
  });

  describe('hammingDistance', () => {
    it('should count differing bits, sign bit included', () => {
      expect(hammingDistance(0n, 0n)).toBe(0);
      expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
      expect(hammingDistance(-1n, 0n)).toBe(64);
    });
  });
});
