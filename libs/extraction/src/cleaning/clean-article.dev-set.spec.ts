import { cleanArticle } from './clean-article';
import { DEV_SET_PRESENT, DEV_SET_SKIP_REASON, loadDevSet, squash } from './dev-set.fixture';

const articles = loadDevSet();
const seed = articles[0];
const describeDev = DEV_SET_PRESENT ? describe : describe.skip;
if (!DEV_SET_PRESENT) console.warn(DEV_SET_SKIP_REASON);

describe(cleanArticle.name, () => {
  describeDev(
    `cleanArticle on the shared dev set${DEV_SET_PRESENT ? '' : ` (${DEV_SET_SKIP_REASON})`}`,
    () => {
      it('should start and end the seed body where the gold says, without its boilerplate', () => {
        const out = cleanArticle({ id: seed.id, raw: seed.raw, url: seed.url });
        expect(out.text.startsWith(seed.gold.body_starts ?? '\0')).toBe(true);
        expect(out.text.endsWith(seed.gold.body_ends ?? '\0')).toBe(true);
        for (const b of seed.gold.boilerplate ?? []) expect(out.text).not.toContain(b);
        expect(out.text).not.toContain('Pemandangan udara'); // the photo caption
        expect(out.text).not.toContain(seed.gold.title);
      });

      it('should find the seed title, author, publication time and language', () => {
        const out = cleanArticle({ id: seed.id, raw: seed.raw, url: seed.url });
        expect(out.title).toBe(seed.gold.title);
        expect(out.author).toBe(seed.gold.author);
        expect(out.publishedAt).toBe(seed.gold.published_at);
        expect(out.language).toBe(seed.gold.language);
      });

      it.each(articles.map((a) => [a.id, a] as const))(
        'should keep every gold evidence sentence of %s',
        (_id, a) => {
          const text = squash(cleanArticle({ id: a.id, raw: a.raw, url: a.url }).text);
          const lost = a.gold.claims.map((c) => squash(c.evidence)).filter((e) => !text.includes(e));
          expect(lost).toEqual([]);
        },
      );

      it('should identify the language of every dev article', () => {
        const wrong = articles
          .map((a) => ({
            id: a.id,
            want: a.language,
            got: cleanArticle({ id: a.id, raw: a.raw, url: a.url }).language,
          }))
          .filter((r) => r.want !== r.got);
        expect(wrong).toEqual([]);
      });
    },
  );
});
