import { prepareArticle } from './prepare-article';

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

    it('should refuse a URL that is not http(s)', () => {
      expect(() => prepareArticle({ url: 'mailto:desk@example.com', raw: 'x' })).toThrow(/not an http/);
    });
  });
});
