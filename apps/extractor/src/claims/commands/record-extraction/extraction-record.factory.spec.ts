import { Claim, ExtractionResult } from '@sitrep/extraction';
import { claimIdOf, ExtractionRecordFactory, foldFromActors } from './extraction-record.factory';

function claim(overrides: Partial<Claim>): Claim {
  return {
    type: 'arms_transfer',
    source: 'PRK',
    target: 'RUS',
    status: 'in_progress',
    modality: 'assessed',
    claimant: 'usa.dod',
    reported_by: ['AFP'],
    items: ['rocket'],
    quantity: null,
    instrument: null,
    event_date: null,
    evidence: { text: 'A sentence written for this test.', start: 10, end: 43 },
    confidence: 0.9,
    ...overrides,
  };
}

function result(claims: Claim[]): ExtractionResult {
  return {
    id: 'a-1',
    language: 'id',
    published_at: '2022-09-07T07:47:00+07:00',
    title: 'A title',
    author: null,
    actors: [
      { id: 'PRK', mentions: 3, kind: 'state' },
      { id: 'RUS', mentions: 2, kind: 'state' },
      { id: 'usa.dod', mentions: 1, kind: 'agency', country: 'USA' },
      { id: 'ukr.dpr', mentions: 1, kind: 'entity', country: 'UKR' },
    ],
    claims,
    text: 'irrelevant',
    engine_version: '9.9.9',
  };
}

const article = {
  id: '7d0a4f8e-1111-4222-8333-944455556666',
  url: 'https://news.example/a',
  outlet: 'news.example',
  story_id: 'story-1',
  seen_at: '2022-09-07T01:00:00.000Z',
  published_at: null,
};

describe(ExtractionRecordFactory.name, () => {
  const sut = new ExtractionRecordFactory();

  describe('build', () => {
    it('should give claims stable ids, their cluster and their sanctions flags', () => {
      const records = sut.build(article, result([claim({})]), 1, new Date('2026-01-01T00:00:00Z'));
      const [stored] = records.claims;
      expect(stored.claim_id).toBe(claimIdOf(article.id, '9.9.9', 0));
      expect(stored.claim_id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(stored.cluster_id).toMatch(/^cl-/);
      expect(stored.sanctions.relevant).toBe(true);
      expect(stored.sanctions.instruments).toContain('UNSCR 1718');
      expect(stored).toMatchObject({
        language: 'id',
        outlet: 'news.example',
        story_id: 'story-1',
        version: 1,
      });
      expect(records.extraction).toMatchObject({ engine_version: '9.9.9', claim_count: 1, revision: 1 });
      expect(records.actors).toHaveLength(4);
    });

    it('should give the same ids on a replay', () => {
      const first = sut.build(article, result([claim({}), claim({ type: 'labor_export' })]), 1, new Date());
      const again = sut.build(article, result([claim({}), claim({ type: 'labor_export' })]), 1, new Date());
      expect(again.claims.map((c) => [c.claim_id, c.cluster_id])).toEqual(
        first.claims.map((c) => [c.claim_id, c.cluster_id]),
      );
    });

    it('should use the publication date the engine found for the undated claim period', () => {
      const records = sut.build(article, result([claim({})]), 1, new Date());
      expect(records.claims[0].published_at).toBe('2022-09-07T07:47:00+07:00');
    });

    it('should not store a month-only publication date in the timestamp columns', () => {
      const monthOnly = { ...result([claim({})]), published_at: '2024-04' };

      const records = sut.build(article, monthOnly, 1, new Date());
      const dated = sut.build(
        { ...article, published_at: '2024-04-12T08:00:00.000Z' },
        monthOnly,
        1,
        new Date(),
      );

      expect(records.claims[0].published_at).toBeNull();
      expect(records.extraction.published_at).toBeNull();
      expect(dated.claims[0].published_at).toBe('2024-04-12T08:00:00.000Z');
    });
  });
});

describe('foldFromActors', () => {
  it('should fold agencies to their state but keep separatist entities', () => {
    const fold = foldFromActors(result([]));
    expect(fold('usa.dod')).toBe('USA');
    expect(fold('ukr.dpr')).toBe('ukr.dpr');
    expect(fold('unknown.slug')).toBe('unknown.slug');
  });
});
