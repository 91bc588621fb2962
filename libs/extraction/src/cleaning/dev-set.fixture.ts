import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/** A gold-annotated article of the shared dev set (read at test time, never copied into the repo). */
export interface DevArticle {
  id: string;
  url: string | null;
  language: string;
  raw: string;
  gold: {
    title?: string;
    author?: string;
    published_at?: string;
    language?: string;
    body_starts?: string;
    body_ends?: string;
    boilerplate?: string[];
    claims: { evidence: string; event_date: string | null }[];
  };
}

/** ../shared/eval/dev relative to the repository root (this file is libs/extraction/src/cleaning). */
export const DEV_DIR = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'eval', 'dev');
export const DEV_SET_PRESENT =
  existsSync(join(DEV_DIR, 'seed.jsonl')) && existsSync(join(DEV_DIR, 'articles.jsonl'));
export const DEV_SET_SKIP_REASON = `shared dev set not found at ${DEV_DIR}: dev-set tests skipped`;

/** Every dev article, the seed first; empty when ../shared is absent. */
export function loadDevSet(): DevArticle[] {
  if (!DEV_SET_PRESENT) return [];
  return ['seed.jsonl', 'articles.jsonl'].flatMap((f) =>
    readFileSync(join(DEV_DIR, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as DevArticle),
  );
}

/** Whitespace-normalised text, for comparing gold strings with the cleaned body. */
export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
