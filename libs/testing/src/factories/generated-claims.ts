import type { SanctionsRecord } from '@sitrep/domain/clusters';
import type { SanctionsFlag } from '@sitrep/domain/sanctions';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so two runs generate the same claims. */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The UN DPRK arms-embargo flag a generated claim carries when it is sanctions-relevant. */
export const UNSCR_1718_FLAG: SanctionsFlag = {
  measure_id: 'un-1718-arms',
  regime_id: 'un-dprk',
  authority: 'UN Security Council',
  instrument: 'UNSCR 1718',
  also_instruments: [],
  effect: 'stated',
  reason: 'generated',
  valid_from: '2006-10-14',
  valid_until: null,
  contested_by: [],
  certainty: 'definite',
  date_basis: 'event_date',
};

/** The sanctions record of a generated claim flagged under UNSCR 1718. */
export const UNSCR_1718_RECORD: SanctionsRecord = {
  relevant: true,
  instruments: ['UNSCR 1718'],
  flags: [UNSCR_1718_FLAG],
};
