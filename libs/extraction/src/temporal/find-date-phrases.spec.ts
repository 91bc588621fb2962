import fc from 'fast-check';
import { findDatePhrases, nearestDatePhrase, tokenize } from './find-date-phrases';

const PUB = '2022-09-07T07:47:00+07:00';

describe(findDatePhrases.name, () => {
  describe('findDatePhrases', () => {
    it('should give offsets that slice back to each phrase', () => {
      const s = 'Delegasi itu datang pada 8 Juni dan lagi pada Selasa (5/7), lalu sekali lagi bulan lalu.';
      const phrases = findDatePhrases(s, PUB, 'id');
      expect(phrases.map((p) => [p.text, p.value])).toEqual([
        ['8 Juni', '2022-06-08'],
        ['Selasa (5/7)', '2022-07-05'],
        ['bulan lalu', '2022-08'],
      ]);
      for (const p of phrases) expect(s.slice(p.start, p.end)).toBe(p.text);
    });

    it('should flag reporting dates, "since" dates and relative ones', () => {
      const [said] = findDatePhrases('Sullivan said on Saturday that the drones had arrived.', PUB, 'en');
      expect(said).toMatchObject({ text: 'Saturday', value: '2022-09-03', reporting: true, relative: true });
      const [since] = findDatePhrases('The two have cooperated since 2014.', PUB, 'en');
      expect(since).toMatchObject({ value: '2014', granularity: 'year', since: true });
    });

    it('should read Arabic-Indic digits', () => {
      const [p] = findDatePhrases('وصلت الطائرات في ١٥ سبتمبر ٢٠٢٢.', PUB, 'ar');
      expect(p).toMatchObject({ value: '2022-09-15', granularity: 'day' });
    });

    it('should read explicit numeric dates', () => {
      expect(findDatePhrases('Ukraina memutus hubungan pada Rabu (13/7/2022).', null, 'id')[0].value).toBe(
        '2022-07-13',
      );
      expect(findDatePhrases('The order was issued on 2023-09-15.', null, 'en')[0].value).toBe('2023-09-15');
      expect(findDatePhrases('회담은 2023년 9월 13일 열렸다.', null, 'ko')[0].value).toBe('2023-09-13');
    });
  });
});

describe(nearestDatePhrase.name, () => {
  describe('nearestDatePhrase', () => {
    const s =
      'Russia recognised the republics in February; months later, after long talks, Syria followed in late June.';

    it('should return the date phrase nearest to an offset', () => {
      expect(nearestDatePhrase(s, s.indexOf('recognised'), '2022-07-13', 'en')?.value).toBe('2022-02');
      expect(nearestDatePhrase(s, s.indexOf('followed'), '2022-07-13', 'en')?.value).toBe('2022-06');
    });

    it('should skip reporting dates unless asked for them', () => {
      const t = 'The navy seized the cargo, the command said Tuesday.';
      expect(nearestDatePhrase(t, 0, PUB, 'en')).toBeNull();
      expect(nearestDatePhrase(t, 0, PUB, 'en', { includeReporting: true })?.value).toBe('2022-09-06');
    });

    it('should return null for a sentence without dates', () => {
      expect(nearestDatePhrase('No date here.', 3, PUB, 'en')).toBeNull();
    });
  });
});

// Letters, digits (ASCII and not), joiners, spaces, punctuation, marks, surrogate pairs and lone halves.
const PIECES = [
  'a',
  'Z',
  '7',
  '٣',
  ' ',
  '\n',
  '\u00a0',
  '\u3000',
  ',',
  '.',
  '/',
  '-',
  "'",
  '’',
  'é',
  '\u0301',
  '중',
  '月',
  'я',
  '😀',
  '𝐀',
  '\ud83d',
  '\ude00',
];

describe(tokenize.name, () => {
  it('should give the tokens of the regex definition', () => {
    const reference = (s: string) =>
      [...s.matchAll(/\p{L}+(?:['’-]\p{L}+)*|\d+|[^\s\p{L}\d]/gu)].map((m) => ({
        t: m[0],
        l: m[0].toLowerCase(),
        s: m.index,
        e: m.index + m[0].length,
        num: m[0].charCodeAt(0) >= 48 && m[0].charCodeAt(0) <= 57,
      }));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join('')),
        (s) => {
          expect(tokenize(s)).toEqual(reference(s));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
