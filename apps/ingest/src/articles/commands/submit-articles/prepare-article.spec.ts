import { isPublicationTimestamp, prepareArticle } from './prepare-article';

describe('prepareArticle', () => {
  describe('prepareArticle', () => {
    it('should compute the canonical URL, the outlet and fingerprints', () => {
      const sut = prepareArticle(
        { url: 'https://WWW.Example.com/world/a?utm_source=x', raw: 'word '.repeat(30) + 'end.' },
        '00000000-0000-4000-8000-000000000001',
      );
      expect(sut).toMatchObject({
        id: '00000000-0000-4000-8000-000000000001',
        canonicalUrl: 'https://www.example.com/world/a',
        source: 'example.com',
      });
      expect(sut.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(typeof sut.simhash).toBe('bigint');
      expect(sut.bands).toHaveLength(4);
    });

    it('should keep the caller-given title, date, language and source', () => {
      const sut = prepareArticle({
        url: 'https://example.com/a',
        raw: 'Short text.',
        title: ' Given title ',
        published_at: '2026-11-24T07:30:00+07:00',
        language: 'id',
        source: 'Warta',
      });
      expect(sut).toMatchObject({
        title: 'Given title',
        publishedAt: '2026-11-24T07:30:00+07:00',
        language: 'id',
        source: 'Warta',
      });
      expect(sut.simhash).toBeNull();
    });

    it('should keep a full date but never a month-only one, from the caller or the page', () => {
      const page =
        '<html><body><p>Jakarta. April 2024. ' + 'Kata demi kata. '.repeat(20) + '</p></body></html>';
      expect(
        prepareArticle({ url: 'https://example.com/d', raw: page, published_at: '2024-04-09' }).publishedAt,
      ).toBe('2024-04-09');
      expect(
        prepareArticle({ url: 'https://example.com/m', raw: page, published_at: '2024-04' }).publishedAt,
      ).not.toBe('2024-04');
    });

    it('should tell a storable publication timestamp from a partial date', () => {
      expect(isPublicationTimestamp('2022-09-07T07:47:00+07:00')).toBe(true);
      expect(isPublicationTimestamp('2022-09-07')).toBe(true);
      expect(isPublicationTimestamp('2024-04')).toBe(false);
      expect(isPublicationTimestamp('2024')).toBe(false);
      expect(isPublicationTimestamp('2024-13-01')).toBe(false);
      expect(isPublicationTimestamp(null)).toBe(false);
    });

    it('should refuse a URL that is not http(s)', () => {
      expect(() => prepareArticle({ url: 'mailto:desk@example.com', raw: 'x' })).toThrow(/not an http/);
    });
  });
});
