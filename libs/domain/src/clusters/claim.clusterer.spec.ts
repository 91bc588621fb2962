import { ClaimClusterer } from './claim.clusterer';
import { makeClusterMember } from './cluster-member.factory';

describe(ClaimClusterer.name, () => {
  const sut = new ClaimClusterer();

  describe('cluster', () => {
    it('should group the same event from different articles and outlets into one cluster', () => {
      const members = [
        makeClusterMember({
          article_id: 'a1',
          outlet: 'rmol.id',
          language: 'id',
          seen_at: '2022-09-07T01:00:00Z',
        }),
        makeClusterMember({
          article_id: 'a2',
          outlet: 'tass.ru',
          language: 'ru',
          seen_at: '2022-09-08T01:00:00Z',
        }),
        makeClusterMember({
          article_id: 'a3',
          outlet: 'www.Reuters.com',
          language: 'en',
          seen_at: '2022-09-06T01:00:00Z',
        }),
      ];
      const [cluster, ...rest] = sut.cluster(members);
      expect(rest).toEqual([]);
      expect(cluster).toMatchObject({
        claim_count: 3,
        article_count: 3,
        outlet_count: 3,
        language_count: 3,
        independent_source_count: 3,
        outlets: ['reuters.com', 'rmol.id', 'tass.ru'],
        first_seen: '2022-09-06T01:00:00Z',
        last_seen: '2022-09-08T01:00:00Z',
        claimants: ['USA'],
      });
    });

    it('should count copies of one wire story as one independent source', () => {
      const members = [
        makeClusterMember({ article_id: 'w1', outlet: 'one.example', story_id: 'story-1' }),
        makeClusterMember({ article_id: 'w2', outlet: 'two.example', story_id: 'story-1' }),
        makeClusterMember({ article_id: 'w3', outlet: 'three.example', reported_by: ['AFP'] }),
        makeClusterMember({
          article_id: 'w4',
          outlet: 'four.example',
          reported_by: ['afp', 'The New York Times'],
        }),
        makeClusterMember({ article_id: 'w5', outlet: 'five.example' }),
      ];
      const [cluster] = sut.cluster(members);
      expect(cluster.outlet_count).toBe(5);
      expect(cluster.independent_source_count).toBe(3);
    });

    it('should count two articles of one outlet as one source', () => {
      const members = [
        makeClusterMember({ article_id: 'o1', outlet: 'same.example' }),
        makeClusterMember({ article_id: 'o2', outlet: 'same.example' }),
      ];
      expect(sut.cluster(members)[0]).toMatchObject({ article_count: 2, independent_source_count: 1 });
    });

    it('should keep a denial of the same event in the cluster as a contradiction', () => {
      const claim = makeClusterMember({
        article_id: 'd1',
        source: 'IRN',
        items: ['drone'],
        modality: 'assessed',
        status: 'completed',
      });
      const denial = makeClusterMember({
        article_id: 'd2',
        source: 'IRN',
        items: ['drone'],
        modality: 'denied',
        status: 'unknown',
        claimant: 'IRN',
      });
      const clusters = sut.cluster([claim, denial]);
      expect(clusters).toHaveLength(1);
      expect(clusters[0]).toMatchObject({
        modality: 'assessed',
        status: 'completed',
        contradicted: true,
        contradiction_claim_ids: [denial.claim_id],
        claimants: ['IRN', 'USA'],
      });
    });

    it('should report `denied` when every member denies the event', () => {
      const [cluster] = sut.cluster([makeClusterMember({ modality: 'denied' })]);
      expect(cluster).toMatchObject({ modality: 'denied', contradicted: false });
    });

    it('should pick the strongest modality and the most advanced status', () => {
      const members = [
        makeClusterMember({ modality: 'alleged', status: 'planned' }),
        makeClusterMember({ modality: 'asserted', status: 'in_progress' }),
        makeClusterMember({ modality: 'hypothetical', status: 'unknown' }),
      ];
      expect(sut.cluster(members)[0]).toMatchObject({ modality: 'asserted', status: 'in_progress' });
    });

    it('should split events of different months and different pairs', () => {
      const members = [
        makeClusterMember({ event_date: '2022-08' }),
        makeClusterMember({ event_date: '2022-11-02' }),
        makeClusterMember({ event_date: '2022-08', target: 'SYR' }),
      ];
      expect(sut.cluster(members)).toHaveLength(3);
    });

    it('should give the same clusters whatever the order of the claims', () => {
      const members = [
        makeClusterMember({ event_date: '2022-08', outlet: 'x.example', reported_by: ['AFP'] }),
        makeClusterMember({ event_date: '2022-08', outlet: 'y.example', items: ['KN-23'] }),
        makeClusterMember({ type: 'military_cooperation', source: 'RUS', target: 'PRK' }),
        makeClusterMember({ type: 'military_cooperation', source: 'PRK', target: 'RUS', modality: 'denied' }),
        makeClusterMember({ event_date: '2022-08', outlet: 'z.example', reported_by: ['afp'] }),
      ];
      const forward = sut.cluster(members);
      const backward = sut.cluster([...members].reverse());
      expect(backward).toEqual(forward);
      expect(forward.map((cluster) => cluster.claim_count).sort()).toEqual([1, 2, 2]);
    });
  });

  describe('summarize', () => {
    it('should refuse an empty cluster', () => {
      const key = sut.keys.keyOf(makeClusterMember());
      expect(() => sut.summarize(key, [])).toThrow('CLUSTER.EMPTY');
    });
  });
});
