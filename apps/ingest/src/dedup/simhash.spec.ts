import { bandsOf, hammingDistance, simHash } from './simhash';
import { WIRE_STORY as WIRE } from './wire-story.fixture';

const OUTLET_A = `JAKARTA (Wire) - ${WIRE} Reporting by the wire desk.`;
const OUTLET_B = `${WIRE} Read also: other news from the region.`;
const UNRELATED = [
  'Heavy rain flooded several districts of the capital overnight, forcing schools to close and cutting power',
  'to thousands of homes. Rescue teams used rubber boats to move elderly residents to shelters, and the city',
  'government opened public halls for families whose houses were damaged. Forecasters expect more storms this',
  'week and advised residents near the river to keep emergency bags ready and to follow official announcements.',
].join(' ');

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
