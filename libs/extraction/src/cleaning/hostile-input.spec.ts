import { CleanedArticle } from '../model';
import { findDatePhrases } from '../temporal/find-date-phrases';
import { resolveEventDate } from '../temporal/resolve-event-date';
import { splitSentences } from '../text/split-sentences';
import { cleanArticle } from './clean-article';

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/;
const ISO_OR_NULL = /^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2})?)?)?$/;
const EVENT_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Offsets that break `text.slice(start, end) === sentence` or overlap; checked without per-item expects. */
function badSentences(text: string, language: string): string[] {
  const bad: string[] = [];
  let last = 0;
  for (const s of splitSentences(text, language)) {
    if (s.start < last || s.end <= s.start || s.end > text.length || text.slice(s.start, s.end) !== s.text) {
      bad.push(`${s.index}: ${s.start}-${s.end}`);
    }
    last = s.end;
  }
  return bad;
}

/** The invariants every cleaned article keeps, whatever the input. */
function expectSane(out: CleanedArticle): void {
  expect(typeof out.text).toBe('string');
  expect(INVISIBLE.test(out.text)).toBe(false);
  expect(out.text === out.text.normalize('NFC')).toBe(true);
  expect(typeof out.language).toBe('string');
  if (out.publishedAt !== null) expect(out.publishedAt).toMatch(ISO_OR_NULL);
  expect(badSentences(out.text, out.language)).toEqual([]);
}

describe(cleanArticle.name, () => {
  describe('cleanArticle (hostile input)', () => {
    it('should return an empty body for empty and blank input', () => {
      for (const raw of ['', ' ', '\n\n\n', '\u200B\uFEFF']) {
        const out = cleanArticle({ id: 'e', raw });
        expect(out.text).toBe('');
        expect(out.language).toBe('und');
        expectSane(out);
      }
    });

    it('should survive a raw value that is not a string', () => {
      const out = cleanArticle({ id: 'n', raw: null as unknown as string });
      expect(out.text).toBe('');
    });

    it('should handle 5 MB of junk', () => {
      const bytes = Buffer.alloc(5_000_000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = i % 97 === 0 ? 10 : 33 + ((i * 7919) % 90);
      const junk = bytes.toString('latin1');
      expectSane(cleanArticle({ id: 'j', raw: junk }));
    });

    it('should keep replacement characters from invalid UTF-8 and drop control characters', () => {
      const raw = new TextDecoder('utf-8').decode(
        Buffer.from([0x54, 0x68, 0x65, 0x20, 0xff, 0xfe, 0x20, 0xc3, 0x28, 0x00, 0x07, 0x2e]),
      );
      const out = cleanArticle({
        id: 'u',
        raw: `${raw} The envoy met the minister on Monday in the capital.`,
      });
      expect(out.text).toContain('\uFFFD');
      expect([...out.text].some((c) => c.charCodeAt(0) < 9)).toBe(false);
      expectSane(out);
    });

    it('should read 10,000 nested divs without a stack overflow', () => {
      const p =
        '<p>The ministry said the ship arrived at the port after a long delay caused by bad weather.</p>';
      const raw = `<html><body>${'<div>'.repeat(10_000)}${p}${'</div>'.repeat(10_000)}</body></html>`;
      const out = cleanArticle({ id: 'd', raw });
      expect(out.text).toBe(
        'The ministry said the ship arrived at the port after a long delay caused by bad weather.',
      );
    });

    it('should read 1,000 unclosed nested elements', () => {
      const raw = `<html><body>${'<div><span>'.repeat(1000)}<p>The ministry said the ship arrived at the port on Monday.</p>`;
      expect(cleanArticle({ id: 'u', raw }).text).toBe(
        'The ministry said the ship arrived at the port on Monday.',
      );
    });

    it('should handle a 200,000-character line', () => {
      const raw = 'The ministry said the ship arrived at the port. '.repeat(4200).slice(0, 200_000);
      const out = cleanArticle({ id: 'l', raw });
      expect(out.text.length).toBeGreaterThan(190_000);
      expectSane(out);
      expect(splitSentences(out.text, 'en').length).toBeGreaterThan(4000);
    });

    it('should strip zero-width characters inside names and keep homoglyphs', () => {
      const raw =
        'The envoy met Vla\u200Bdi\u200Cmir P\u0443tin (Cyrillic \u0443) and Kim Jong\u2060 Un on Monday.';
      const out = cleanArticle({ id: 'z', raw });
      expect(out.text).toBe('The envoy met Vladimir P\u0443tin (Cyrillic \u0443) and Kim Jong Un on Monday.');
    });

    it('should stay linear on unclosed comments, tags and markdown', () => {
      for (const raw of [
        '<!--'.repeat(200_000),
        '<'.repeat(1_000_000),
        '!['.repeat(100_000) + '](',
        '&#'.repeat(300_000),
      ]) {
        expectSane(cleanArticle({ id: 'x', raw }));
      }
    });
  });

  describe('cleanArticle (random input)', () => {
    // A small deterministic generator: the same inputs on every run.
    let state = 0x2545f491;
    const rand = (n: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % n;
    };
    const PIECES = [
      'the',
      'ministry',
      'said',
      'Korea Utara',
      'mengirim',
      'Пхеньян',
      'поставляет',
      '북한은',
      '포탄을',
      'روسيا',
      'Ιράν',
      '中国',
      '. ',
      ', ',
      '! ',
      '? ',
      '“',
      '”',
      '"',
      '(',
      ')',
      '/',
      '-',
      ' ',
      ' ',
      ' ',
      '\n',
      '\n\n',
      '\t',
      '<div>',
      '</div>',
      '<p>',
      '</p>',
      '<a href="x">',
      '</a>',
      '<br>',
      '<!--',
      '-->',
      '<script>',
      '</script>',
      '&amp;',
      '&#x200B;',
      '&nbsp;',
      '07 September 2022',
      '07:47 WIB',
      '(6/9)',
      'Selasa',
      'Tuesday',
      'Jan.',
      'U.S.',
      'dll.',
      '2023.12.16',
      '2023-09-15T04:47:42+03:00',
      'bulan lalu',
      'last month',
      'pada Agustus',
      '24 Februari',
      'Baca juga:',
      'ARTIKEL LAINNYA',
      'Share',
      'logo',
      'Foto: X/Net',
      'LAPORAN: ',
      'By ',
      '\u200B',
      '\u202E',
      '\uFEFF',
      '\u0301',
      '\uD83D\uDE00',
      '\uD800',
      '٢٠٢٣',
      '\u0000',
      '\r\n',
      '[x](http://y)',
    ];
    const randomInput = (): string => {
      const n = 1 + rand(300);
      let s = '';
      for (let i = 0; i < n; i++) s += PIECES[rand(PIECES.length)];
      return s;
    };

    it('should never throw and keep its invariants on 400 random inputs', () => {
      for (let i = 0; i < 400; i++) {
        const raw = randomInput();
        const out = cleanArticle({ id: String(i), raw });
        expectSane(out);
        for (const s of splitSentences(out.text, out.language).slice(0, 20)) {
          const value = resolveEventDate(s.text, '2022-09-07T07:47:00+07:00', out.language);
          if (value !== null) expect(value).toMatch(EVENT_DATE);
          for (const p of findDatePhrases(s.text, '2022-09-07', out.language)) {
            expect(s.text.slice(p.start, p.end)).toBe(p.text);
            expect(p.value).toMatch(EVENT_DATE);
          }
        }
      }
    });
  });
});
