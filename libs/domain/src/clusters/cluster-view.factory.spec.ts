import { SanctionsFlag } from '../sanctions/sanctions-regime.model';
import { ClusterKeyFactory } from './cluster-key.factory';
import { makeClaimRecord } from './cluster-member.factory';
import { clusterSanctionsOf, ClusterViewFactory } from './cluster-view.factory';

const flag = (overrides: Partial<SanctionsFlag>): SanctionsFlag => ({
  measure_id: 'un.dprk.1718.arms',
  regime_id: 'un.dprk',
  authority: 'UN',
  instrument: 'UNSCR 1718',
  also_instruments: [],
  effect: 'prohibited',
  reason: 'r',
  valid_from: '2006-10-14',
  valid_until: null,
  contested_by: [],
  certainty: 'possible',
  date_basis: 'none',
  ...overrides,
});

describe(ClusterViewFactory.name, () => {
  const sut = new ClusterViewFactory();
  const clusterId = new ClusterKeyFactory().keyOf(makeClaimRecord()).id;

  describe('build', () => {
    it('should summarise the members of one cluster', () => {
      const members = [
        makeClaimRecord({ cluster_id: clusterId, article_id: 'x1' }),
        makeClaimRecord({ cluster_id: clusterId, article_id: 'x2', modality: 'denied' }),
      ];
      const view = sut.build(members);
      expect(view?.summary).toMatchObject({ id: clusterId, claim_count: 2, contradicted: true });
      expect(view?.facets.modalities).toEqual(['assessed', 'denied']);
    });

    it('should return null for a cluster without members', () => {
      expect(sut.build([])).toBeNull();
    });

    it('should refuse members of another cluster', () => {
      expect(() => sut.build([makeClaimRecord({ cluster_id: 'cl-other' })])).toThrow('CLUSTER.MIXED_MEMBERS');
    });
  });
});

describe('clusterSanctionsOf', () => {
  it('should merge the flags of the members and prefer a definite match', () => {
    const members = [
      makeClaimRecord({ sanctions: { relevant: true, instruments: ['UNSCR 1718'], flags: [flag({})] } }),
      makeClaimRecord({
        sanctions: {
          relevant: true,
          instruments: ['UNSCR 1718', 'UNSCR 1874'],
          flags: [
            flag({ certainty: 'definite' }),
            flag({ measure_id: 'un.dprk.1874.arms-exports', instrument: 'UNSCR 1874' }),
          ],
        },
      }),
    ];
    const result = clusterSanctionsOf(members);
    expect(result.relevant).toBe(true);
    expect(result.instruments).toEqual(['UNSCR 1718', 'UNSCR 1874']);
    expect(result.flags.find((f) => f.instrument === 'UNSCR 1718')?.certainty).toBe('definite');
  });

  it('should not be relevant when no member is', () => {
    expect(clusterSanctionsOf([makeClaimRecord()]).relevant).toBe(false);
  });
});
