import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { extractionDataDir } from '../data-path';
import { LexiconSpec } from './claim-lexicon';

/** The claim lexicons of every language (libs/extraction/data/claims/<lang>.json). */
const lexicons = readdirSync(join(extractionDataDir(), 'claims'))
  .filter((f) => /^[a-z]{2}\.json$/.test(f))
  .map(
    (f) =>
      [f, JSON.parse(readFileSync(join(extractionDataDir(), 'claims', f), 'utf8')) as LexiconSpec] as const,
  );

describe('claim lexicons', () => {
  it('should have a lexicon for each of the main languages', () => {
    expect(lexicons.map(([f]) => f)).toEqual(
      expect.arrayContaining(['en.json', 'id.json', 'fr.json', 'es.json']),
    );
  });

  // A strict verb only narrows where a speech verb speaks: one missing from the verbs never speaks at all
  // ("found" and "adds" were such dead entries in English).
  it.each(lexicons)('%s: every strict speech verb should be a speech verb', (_file, spec) => {
    const verbs = new Set(spec.attribution.verbs);
    expect((spec.attribution.strict ?? []).filter((v) => !verbs.has(v))).toEqual([]);
  });

  it.each(lexicons)('%s: every trigger group should have patterns', (_file, spec) => {
    expect(spec.triggers.filter((g) => !g.patterns.length)).toEqual([]);
  });
});
