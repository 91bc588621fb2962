import { findPublicationDate, normalizePublishedAt } from './find-publication-date';

const head = (...texts: string[]) => texts.map((text) => ({ text, body: false }));

describe(findPublicationDate.name, () => {
  describe('findPublicationDate', () => {
    it('should take the date line with the most detail', () => {
      const lines = head('Jakarta', 'Rabu, 07 September 2022', 'Rabu, 07 September 2022, 07:47 WIB');
      expect(findPublicationDate(lines, null, 'id')).toBe('2022-09-07T07:47:00+07:00');
    });

    it('should prefer the publication over the update line, and join a time standing on its own line', () => {
      const lines = head('Diperbarui 08 Sep 2022, 10:00 WIB', 'Diterbitkan 07 Sep 2022, 07:47 WIB');
      expect(findPublicationDate(lines, null, 'id')).toBe('2022-09-07T07:47:00+07:00');
      expect(findPublicationDate(head('Rabu, 07 September 2022', '07:47 WIB'), null, 'id')).toBe(
        '2022-09-07T07:47:00+07:00',
      );
    });

    it('should read a date opening the first body line ("date 2025-06-26 ...")', () => {
      const lines = [{ text: 'date 2025-06-26 North Korea has opened a resort.', body: true }];
      expect(findPublicationDate(lines, null, 'en')).toBe('2025-06-26');
    });

    it('should ignore dates inside body sentences', () => {
      const lines = [{ text: 'The war that began on February 24, 2022 goes on.', body: true }];
      expect(findPublicationDate(lines, null, 'en')).toBeNull();
    });

    it('should fall back to a date in the URL path', () => {
      expect(findPublicationDate([], 'https://www.example.com/2024/01/16/some-story', 'en')).toBe(
        '2024-01-16',
      );
      expect(findPublicationDate([], 'https://example.com/en/latest-news/2023-06-12/story/', 'en')).toBe(
        '2023-06-12',
      );
      expect(findPublicationDate([], 'https://example.es/mundo/20241023/story', 'es')).toBe('2024-10-23');
      expect(findPublicationDate([], 'http://example.com/2024/04/story/', 'en')).toBe('2024-04');
      expect(findPublicationDate([], 'https://example.com/news/12345', 'en')).toBeNull();
    });

    it('should keep a time without a zone local when neither the language nor a dateline gives one', () => {
      expect(findPublicationDate(head('February 1, 2023 - 18:59'), null, 'en')).toBe('2023-02-01T18:59:00');
      expect(findPublicationDate(head('1 de febrero de 2023 - 18:59'), null, 'es')).toBe(
        '2023-02-01T18:59:00',
      );
    });

    it("should give a time without a zone the zone of the page's language", () => {
      expect(findPublicationDate(head('Kamis, 2 Oktober 2025 18:40'), null, 'id')).toBe(
        '2025-10-02T18:40:00+07:00',
      );
      expect(findPublicationDate(head('11.06.2025 - 14:40'), null, 'tr')).toBe('2025-06-11T14:40:00+03:00');
      expect(findPublicationDate(head('14:20 22.05.2025'), null, 'ru')).toBe('2025-05-22T14:20:00+03:00');
      expect(findPublicationDate(head('2025年3月4日 18時30分'), null, 'ja')).toBe(
        '2025-03-04T18:30:00+09:00',
      );
      expect(findPublicationDate(head('입력 2025-11-14 10:30'), null, 'ko')).toBe(
        '2025-11-14T10:30:00+09:00',
      );
      // French pages: Paris time, winter or summer.
      expect(findPublicationDate(head('Publié le 13 février 2025 à 18h05'), null, 'fr')).toBe(
        '2025-02-13T18:05:00+01:00',
      );
      expect(findPublicationDate(head('Publié le 14/10/2024 à 19h05'), null, 'fr')).toBe(
        '2024-10-14T19:05:00+02:00',
      );
    });

    it("should give a time without a zone the zone of the site's country when its domain names one", () => {
      const lines = [{ text: 'Published August 28, 2025 5:55pm', body: false }];
      expect(findPublicationDate(lines, 'https://news.example.com.ph/nation/1', 'en')).toBe(
        '2025-08-28T17:55:00+08:00',
      );
      expect(findPublicationDate(lines, 'https://www.example.co.uk/world/1', 'en')).toBe(
        '2025-08-28T17:55:00+01:00',
      );
      // Generic domains, and countries of several offsets, name no zone.
      expect(findPublicationDate(lines, 'https://example.io/world/1', 'en')).toBe('2025-08-28T17:55:00');
      expect(findPublicationDate(lines, 'https://example.com.br/world/1', 'en')).toBe('2025-08-28T17:55:00');
      expect(findPublicationDate(lines, 'https://example.org/world/1', 'en')).toBe('2025-08-28T17:55:00');
    });

    it("should give a time without a zone the zone of the dateline's city in other languages", () => {
      const lines = [
        { text: 'Tuesday, November 5, 2024 — 4:45 p.m.', body: false },
        {
          text: 'YANGON, Nov 5 (Asia Wire) — The two navies began a joint drill on Tuesday, officials said.',
          body: true,
        },
      ];
      expect(findPublicationDate(lines, null, 'en')).toBe('2024-11-05T16:45:00+06:30');
    });

    it('should choose between zones sharing an abbreviation by the dateline', () => {
      const body = (dateline: string) => ({
        text: `${dateline} The minister said the talks would resume.`,
        body: true,
      });
      expect(
        findPublicationDate([...head('November 3, 2025, 09:45 IST'), body('NEW DELHI —')], null, 'en'),
      ).toBe('2025-11-03T09:45:00+05:30');
      expect(
        findPublicationDate([...head('November 3, 2025, 09:45 IST'), body('JERUSALEM —')], null, 'en'),
      ).toBe('2025-11-03T09:45:00+02:00');
    });

    it('should read English numeric dates day first when the zone or dateline is outside the Americas', () => {
      expect(findPublicationDate(head('Posted 04/12/2024 16:10 GMT'), null, 'en')).toBe(
        '2024-12-04T16:10:00+00:00',
      );
      expect(findPublicationDate(head('Posted 04/12/2024 16:10 EST'), null, 'en')).toBe(
        '2024-04-12T16:10:00-05:00',
      );
      expect(findPublicationDate(head('Posted 04/12/2024'), null, 'en')).toBe('2024-04-12');
    });
  });
});

describe(normalizePublishedAt.name, () => {
  describe('normalizePublishedAt', () => {
    it('should keep ISO values and complete their seconds and offset form', () => {
      expect(normalizePublishedAt('2022-09-07T07:47:00+07:00')).toBe('2022-09-07T07:47:00+07:00');
      expect(normalizePublishedAt('2023-02-01T18:59')).toBe('2023-02-01T18:59:00');
      expect(normalizePublishedAt('2024-01-16T10:00:00Z')).toBe('2024-01-16T10:00:00+00:00');
      expect(normalizePublishedAt('2024-01-16T10:00:00+0300')).toBe('2024-01-16T10:00:00+03:00');
      expect(normalizePublishedAt('2024-06')).toBe('2024-06');
    });

    it('should parse other stated forms and reject junk', () => {
      expect(normalizePublishedAt('Rabu, 07 September 2022, 07:47 WIB')).toBe('2022-09-07T07:47:00+07:00');
      expect(normalizePublishedAt('yesterday-ish')).toBeNull();
      expect(normalizePublishedAt('')).toBeNull();
      expect(normalizePublishedAt(null)).toBeNull();
    });
  });
});
