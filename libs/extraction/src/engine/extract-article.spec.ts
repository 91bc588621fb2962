import { extractArticle } from './extract-article';
import { ENGINE_VERSION } from './engine-version';

/** The whole engine on a short English wire text written for this test. */
function run(body: string) {
  return extractArticle({
    id: 't',
    raw: `Test headline for the engine\n2025-03-04T10:00:00+00:00\n${body}`,
    language: 'en',
  });
}

describe(extractArticle.name, () => {
  describe('claims end to end', () => {
    it('should name the state of "U.S. intelligence officials said" as claimant', () => {
      const r = run('Russia has shipped artillery shells to North Korea, U.S. intelligence officials said.');
      const c = r.claims.find((x) => x.type === 'arms_transfer' && x.source === 'RUS' && x.target === 'PRK');
      expect(c).toMatchObject({ modality: 'assessed' });
      expect(c?.claimant).toMatch(/^(USA|usa\.)/);
      expect(r.engine_version).toBe(ENGINE_VERSION);
    });

    it('should not read an embassy abroad calling sanctions unlawful as sanctions on its host', () => {
      const r = run("Russia's embassy in Tokyo called the sanctions unlawful on Tuesday.");
      expect(r.claims.filter((x) => x.type === 'sanctions_imposed')).toEqual([]);
    });
  });
});
