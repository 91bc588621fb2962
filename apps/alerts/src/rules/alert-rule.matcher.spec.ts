import { ClusterFacts, escalationsOf, matchesFilter } from './alert-rule.matcher';

const cluster = (overrides: Partial<ClusterFacts> = {}): ClusterFacts => ({
  type: 'arms_transfer',
  actors: ['PRK', 'RUS'],
  modality: 'alleged',
  status: 'in_progress',
  outletCount: 1,
  languages: ['id'],
  evidence: ['Pyongyang shipped artillery shells to Moscow, officials said.'],
  sanctionsRelevant: true,
  ...overrides,
});

describe('alert rule matcher', () => {
  describe(matchesFilter.name, () => {
    it('should match everything with an empty filter', () => {
      expect(matchesFilter({}, cluster())).toBe(true);
    });

    it('should require one of actors_any and all of actors_all', () => {
      expect(matchesFilter({ actors_any: ['IRN', 'PRK'] }, cluster())).toBe(true);
      expect(matchesFilter({ actors_all: ['PRK', 'IRN'] }, cluster())).toBe(false);
    });

    it('should require the counterpart among the actors', () => {
      expect(matchesFilter({ counterpart: 'RUS' }, cluster())).toBe(true);
      expect(matchesFilter({ counterpart: 'CHN' }, cluster())).toBe(false);
    });

    it('should refuse a cluster below the minimum modality', () => {
      expect(matchesFilter({ min_modality: 'assessed' }, cluster())).toBe(false);
      expect(matchesFilter({ min_modality: 'assessed' }, cluster({ modality: 'asserted' }))).toBe(true);
    });

    it('should filter on sanctions, outlets, languages, types and keywords', () => {
      expect(matchesFilter({ sanctions_only: true }, cluster({ sanctionsRelevant: false }))).toBe(false);
      expect(matchesFilter({ min_outlets: 2 }, cluster())).toBe(false);
      expect(matchesFilter({ languages: ['en'] }, cluster())).toBe(false);
      expect(matchesFilter({ claim_types: ['labor_export'] }, cluster())).toBe(false);
      expect(matchesFilter({ keywords: ['SHELLS'] }, cluster())).toBe(true);
      expect(matchesFilter({ keywords: ['drone'] }, cluster())).toBe(false);
    });
  });

  describe(escalationsOf.name, () => {
    const first = { outlet_count: 1, modality: 'alleged', status: 'in_progress' };

    it('should fire when the cluster reaches the outlet count, at that level', () => {
      expect(escalationsOf({ outlets_reach: 2 }, first, cluster({ outletCount: 3 }))).toEqual([
        { trigger: 'outlets', level: 2 },
      ]);
    });

    it('should fire when modality rises to asserted and status moves to completed', () => {
      const now = cluster({ modality: 'asserted', status: 'completed' });

      expect(escalationsOf({ modality_asserted: true, status_completed: true }, first, now)).toEqual([
        { trigger: 'modality_asserted', level: 1 },
        { trigger: 'status_completed', level: 1 },
      ]);
    });

    it('should not fire for escalations the rule does not ask for', () => {
      expect(escalationsOf({}, first, cluster({ outletCount: 5, modality: 'asserted' }))).toEqual([]);
    });
  });
});
