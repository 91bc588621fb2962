import { TimelineQueryBuilder } from './timeline-query.builder';
import type { ClusterDocument } from './timeline.documents';
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

  describe('as_of', () => {
    const asOf = '2024-01-01T00:00:00Z';

    it('should read the clusters unchanged since as_of with every filter of the current timeline', () => {
      const query = sut.clustersUnchangedSince({ ...base, asOf, types: ['arms_transfer'] });
      const text = JSON.stringify(query);
      expect(text).toContain('{"range":{"changed_at":{"lte":"2024-01-01T00:00:00Z"}}}');
      expect(text).toContain('{"terms":{"type":["arms_transfer"]}}');
      expect(text).toContain('{"term":{"actors":"RUS"}}');
    });

    it('should find the clusters that existed at as_of and changed after it, or predate the dates', () => {
      const text = JSON.stringify(
        sut.clustersChangedSince({ ...base, asOf, types: ['arms_transfer'], languages: ['ko'] }),
      );
      expect(text).toContain('{"range":{"recorded_from":{"lte":"2024-01-01T00:00:00Z"}}}');
      expect(text).toContain('{"range":{"changed_at":{"gt":"2024-01-01T00:00:00Z"}}}');
      expect(text).toContain('{"must_not":[{"exists":{"field":"changed_at"}}]}');
      // The type is the key's; the other filters apply to the regrouped clusters, not to the stored ones.
      expect(text).toContain('{"terms":{"type":["arms_transfer"]}}');
      expect(text).not.toContain('"ko"');
    });

    it('should keep claims of the given clusters recorded by then and not replaced before', () => {
      const text = JSON.stringify(sut.claimsAsOf(asOf, ['cl-1', 'cl-2']));
      expect(text).toContain('{"terms":{"cluster_id":["cl-1","cl-2"]}}');
      expect(text).toContain('{"range":{"recorded_at":{"lte":"2024-01-01T00:00:00Z"}}}');
      expect(text).toContain('{"range":{"superseded_at":{"gt":"2024-01-01T00:00:00Z"}}}');
    });

    it('should leave out claims an analyst marked wrong', () => {
      const query = sut.claimsAsOf(asOf, ['cl-1']);
      expect(query.bool?.must_not).toEqual([{ term: { curation: 'wrong' } }]);
    });
  });

  describe('matches', () => {
    const doc = {
      id: 'cl-1',
      type: 'arms_transfer',
      status: 'completed',
      actors: ['PRK', 'RUS'],
      source_ids: ['PRK'],
      target_ids: ['RUS'],
      claim_count: 2,
      modalities: ['asserted', 'denied'],
      languages: ['en', 'ko'],
      sanctions: { relevant: true, instruments: ['UNSCR 1718'], flags: [] },
      independent_source_count: 2,
      event_start: '2023-08-01',
      first_seen: '2023-09-02T10:00:00.000Z',
      evidence_text: ['North Korea shipped artillery shells to Russia.'],
      items: ['artillery_shell'],
      claimants: ['USA'],
      instruments: ['UNSCR 1718'],
    } as unknown as ClusterDocument;
    const prk: TimelineFilter = { actorId: 'PRK', role: 'any', dateField: 'event' };

    it('should apply the filters of the clusters query', () => {
      expect(sut.matches(doc, prk)).toBe(true);
      expect(sut.matches(doc, { ...prk, counterpart: 'RUS' })).toBe(true);
      expect(sut.matches(doc, { ...prk, role: 'target' })).toBe(false);
      expect(sut.matches(doc, { ...prk, actorId: 'IRN' })).toBe(false);
      expect(sut.matches(doc, { ...prk, types: ['labor_export'] })).toBe(false);
      expect(sut.matches(doc, { ...prk, modalities: ['denied'], languages: ['ko'] })).toBe(true);
      expect(sut.matches(doc, { ...prk, minIndependentSources: 3 })).toBe(false);
      expect(sut.matches(doc, { ...prk, from: '2023-01-01', to: '2023-12-31' })).toBe(true);
      expect(sut.matches(doc, { ...prk, from: '2024-01-01' })).toBe(false);
      expect(sut.matches(doc, { ...prk, dateField: 'first_seen', to: '2023-09-01' })).toBe(false);
      expect(sut.matches({ ...doc, claim_count: 0 }, prk)).toBe(false);
    });

    it('should match free text by word of the evidence or by a whole item', () => {
      expect(sut.matches(doc, { ...prk, q: 'Shells' })).toBe(true);
      expect(sut.matches(doc, { ...prk, q: 'artillery_shell' })).toBe(true);
      expect(sut.matches(doc, { ...prk, q: 'drones' })).toBe(false);
    });
  });

  describe('membersMatch', () => {
    const facts = {
      languages: ['en', 'ko'],
      modalities: ['asserted', 'denied'],
      relevant: true,
      supporting_statuses: ['planned', 'completed'],
      articles: [
        { article_id: 'a1', outlet: 'one.example', story_id: null, reported_by: ['AFP'] },
        { article_id: 'a2', outlet: 'two.example', story_id: null, reported_by: ['afp '] },
        { article_id: 'a3', outlet: 'three.example', story_id: null, reported_by: [] },
      ],
    };

    it('should tell the member filters as the cluster summary would', () => {
      expect(sut.membersMatch(facts, { ...base, statuses: ['completed'] })).toBe(true);
      expect(sut.membersMatch(facts, { ...base, statuses: ['planned'] })).toBe(false);
      expect(sut.membersMatch(facts, { ...base, modalities: ['denied'], languages: ['ko'] })).toBe(true);
      expect(sut.membersMatch(facts, { ...base, languages: ['ru'] })).toBe(false);
      expect(sut.membersMatch({ ...facts, relevant: false }, { ...base, sanctionsRelevantOnly: true })).toBe(
        false,
      );
      // a1 and a2 carry the same agency's wire: two independent sources, not three.
      expect(sut.membersMatch(facts, { ...base, minIndependentSources: 2 })).toBe(true);
      expect(sut.membersMatch(facts, { ...base, minIndependentSources: 3 })).toBe(false);
    });

    it('should pass a filter that is not asked whatever facts were left out for it', () => {
      const none = { languages: [], modalities: [], relevant: false, supporting_statuses: [], articles: [] };
      expect(sut.membersMatch({ ...none, languages: ['ko'] }, { ...base, languages: ['ko'] })).toBe(true);
      expect(sut.membersMatch(none, { ...base, languages: ['ko'] })).toBe(false);
    });
  });

  describe('memberFactsOf', () => {
    it('should ask only for the facts of the member filters given', () => {
      expect(TimelineQueryBuilder.memberFactsOf(base)).toEqual([]);
      expect(TimelineQueryBuilder.memberFactsOf({ ...base, minIndependentSources: 2 })).toEqual(['articles']);
      expect(
        TimelineQueryBuilder.memberFactsOf({
          ...base,
          statuses: ['completed'],
          languages: ['ko'],
          sanctionsRelevantOnly: true,
        }),
      ).toEqual(['supporting_statuses', 'languages', 'relevant']);
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
