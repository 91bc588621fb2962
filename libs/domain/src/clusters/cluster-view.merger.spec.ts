import fc from 'fast-check';
import { SanctionsFlag } from '../sanctions/sanctions-regime.model';
import { ClaimRecord } from './claim-record.model';
import { ClusterKeyFactory } from './cluster-key.factory';
import { makeClaimRecord } from './cluster-member.factory';
import { ClusterView, ClusterViewFactory } from './cluster-view.factory';
import { ClusterViewMerger } from './cluster-view.merger';

const flag = (measure: string, certainty: SanctionsFlag['certainty'], reason: string): SanctionsFlag => ({
  measure_id: measure,
  regime_id: 'un.dprk',
  authority: 'UN',
  instrument: measure === 'eu.833' ? 'Regulation 833/2014' : 'UNSCR 1718',
  also_instruments: measure === 'un.1718.arms' ? ['UNSCR 1874'] : [],
  effect: 'prohibited',
  reason,
  valid_from: '2006-10-14',
  valid_until: null,
  contested_by: [],
  certainty,
  date_basis: 'event_date',
});

const clusterId = new ClusterKeyFactory().keyOf(makeClaimRecord({ event_date: '2022-09' })).id;

/** One claim of an article, with every field the summary, facets and sanctions read varied. */
const claimArb = fc.record({
  source: fc.constantFrom('PRK', 'prk.mnd'),
  modality: fc.constantFrom('asserted', 'assessed', 'alleged', 'hypothetical', 'denied' as const),
  status: fc.constantFrom('completed', 'in_progress', 'planned', 'unknown' as const),
  claimant: fc.constantFrom(null, 'USA', 'KOR', 'UKR'),
  reported_by: fc.subarray(['AFP', 'afp ', 'Reuters', 'Yonhap']),
  items: fc.constantFrom(['rocket'], ['artillery_shell'], ['rocket', 'artillery_shell'], ['shell']),
  instrument: fc.constantFrom(null, 'rail', 'ship'),
  event_date: fc.constantFrom(null, '2022-09', '2022-09-03', '2022-09-30'),
  evidence: fc.integer({ min: 0, max: 30 }),
  confidence: fc.constantFrom(0.5, 0.7, 0.9),
  flags: fc.subarray([
    flag('un.1718.arms', 'possible', 'possible arms'),
    flag('un.1718.arms', 'definite', 'definite arms'),
    flag('eu.833', 'possible', 'eu possible'),
    flag('eu.833', 'definite', 'eu definite'),
    flag('stated', 'definite', 'stated'),
  ]),
});

/** An article: its facts and 1-3 claims in the cluster. */
const articleArb = fc.record({
  outlet: fc.constantFrom(null, 'a.example', 'www.A.example', 'b.example', 'c.example'),
  story_id: fc.constantFrom(null, 'story-1', 'story-2'),
  language: fc.constantFrom(null, 'en', 'ru', 'ko'),
  seen_at: fc.constantFrom(
    '2022-09-07T01:00:00.000Z',
    '2022-09-08T01:00:00.000Z',
    '2022-10-01T00:00:00.000Z',
  ),
  claims: fc.array(claimArb, { minLength: 1, maxLength: 3 }),
});

type ArticleCase = typeof articleArb extends fc.Arbitrary<infer T> ? T : never;

function membersOf(articles: ArticleCase[], claimIds: string[]): ClaimRecord[][] {
  let next = 0;
  return articles.map((article, a) =>
    article.claims.map((claim) => {
      const claim_id = claimIds[next++];
      return makeClaimRecord({
        claim_id,
        article_id: `article-${a}`,
        cluster_id: clusterId,
        outlet: article.outlet,
        story_id: article.story_id,
        language: article.language,
        seen_at: article.seen_at,
        published_at: '2022-09-07T00:47:00Z',
        source: claim.source,
        source_country: 'PRK',
        target: 'RUS',
        target_country: 'RUS',
        modality: claim.modality,
        status: claim.status,
        claimant: claim.claimant,
        reported_by: claim.reported_by,
        items: [...claim.items],
        instrument: claim.instrument,
        event_date: claim.event_date,
        evidence: { text: `Sentence ${claim.evidence}.`, start: 0, end: 12 },
        confidence: claim.confidence,
        sanctions: {
          relevant: claim.flags.length > 0,
          instruments: [],
          flags: claim.flags,
        },
      });
    }),
  );
}

describe(ClusterViewMerger.name, () => {
  const sut = new ClusterViewMerger();
  const views = new ClusterViewFactory();

  describe('merge', () => {
    it('should give the same view as building the cluster from all its members, however articles arrive', () => {
      fc.assert(
        fc.property(
          fc.array(articleArb, { minLength: 1, maxLength: 30 }),
          fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}$/), { minLength: 90, maxLength: 90 }),
          fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 10 }),
          (articles, claimIds, chunkSizes) => {
            const perArticle = membersOf(articles, claimIds);
            const full = views.build(perArticle.flat());

            // Articles arrive in chunks (one transaction each); the first chunk builds, later ones merge.
            let view: ClusterView | null = null;
            let at = 0;
            for (let i = 0; at < perArticle.length; i += 1) {
              const size = chunkSizes[i % chunkSizes.length];
              const chunk = perArticle.slice(at, at + size).flat();
              at += size;
              view = view ? sut.merge(view, chunk) : views.build(chunk);
            }

            expect(view).toEqual(full);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('should count wire copies of one agency as one independent source', () => {
      const first = views.build([
        makeClaimRecord({
          cluster_id: clusterId,
          claim_id: 'c1',
          article_id: 'x1',
          outlet: 'a.example',
          reported_by: ['AFP'],
        }),
      ]);
      const merged = sut.merge(first!, [
        makeClaimRecord({
          cluster_id: clusterId,
          claim_id: 'c2',
          article_id: 'x2',
          outlet: 'b.example',
          reported_by: ['AFP'],
        }),
        makeClaimRecord({ cluster_id: clusterId, claim_id: 'c3', article_id: 'x3', outlet: 'c.example' }),
      ]);
      expect(merged.summary).toMatchObject({
        article_count: 3,
        outlet_count: 3,
        independent_source_count: 2,
      });
    });

    it('should refuse a member of another cluster', () => {
      const first = views.build([makeClaimRecord({ cluster_id: clusterId, claim_id: 'c1' })]);
      expect(() => sut.merge(first!, [makeClaimRecord({ cluster_id: 'cl-other', claim_id: 'c2' })])).toThrow(
        /CLUSTER.MIXED_MEMBERS/,
      );
    });
  });
});
