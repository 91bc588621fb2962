import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { cleanArticle } from '../cleaning/clean-article';
import { extractionDataDir } from '../data-path';
import { splitSentences } from '../text/split-sentences';
import { recognizeActors } from './recognize-actors';
import { selectArticleActors } from './select-article-actors';

// The shared dev set lives next to the repository (../shared); articles are read at run time only.
const DEV_DIR = resolve(extractionDataDir(), '..', '..', '..', '..', 'shared', 'eval', 'dev');

interface GoldLine {
  id: string;
  url?: string;
  raw: string;
  gold: { actors: (string | { id: string; country?: string })[] };
}

// The scorer's folding (shared/eval/score.mjs): bodies and the two republics count as themselves,
// everything else as its country or its slug's three-letter prefix.
const BODIES = new Set(['UN', 'EU', 'NATO', 'IAEA']);
function fold(actor: string | { id: string; country?: string }): string {
  const id = typeof actor === 'object' ? actor.id : actor;
  if (/^ukr\.(dpr|lpr)$/i.test(id)) return id.toLowerCase();
  if (/^[A-Z]{3}$/.test(id) || BODIES.has(id)) return id;
  if (typeof actor === 'object' && actor.country) return fold(actor.country);
  const prefix = id.split('.')[0];
  return /^[a-z]{3}$/.test(prefix) && id.includes('.') ? prefix.toUpperCase() : id;
}

const present = existsSync(DEV_DIR);
const suite = present ? describe : describe.skip;

suite(
  `${selectArticleActors.name} on the dev set${present ? '' : ' (skipped: ../shared/eval/dev not found)'}`,
  () => {
    describe('actors', () => {
      it('should reach an actors F1 of at least 0.95 over the dev articles', () => {
        const lines: GoldLine[] = readdirSync(DEV_DIR)
          .filter((f) => f.endsWith('.jsonl'))
          .flatMap((f) => readFileSync(join(DEV_DIR, f), 'utf8').split('\n'))
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as GoldLine);
        let tp = 0;
        let fp = 0;
        let fn = 0;
        const misses: string[] = [];
        for (const g of lines) {
          const article = cleanArticle({ id: g.id, raw: g.raw, url: g.url ?? null });
          const sentences = splitSentences(article.text, article.language);
          const predicted = new Set(
            selectArticleActors(recognizeActors(article, sentences), sentences, article).map(fold),
          );
          const gold = new Set(g.gold.actors.map(fold));
          const hit = [...predicted].filter((x) => gold.has(x)).length;
          tp += hit;
          fp += predicted.size - hit;
          fn += gold.size - hit;
          const missed = [...gold].filter((x) => !predicted.has(x));
          const extra = [...predicted].filter((x) => !gold.has(x));
          if (missed.length || extra.length) misses.push(`${g.id}: -${missed.join(',')} +${extra.join(',')}`);
        }
        const precision = tp / (tp + fp);
        const recall = tp / (tp + fn);
        const f1 = (2 * precision * recall) / (precision + recall);
        expect(lines.length).toBeGreaterThanOrEqual(45);
        // The per-article differences go into the failure message when the bar is missed.
        const report = `actors P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}\n${misses.join('\n')}`;
        if (f1 < 0.95) throw new Error(report);
        expect(f1).toBeGreaterThanOrEqual(0.95);
      });
    });
  },
);
