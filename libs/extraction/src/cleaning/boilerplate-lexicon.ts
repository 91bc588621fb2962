import { readFileSync } from 'fs';
import { dataPath } from '../data-path';

type ByLanguage = Record<string, string[]>;

interface BoilerplateFile {
  lineStarts: ByLanguage;
  lines: ByLanguage;
  contains: ByLanguage;
  endMarkers: ByLanguage;
  tailWords: string[];
  creditWords: string[];
  bylineLabels: string[];
  editorLabels: string[];
}

/** The boilerplate lexicon (data/boilerplate/boilerplate.json), every language merged, lower case. */
export interface BoilerplateLexicon {
  /** Phrases a boilerplate line starts with, grouped by their first character. */
  lineStarts: Map<string, string[]>;
  lines: Set<string>;
  /** Phrases a boilerplate line contains, indexed by their first word; one-token phrases in `containsTokens`. */
  contains: Map<string, string[]>;
  containsTokens: string[];
  endMarkers: Set<string>;
  tailWords: Set<string>;
  creditWords: Set<string>;
  /** Credit phrases of several words ("getty images"), matched as substrings. */
  creditPhrases: string[];
  bylineLabels: string[];
  editorLabels: string[];
}

const merge = (m: ByLanguage): string[] => [
  ...new Set(
    Object.values(m)
      .flat()
      .map((s) => s.toLowerCase()),
  ),
];

function byFirstWord(phrases: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of phrases) {
    const first = p.slice(0, p.indexOf(' '));
    map.set(first, [...(map.get(first) ?? []), p]);
  }
  return map;
}

let cached: BoilerplateLexicon | null = null;

/** Loads and indexes the lexicon once per process. */
export function boilerplateLexicon(): BoilerplateLexicon {
  if (cached) return cached;
  const file = JSON.parse(
    readFileSync(dataPath('boilerplate', 'boilerplate.json'), 'utf8'),
  ) as BoilerplateFile;
  const lineStarts = new Map<string, string[]>();
  for (const phrase of merge(file.lineStarts)) {
    const list = lineStarts.get(phrase[0]) ?? [];
    list.push(phrase);
    lineStarts.set(phrase[0], list);
  }
  const credits = file.creditWords.map((s) => s.toLowerCase());
  // Longest labels first so "written by" wins over "by".
  const byLength = (a: string, b: string): number => b.length - a.length;
  cached = {
    lineStarts,
    lines: new Set(merge(file.lines)),
    contains: byFirstWord(merge(file.contains).filter((p) => p.includes(' '))),
    containsTokens: merge(file.contains).filter((p) => !p.includes(' ')),
    endMarkers: new Set(merge(file.endMarkers)),
    tailWords: new Set(file.tailWords.map((s) => s.toLowerCase())),
    creditWords: new Set(credits.filter((s) => !s.includes(' '))),
    creditPhrases: credits.filter((s) => s.includes(' ')),
    bylineLabels: file.bylineLabels.map((s) => s.toLowerCase()).sort(byLength),
    editorLabels: file.editorLabels.map((s) => s.toLowerCase()).sort(byLength),
  };
  return cached;
}
