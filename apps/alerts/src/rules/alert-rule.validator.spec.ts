import { reasonsRuleCannotMatch } from './alert-rule.validator';

describe('alert rule validator', () => {
  describe(reasonsRuleCannotMatch.name, () => {
    it('should accept known actor ids, raw or country-level', () => {
      expect(reasonsRuleCannotMatch({ actors_any: ['PRK', 'usa.dod'], counterpart: 'RUS' })).toEqual([]);
    });

    it('should name an unknown actor id', () => {
      expect(reasonsRuleCannotMatch({ actors_all: ['PRK', 'XX.NOBODY'] })).toEqual([
        "unknown actor id 'XX.NOBODY': no claim can ever name it",
      ]);
    });

    it('should refuse an empty claim type list', () => {
      expect(reasonsRuleCannotMatch({ claim_types: [] })[0]).toContain('claim_types is empty');
    });
  });
});
