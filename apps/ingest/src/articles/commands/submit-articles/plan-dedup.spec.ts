import { KnownArticles, planDedup } from './plan-dedup';
import { PreparedArticle } from './prepare-article';

let seq = 0;
function makeArticle(overrides: Partial<PreparedArticle> = {}): PreparedArticle {
  seq += 1;
  return {
    id: `id-${seq}`,
    url: `https://outlet${seq}.example/a`,
    canonicalUrl: `https://outlet${seq}.example/a`,
    source: `outlet${seq}.example`,
    title: null,
    publishedAt: null,
    language: null,
    raw: 'raw',
    cleanText: 'text',
    contentHash: `hash-${seq}`,
    simhash: null,
    bands: null,
    feedId: null,
    ...overrides,
  };
}

const none = (): KnownArticles => ({ byUrl: new Map(), byHash: new Map(), nearCandidates: [] });

describe('planDedup', () => {
  describe('planDedup', () => {
    it('should make a new article an original of its own story, stored and published', () => {
      const article = makeArticle();
      const [sut] = planDedup([article], none(), 6);
      expect(sut).toMatchObject({
        kind: 'original',
        id: article.id,
        storyId: article.id,
        store: true,
        publish: true,
      });
    });

    it('should answer the stored id for the same canonical URL and store nothing', () => {
      const known = none();
      known.byUrl.set('https://a.example/x', {
        id: 'stored',
        canonicalUrl: 'https://a.example/x',
        contentHash: 'h',
        storyId: 'story',
        simhash: null,
        dedupKind: 'original',
      });
      const [sut] = planDedup([makeArticle({ canonicalUrl: 'https://a.example/x' })], known, 6);
      expect(sut).toMatchObject({
        kind: 'same_url',
        id: 'stored',
        storyId: 'story',
        store: false,
        publish: false,
      });
    });

    it('should store an identical body under another URL as an unpublished copy', () => {
      const first = makeArticle({ contentHash: 'same' });
      const second = makeArticle({ contentHash: 'same' });
      const [a, b] = planDedup([first, second], none(), 6);
      expect(a.kind).toBe('original');
      expect(b).toMatchObject({
        kind: 'exact_duplicate',
        duplicateOf: first.id,
        storyId: first.id,
        store: true,
        publish: false,
      });
    });

    it('should link a near copy to the nearest story and still publish it', () => {
      const first = makeArticle({ simhash: 0b1111n });
      const far = makeArticle({ simhash: -1n });
      const near = makeArticle({ simhash: 0b0111n });
      const [, , sut] = planDedup([first, far, near], none(), 6);
      expect(sut).toMatchObject({
        kind: 'near_duplicate',
        duplicateOf: first.id,
        storyId: first.id,
        distance: 1,
        publish: true,
      });
    });

    it('should not call articles beyond the threshold near copies', () => {
      const [, sut] = planDedup(
        [makeArticle({ simhash: 0n }), makeArticle({ simhash: 0b1111111n })],
        none(),
        6,
      );
      expect(sut.kind).toBe('original');
    });

    it('should keep the story of a stored near copy for a third copy', () => {
      const known = none();
      known.nearCandidates.push({
        id: 'copy',
        canonicalUrl: 'https://b.example/x',
        contentHash: 'h2',
        storyId: 'story-1',
        simhash: 8n,
        dedupKind: 'near_duplicate',
      });
      const [sut] = planDedup([makeArticle({ simhash: 9n })], known, 6);
      expect(sut).toMatchObject({ kind: 'near_duplicate', storyId: 'story-1', duplicateOf: 'copy' });
    });
  });
});
