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

    it.each([
      ['Tuesday, November 5, 2024 — 4:45 p.m. (MMT)', '2024-11-05T16:45:00+06:30'],
      ['Posted : 2025-08-21 15:00 KST | Updated : 2025-08-21 16:12 KST', '2025-08-21T15:00:00+09:00'],
      ['Published 2025-02-09 14:05 GMT', '2025-02-09T14:05:00+00:00'],
      ['July 18, 2025 at 5:50 pm SAST', '2025-07-18T17:50:00+02:00'],
      ['Thursday, June 12, 2025 8:30 AM EAT', '2025-06-12T08:30:00+03:00'],
      ['Stand: 14.10.2025, 17:20 Uhr (MESZ)', '2025-10-14T17:20:00+02:00'],
      ['Montag, 13. Januar 2025, 08:00 Uhr MEZ', '2025-01-13T08:00:00+01:00'],
      ['11.06.2025 - 14:40 TSİ', '2025-06-11T14:40:00+03:00'],
      ['3 July 2025 09:10 (GMT+7)', '2025-07-03T09:10:00+07:00'],
      ['3 July 2025 21:10 GMT-3', '2025-07-03T21:10:00-03:00'],
      ['3 July 2025, 10:05 +05:30', '2025-07-03T10:05:00+05:30'],
      ['Senin, 3 Maret 2025 14:00 WITA', '2025-03-03T14:00:00+08:00'],
      ['Senin, 3 Maret 2025 14:00 WIT', '2025-03-03T14:00:00+09:00'],
      ['Friday 4 April 2025, 6:15 pm AEST', '2025-04-04T18:15:00+10:00'],
      ['Friday 4 April 2025, 6:15 pm PHT', '2025-04-04T18:15:00+08:00'],
      ['Friday 4 April 2025, 6:15 pm NZST', '2025-04-04T18:15:00+12:00'],
      // Zones named by a city: the offset follows the city's daylight-saving rules on that day.
      ['28/04/2025 à 21:30 (heure de Paris)', '2025-04-28T21:30:00+02:00'],
      ['13/02/2025 à 18:05 (heure de Paris)', '2025-02-13T18:05:00+01:00'],
      ['Jueves 7 de agosto de 2025 · 22:15 (hora de La Paz)', '2025-08-07T22:15:00-04:00'],
      ['08/01/2025 às 10h30 (horário de Brasília)', '2025-01-08T10:30:00-03:00'],
      ['5 de marzo de 2025, 09:00 (hora peninsular)', '2025-03-05T09:00:00+01:00'],
      ['الأربعاء 12 مارس 2025 - 10:30 صباحاً بتوقيت مكة المكرمة', '2025-03-12T10:30:00+03:00'],
      ['الخميس 13 مارس 2025 - 9:15 مساءً بتوقيت القاهرة', '2025-03-13T21:15:00+02:00'],
      ['12 марта 2025, 10:15 по московскому времени', '2025-03-12T10:15:00+03:00'],
      ['March 12, 2025, 10:15 Moscow time', '2025-03-12T10:15:00+03:00'],
      ['Wednesday, March 12, 2025 10:15 a.m. ET', '2025-03-12T10:15:00-04:00'],
      // Japanese, Chinese and Korean forms; full-width digits.
      ['2025年3月4日 18時30分', '2025-03-04T18:30:00'],
      ['２０２５年３月４日 午後６時３０分', '2025-03-04T18:30:00'],
      ['2025年3月4日 18:30 北京时间', '2025-03-04T18:30:00+08:00'],
      ['2025년 3월 4일 오후 6시 30분', '2025-03-04T18:30:00'],
    ])('should read the date line "%s" as %s', (text, expected) => {
      expect(iso(text)).toBe(expected);
    });

    it('should read an abbreviation several zones share by the hint zone, else as the usual one', () => {
      const at = (text: string, hintZone: string | null): string | null => {
        const p = parseDateText(text, { dayFirst: false, hintZone });
        return p ? formatDateParts(p) : null;
      };
      expect(at('November 3, 2025, 09:45 IST', null)).toBe('2025-11-03T09:45:00+05:30');
      expect(at('November 3, 2025, 09:45 IST', 'Asia/Jerusalem')).toBe('2025-11-03T09:45:00+02:00');
      expect(at('June 3, 2025, 09:45 IST', 'Europe/Dublin')).toBe('2025-06-03T09:45:00+01:00');
      expect(at('June 3, 2025 10:00 CST', null)).toBe('2025-06-03T10:00:00-06:00');
      expect(at('June 3, 2025 10:00 CST', 'Asia/Taipei')).toBe('2025-06-03T10:00:00+08:00');
      expect(at('June 3, 2025 10:00 AST', 'Asia/Riyadh')).toBe('2025-06-03T10:00:00+03:00');
      expect(at('June 3, 2025 10:00 AST', 'America/Puerto_Rico')).toBe('2025-06-03T10:00:00-04:00');
      // A stated offset beats the abbreviation beside it.
      expect(at('Published 08.10.2025, 21:40 (AST, GMT+3)', 'America/Puerto_Rico')).toBe(
        '2025-10-08T21:40:00+03:00',
      );
    });

    it('should read dotted numeric dates day first even in English', () => {
      expect(iso('04.12.2024 16:10 (MSK)', false)).toBe('2024-12-04T16:10:00+03:00');
      expect(iso('04/12/2024', false)).toBe('2024-04-12');
    });

    it('should not take capitalised words of a date line for zones', () => {
      expect(iso('PT Pindad, 3 Maret 2025 pukul 10.00')).toBe('2025-03-03T10:00:00');
      expect(iso('March 3, 2025 10:00 GETS')).toBe('2025-03-03T10:00:00');
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

    it('should read a time written with h right after the date, and only there', () => {
      expect(iso('12/09/2025 16h20 · Atualizado há 2 horas')).toBe('2025-09-12T16:20:00');
      expect(iso('12 septembre 2025 - 8h05')).toBe('2025-09-12T08:05:00');
      expect(iso('12 septembre 2025, débat de 2h30')).toBe('2025-09-12');
    });
  });
});
