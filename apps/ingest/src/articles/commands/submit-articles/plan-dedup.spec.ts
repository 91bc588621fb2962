import { KnownArticle, KnownArticles, planDedup } from './plan-dedup';
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

const storedCopy = (id: string, storyId: string, simhash: bigint): KnownArticle => ({
  id,
  canonicalUrl: `https://stored.example/${id}`,
  contentHash: `hash-${id}`,
  storyId,
  simhash,
  dedupKind: 'near_duplicate',
});

const none = (): KnownArticles => ({ byUrl: new Map(), byHash: new Map(), nearestStored: new Map() });

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
      const article = makeArticle({ simhash: 9n });
      known.nearestStored.set(article.id, storedCopy('copy', 'story-1', 8n));
      const [sut] = planDedup([article], known, 6);
      expect(sut).toMatchObject({ kind: 'near_duplicate', storyId: 'story-1', duplicateOf: 'copy' });
    });

    it('should prefer an earlier article of the batch only when it is strictly nearer than the stored copy', () => {
      const known = none();
      const first = makeArticle({ simhash: 0b1000n });
      // 1 bit from `first` and 1 bit from its stored copy: the stored copy wins the tie.
      const tie = makeArticle({ simhash: 0b1001n });
      known.nearestStored.set(tie.id, storedCopy('stored-tie', 'story-tie', 0b1011n));
      // 3 bits from its stored copy, 1 bit from `tie`: the nearer article of the batch wins.
      const nearer = makeArticle({ simhash: 0b1101n });
      known.nearestStored.set(nearer.id, storedCopy('stored-far', 'story-far', 0b1010n));
      const [, a, b] = planDedup([first, tie, nearer], known, 6);
      expect(a).toMatchObject({ kind: 'near_duplicate', duplicateOf: 'stored-tie', distance: 1 });
      expect(b).toMatchObject({
        kind: 'near_duplicate',
        duplicateOf: tie.id,
        storyId: 'story-tie',
        distance: 1,
      });
    });

    it("should judge an article by its own stored match, not by another article's of the same batch", () => {
      const known = none();
      const matched = makeArticle({ simhash: 0b1111n });
      const other = makeArticle({ simhash: 0b1110n, contentHash: 'other' });
      known.nearestStored.set(matched.id, storedCopy('stored', 'story-1', 0b1111n));
      // `other` is 1 bit from the stored copy, but its own lookup found nothing: it can only match `matched`.
      const [a, b] = planDedup([matched, other], known, 6);
      expect(a).toMatchObject({ kind: 'near_duplicate', duplicateOf: 'stored' });
      expect(b).toMatchObject({ kind: 'near_duplicate', duplicateOf: matched.id, storyId: 'story-1' });
    });
  });
});
