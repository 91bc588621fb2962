import { formatDateParts, parseDateText } from './parse-date-text';

const iso = (s: string, dayFirst = true): string | null => {
  const p = parseDateText(s, { dayFirst });
  return p ? formatDateParts(p) : null;
};

describe(parseDateText.name, () => {
  describe('parseDateText', () => {
    it.each([
      ['  • Rabu, 07 September 2022, 07:47 WIB', '2022-09-07T07:47:00+07:00'],
      ['Kamis, 14/09/2023 10:20 WITA', '2023-09-14T10:20:00+08:00'],
      ['Jumat, 1 Desember 2023 | 08:00 WIT', '2023-12-01T08:00:00+09:00'],
      ['29 Oktober 2024 | 19.00 WIB', '2024-10-29T19:00:00+07:00'],
      ['Selasa, 6 September 2022 pukul 21.15', '2022-09-06T21:15:00'],
      ['Politics 2023-09-15T04:47:42+03:00', '2023-09-15T04:47:42+03:00'],
      ['2024-01-16T10:00:00Z', '2024-01-16T10:00:00+00:00'],
      ['Published 3:04 PM EDT, Tue September 13, 2022', '2022-09-13T15:04:00-04:00'],
      ['Updated Jan. 5, 2024 10:00 a.m. ET', '2024-01-05T10:00:00-05:00'],
      ['July 4, 2023 3:04 PM ET', '2023-07-04T15:04:00-04:00'],
      ['March 3, 2024, 9:15 GMT', '2024-03-03T09:15:00+00:00'],
      ['12 June 2023 14:00 CET', '2023-06-12T14:00:00+01:00'],
      ['12 June 2023 14:00 UTC+3', '2023-06-12T14:00:00+03:00'],
      ['7 сентября 2022, 10:15 МСК', '2022-09-07T10:15:00+03:00'],
      ['2023년 12월 16일 10:15 KST', '2023-12-16T10:15:00+09:00'],
      ['le 13 septembre 2023 à 14h05', '2023-09-13T14:05:00'],
      ['7 de septiembre de 2022', '2022-09-07'],
      ['7. September 2022', '2022-09-07'],
      ['February 1, 2023 - 18:59', '2023-02-01T18:59:00'],
      ['Jan 16, 2024 - Politics & Policy', '2024-01-16'],
      ['2023.12.16', '2023-12-16'],
      ['١٥ سبتمبر ٢٠٢٣', '2023-09-15'],
      ['۱۴۰۲/۰۶/۲۴', null],
      ['Rabu, 13 Juli 2022', '2022-07-13'],
      ['Sept. 13, 2022', '2022-09-13'],
      ['September 2017', '2017-09'],
    ])('should read "%s" as %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });

    it('should read ambiguous numeric dates day first, or month first for English', () => {
      expect(iso('03/04/2023', true)).toBe('2023-04-03');
      expect(iso('03/04/2023', false)).toBe('2023-03-04');
      expect(iso('13/04/2023', false)).toBe('2023-04-13');
    });

    it('should return null for text without a full date', () => {
      expect(iso('Minsk, June 11 (EFE)')).toBeNull();
      expect(iso('131.000 tons of ammunition')).toBeNull();
      expect(iso('31 February 2023')).toBeNull();
      expect(iso('')).toBeNull();
    });

    it('should not take a number with a dot for a time without a zone or label', () => {
      expect(iso('7 September 2022 sebanyak 19.00 ton')).toBe('2022-09-07');
    });
  });
});
