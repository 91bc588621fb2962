import { TimelineQueryBuilder } from './timeline-query.builder';
import { TimelineFilter } from './timeline.query';

const base: TimelineFilter = { actorId: 'RUS', role: 'any', dateField: 'event' };

describe(TimelineQueryBuilder.name, () => {
  const sut = new TimelineQueryBuilder();

  describe('clusters', () => {
    it('should match the actor in either role when no counterpart is given', () => {
      expect(sut.clusters(base)).toEqual({
        bool: { filter: [{ term: { actors: 'RUS' } }, { range: { claim_count: { gte: 1 } } }], must: [] },
      });
    });

    it('should match a counterpart in both directions for role any', () => {
      const query = sut.clusters({ ...base, counterpart: 'IRN' });
      expect(JSON.stringify(query)).toContain('"source_ids":"IRN"');
      expect(JSON.stringify(query)).toContain('"target_ids":"IRN"');
    });

    it('should pin the roles when role is source', () => {
      const query = sut.clusters({ ...base, role: 'source', counterpart: 'IRN' });
      expect(query.bool?.filter).toEqual([
        { term: { source_ids: 'RUS' } },
        { term: { target_ids: 'IRN' } },
        { range: { claim_count: { gte: 1 } } },
      ]);
    });

    it('should add every given filter', () => {
      const query = sut.clusters({
        ...base,
        types: ['arms_transfer'],
        statuses: ['completed'],
        modalities: ['denied'],
        languages: ['id'],
        sanctionsRelevantOnly: true,
        minIndependentSources: 2,
        from: '2022-01-01',
        to: '2022-12-31',
        dateField: 'first_seen',
        q: 'drone',
      });
      const text = JSON.stringify(query);
      for (const part of [
        '{"terms":{"type":["arms_transfer"]}}',
        '{"terms":{"status":["completed"]}}',
        '{"terms":{"modalities":["denied"]}}',
        '{"terms":{"languages":["id"]}}',
        '{"term":{"sanctions.relevant":true}}',
        '{"range":{"independent_source_count":{"gte":2}}}',
        '{"range":{"first_seen":{"gte":"2022-01-01","lte":"2022-12-31"}}}',
        '"query":"drone"',
      ]) {
        expect(text).toContain(part);
      }
    });
  });

  describe('claimsAsOf', () => {
    it('should keep claims recorded by then and not replaced before', () => {
      const text = JSON.stringify(sut.claimsAsOf({ ...base, asOf: '2024-01-01T00:00:00Z' }));
      expect(text).toContain('{"range":{"recorded_at":{"lte":"2024-01-01T00:00:00Z"}}}');
      expect(text).toContain('{"range":{"superseded_at":{"gt":"2024-01-01T00:00:00Z"}}}');
    });

    it('should leave out claims an analyst marked wrong', () => {
      const query = sut.claimsAsOf({ ...base, asOf: '2024-01-01T00:00:00Z' });
      expect(query.bool?.must_not).toEqual([{ term: { curation: 'wrong' } }]);
    });
  });

  describe('sort', () => {
    it('should sort by the chosen date then id', () => {
      expect(sut.sort({ ...base, dateField: 'first_seen' }, 'desc')).toEqual([
        { first_seen: { order: 'desc' } },
        { id: { order: 'desc' } },
      ]);
    });
  });
});
