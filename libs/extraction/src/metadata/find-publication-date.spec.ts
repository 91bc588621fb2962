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

    it('should keep a time without a zone local, without inventing an offset', () => {
      expect(findPublicationDate(head('February 1, 2023 - 18:59'), null, 'en')).toBe('2023-02-01T18:59:00');
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
