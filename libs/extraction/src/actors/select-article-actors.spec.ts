import { ArticleActor, CleanedArticle, Claim } from '../model';
import { recognizeActors } from './recognize-actors';
import { selectArticleActors } from './select-article-actors';

const article = (text: string, language = 'en', title: string | null = null): CleanedArticle => ({
  title,
  author: null,
  publishedAt: null,
  language,
  text,
});
const actorsOf = (a: CleanedArticle, claims: Claim[] = []): ArticleActor[] =>
  selectArticleActors(recognizeActors(a, []), [], a, claims);
const idsOf = (text: string, language = 'en'): string[] =>
  actorsOf(article(text, language))
    .map((a) => a.id)
    .sort();

const claim = (source: string, target: string): Claim => ({
  type: 'labor_export',
  source,
  target,
  status: 'unknown',
  modality: 'asserted',
  claimant: null,
  reported_by: [],
  items: [],
  quantity: null,
  instrument: null,
  event_date: null,
  evidence: { text: '', start: 0, end: 0 },
  confidence: 0.5,
});

describe(selectArticleActors.name, () => {
  describe('what counts as an actor', () => {
    it('should leave out national teams of a sport story but keep its claim parties', () => {
      const text =
        'Chile beat Peru 2-1 in a World Cup qualifier. The striker scored twice before 40,000 fans in the stadium.';
      expect(idsOf(text)).toEqual([]);
      expect(
        actorsOf(article(text), [claim('CHL', 'PER')])
          .map((a) => a.id)
          .sort(),
      ).toEqual(['CHL', 'PER']);
      expect(
        idsOf('Timnas Jepang mengalahkan Korea Selatan dalam pertandingan kualifikasi Piala Dunia.', 'id'),
      ).toEqual([]);
    });

    it('should keep states in a story with one sport word', () => {
      expect(idsOf('Chile and Peru signed a trade deal before the football match.')).toEqual(['CHL', 'PER']);
    });

    it('should leave out a bare location', () => {
      expect(idsOf('Talks between Iran and Russia were held in Paris.')).toEqual(['IRN', 'RUS']);
      expect(idsOf('Rusia dan Iran bertemu di Jakarta.', 'id')).toEqual(['IRN', 'RUS']);
    });

    it('should leave out a dateline', () => {
      expect(idsOf('SEOUL, July 2 (Yonhap) -- North Korea fired a missile.')).toEqual(['PRK']);
    });

    it('should keep a party to a named war', () => {
      expect(idsOf('Moscow needs more shells for the war in Ukraine.')).toEqual(['RUS', 'UKR']);
    });

    it('should leave out a nationality and an outlet’s country', () => {
      expect(idsOf('Russia hires Vietnamese workers, the British Times reports.')).toEqual(['RUS']);
    });

    it('should never output bodies the contract does not score', () => {
      expect(idsOf('ASEAN ministers met China’s envoy.')).toEqual(['CHN']);
    });

    it('should add the parties of the claims even when the text names them only as places', () => {
      const a = article('North Korean IT workers operate in China.');
      expect(actorsOf(a).map((x) => x.id)).toEqual(['PRK']);
      expect(
        actorsOf(a, [claim('PRK', 'CHN')])
          .map((x) => x.id)
          .sort(),
      ).toEqual(['CHN', 'PRK']);
    });

    it('should add a claim party the text names as where weapons arrived', () => {
      const a = article('Two Egyptian aircraft carrying weapons arrived in Mogadishu on Monday.');
      expect(actorsOf(a).map((x) => x.id)).toEqual(['EGY']);
      expect(
        actorsOf(a, [claim('EGY', 'SOM')])
          .map((x) => x.id)
          .sort(),
      ).toEqual(['EGY', 'SOM']);
    });

    it('should not add a claim party the text names only as a border or a nationality', () => {
      const a = article('Ammunition went to North Ossetia, near the Georgian border, Russia said.');
      expect(actorsOf(a, [claim('GEO', 'RUS')]).map((x) => x.id)).toEqual(['RUS']);
    });

    it('should count an actor named only in the headline', () => {
      const a = article('The drones arrived in Russia last month.', 'en', 'Iran sends drones');
      expect(actorsOf(a)).toContainEqual({ id: 'IRN', mentions: 1, name: 'Iran', kind: 'state' });
    });
  });

  describe('output', () => {
    it('should give each actor its mention count, name, kind and country, most mentioned first', () => {
      const out = actorsOf(article('The Pentagon said Iran sent drones. Iran denied it. Pat Ryder spoke.'));
      expect(out).toEqual([
        { id: 'IRN', mentions: 2, name: 'Iran', kind: 'state' },
        { id: 'usa.dod', mentions: 1, name: 'U.S. Department of Defense', kind: 'agency', country: 'USA' },
        { id: 'person.pat-ryder', mentions: 1, name: 'Pat Ryder', kind: 'person', country: 'USA' },
      ]);
    });
  });
});
