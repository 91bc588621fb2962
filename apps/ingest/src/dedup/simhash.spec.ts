import { bandsOf, hammingDistance, simHash } from './simhash';

// Written for these tests: a wire story, and how two outlets might run it.
const WIRE = [
  'The coast guard of the island republic said on Thursday that it had received the first of four',
  'patrol vessels ordered from a foreign shipyard under a loan agreement signed last year. Officials',
  'told reporters that the vessels would patrol fishing grounds in the north, where foreign trawlers',
  'have been seen in growing numbers, and that crews had trained for six weeks at the shipyard before',
  'the delivery voyage. The remaining three vessels are due before the end of next year, according to',
  'the defence ministry, which added that spare parts and maintenance for five years were included in',
  'the price of the contract. The ministry did not disclose the total value of the deal, but a budget',
  'document seen by lawmakers in March put the cost of the programme at about 180 million dollars, most',
  'of it financed by an export credit agency. Opposition members of parliament have asked for the full',
  'text of the loan agreement, saying that earlier purchases of aircraft and radar systems had been',
  'delayed for years and that the public was never told how much the maintenance cost. A spokesman for',
  'the coast guard said the new vessels could stay at sea for up to ten days and carried a small boat',
  "for boarding inspections, as well as night vision equipment and a helicopter deck. Fishermen's",
  'associations in the northern provinces welcomed the delivery but said that patrols alone would not',
  'stop illegal fishing unless courts imposed heavier fines on the owners of the foreign trawlers that',
  'are caught. The shipyard, which has built similar vessels for three other navies in the region, said',
  'in a statement that it would send technicians to the island for the first year of operations.',
].join(' ');
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
