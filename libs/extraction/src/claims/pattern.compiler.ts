/**
 * The small pattern language of the claim lexicons (libs/extraction/data/claims/*.json):
 * - words separated by one space match words separated by white space or hyphens ("shahed-136");
 * - `suppl*` matches a stem (any letters may follow), `*kirim` any letters before, `*kirim*` both;
 * - `...` between two words lets up to three other words stand between them;
 * - matching is case-insensitive and never crosses punctuation (a comma ends a phrase).
 * Patterns compile into hash maps keyed by their first word, so a text is scanned once, word by word,
 * whatever the size of the lexicon. Languages written without spaces between words and particles
 * (Korean) compile with `boundaries: 'none'` and match as plain substrings.
 */
import { JOINER, LETTER_OR_DIGIT, SPACE, UNIT_CLASS, WORD_CHAR, charAt } from '../text/char-class';

export type Boundaries = 'word' | 'none';

export interface Token {
  /** Lower-cased word. */
  w: string;
  /** The word's number in the process-wide vocabulary (matchers cache their candidates by it). */
  id: number;
  start: number;
  end: number;
  /** Punctuation (not a hyphen or apostrophe) stands between this word and the previous one. */
  barrier: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Quotation marks around a term inside a phrase ('its "unreliable entity" list') do not end the phrase. */
const QUOTE_MARKS = new Set([0x22, 0x201c, 0x201d, 0x201e, 0xab, 0xbb, 0x2018, 0x2039, 0x203a]);

/** Process-wide word numbers: one hash per token, then every matcher looks its candidates up by number. */
let vocabulary = new Map<string, number>();
let lowerById: string[] = [];
let vocabularyEpoch = 0;
const VOCABULARY_LIMIT = 200_000;

/** The number of a word as written (its lower-cased form is kept once, by number). */
function wordId(raw: string): number {
  let id = vocabulary.get(raw);
  if (id === undefined) {
    if (vocabulary.size >= VOCABULARY_LIMIT) {
      // Bounded memory on endless streams: start over; matchers notice the new epoch and drop their caches.
      vocabulary = new Map();
      lowerById = [];
      vocabularyEpoch++;
    }
    id = vocabulary.size;
    vocabulary.set(raw, id);
    lowerById.push(raw.toLowerCase());
  }
  return id;
}

/**
 * The number of words (runs of letters and digits) in text[from, to): what
 * `(text.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length` counts, without building the matches.
 */
export function countWords(text: string, from = 0, to = text.length): number {
  let n = 0;
  let inWord = false;
  let i = from;
  while (i < to) {
    // A pair cut by `to` is no letter, as in the slice.
    const len =
      i + 1 < to
        ? charAt(text, i, LETTER_OR_DIGIT)
        : (UNIT_CLASS[text.charCodeAt(i)] & LETTER_OR_DIGIT) !== 0
          ? 1
          : 0;
    if (len === 0) {
      inWord = false;
      i++;
      continue;
    }
    if (!inWord) n++;
    inWord = true;
    i += len;
  }
  return n;
}

let memoText = '';
let memoOffset = -1;
let memoTokens: Token[] = [];

/**
 * The words of a text with their offsets (plus `offset`); the last call is memoised. A word is a run
 * of WORD characters; one scan over precomputed character classes (no regex, no gap strings).
 */
export function tokenize(text: string, offset = 0): Token[] {
  if (text === memoText && offset === memoOffset) return memoTokens;
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  // Whether a character that is not white space, a hyphen or an apostrophe stands since the last word.
  let hard = false;
  while (i < n) {
    let len = charAt(text, i, WORD_CHAR);
    if (len === 0) {
      const c = text.charCodeAt(i);
      if ((UNIT_CLASS[c] & (SPACE | JOINER)) === 0 && !QUOTE_MARKS.has(c)) hard = true;
      i++;
      continue;
    }
    const start = i;
    i += len;
    while (i < n && (len = charAt(text, i, WORD_CHAR)) > 0) i += len;
    const id = wordId(text.slice(start, i));
    out.push({
      w: lowerById[id],
      id,
      start: offset + start,
      end: offset + i,
      barrier: out.length > 0 && hard,
    });
    hard = false;
  }
  memoText = text;
  memoOffset = offset;
  memoTokens = out;
  return out;
}

type Part = { k: 'exact' | 'prefix' | 'suffix' | 'infix'; s: string } | { k: 'gap' };

interface Entry<T> {
  parts: Part[];
  tag: T;
  weight: number;
}

function parsePart(token: string): Part {
  if (token === '...') return { k: 'gap' };
  const head = token.startsWith('*');
  const tail = token.length > 1 && token.endsWith('*');
  const s = token.slice(head ? 1 : 0, tail ? -1 : undefined).toLowerCase();
  return { k: head && tail ? 'infix' : head ? 'suffix' : tail ? 'prefix' : 'exact', s };
}

/** A pattern as word parts: "shahed-136" is two words, "-made" one. */
function parseWords(pattern: string): Part[] {
  const out: Part[] = [];
  for (const raw of pattern.trim().split(/\s+/)) {
    if (raw === '...') {
      out.push({ k: 'gap' });
      continue;
    }
    const head = raw.startsWith('*');
    const tail = raw.length > 1 && raw.endsWith('*');
    const core = raw.slice(head ? 1 : 0, tail ? -1 : undefined);
    const pieces = core.match(WORD) ?? [];
    pieces.forEach((p, i) => {
      const star = (i === 0 && head ? '*' : '') + p + (i === pieces.length - 1 && tail ? '*' : '');
      out.push(parsePart(star));
    });
  }
  return out;
}

function partMatches(p: Part, w: string): boolean {
  switch (p.k) {
    case 'exact':
      return w === p.s;
    case 'prefix':
      return w.startsWith(p.s);
    case 'suffix':
      return w.endsWith(p.s);
    case 'infix':
      return w.includes(p.s);
    default:
      return true;
  }
}

/** How specific a pattern is: longer literal text first, so the longest entry wins at a position. */
function specificity(pattern: string): number {
  return pattern.replace(/\*|\.\.\./g, '').length;
}

export interface PhraseHit<T> {
  start: number;
  end: number;
  tag: T;
}

const NO_ENTRIES: readonly Entry<unknown>[] = [];

/** Word-sequence patterns indexed by their first word. */
class WordIndex<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly prefix = new Map<string, Entry<T>[]>();
  private readonly prefixLengths: number[] = [];
  private readonly suffix = new Map<string, Entry<T>[]>();
  private readonly suffixLengths: number[] = [];
  private readonly infix: Entry<T>[] = [];
  /** Candidates per word number (vocabularies repeat across articles). */
  private byId: (Entry<T>[] | undefined)[] = [];
  private epoch = 0;
  readonly size: number;

  constructor(entries: Entry<T>[]) {
    const pl = new Set<number>();
    const sl = new Set<number>();
    for (const e of entries) {
      const first = e.parts[0];
      if (!first || first.k === 'gap') continue;
      const put = (map: Map<string, Entry<T>[]>) => {
        const l = map.get(first.s);
        if (l) l.push(e);
        else map.set(first.s, [e]);
      };
      if (first.k === 'exact') put(this.exact);
      else if (first.k === 'prefix') {
        put(this.prefix);
        pl.add(first.s.length);
      } else if (first.k === 'suffix') {
        put(this.suffix);
        sl.add(first.s.length);
      } else this.infix.push(e);
    }
    this.prefixLengths = [...pl].sort((a, b) => a - b);
    this.suffixLengths = [...sl].sort((a, b) => a - b);
    this.size = entries.length;
  }

  /** Entries whose first part matches the word. */
  candidates(w: string, id: number): Entry<T>[] {
    if (this.epoch !== vocabularyEpoch) {
      this.byId = [];
      this.epoch = vocabularyEpoch;
    }
    const hit = this.byId[id];
    if (hit) return hit;
    const out: Entry<T>[] = [];
    const e = this.exact.get(w);
    if (e) out.push(...e);
    for (const n of this.prefixLengths) {
      if (n > w.length) break;
      const p = this.prefix.get(w.slice(0, n));
      if (p) out.push(...p);
    }
    for (const n of this.suffixLengths) {
      if (n > w.length) break;
      const s = this.suffix.get(w.slice(w.length - n));
      if (s) out.push(...s);
    }
    for (const i of this.infix) if (w.includes((i.parts[0] as { s: string }).s)) out.push(i);
    // Grow densely: a far write would turn the array into a slow dictionary.
    while (this.byId.length <= id) this.byId.push(undefined);
    // Most words start no pattern: they share one empty list, which stays in cache.
    const list = out.length ? out : (NO_ENTRIES as Entry<T>[]);
    this.byId[id] = list;
    return list;
  }
}

/** Matches parts[1..] from token i+1; returns the index of the last matched token, or -1. */
function matchRest<T>(e: Entry<T>, tokens: Token[], i: number): number {
  let t = i;
  for (let p = 1; p < e.parts.length; p++) {
    const part = e.parts[p];
    if (part.k === 'gap') {
      const next = e.parts[p + 1];
      if (!next) return t;
      let found = -1;
      for (let skip = 1; skip <= 4 && t + skip < tokens.length; skip++) {
        const tok = tokens[t + skip];
        if (tok.barrier) break;
        if (partMatches(next, tok.w)) {
          found = t + skip;
          break;
        }
      }
      if (found < 0) return -1;
      t = found;
      p++;
      continue;
    }
    const tok = tokens[t + 1];
    if (!tok || tok.barrier || !partMatches(part, tok.w)) return -1;
    t++;
  }
  return t;
}

/** Plain substring patterns for scripts without word spaces: "러시아에", "제공한". */
class SubstringIndex<T> {
  private readonly list: { s: string; tag: T; weight: number }[];
  readonly size: number;
  constructor(groups: ReadonlyArray<{ tag: T; patterns: readonly string[] }>) {
    this.list = [];
    for (const g of groups)
      for (const p of g.patterns) {
        // Spaces are kept: "안 " (not) must not match inside "안보리".
        const s = p.replace(/\*/g, '').toLowerCase();
        if (s.trim()) this.list.push({ s, tag: g.tag, weight: s.length });
      }
    this.list.sort((a, b) => b.weight - a.weight);
    this.size = this.list.length;
  }
  all(text: string, offset: number): PhraseHit<T>[] {
    const low = text.toLowerCase();
    const raw: PhraseHit<T>[] = [];
    for (const e of this.list) {
      let from = 0;
      for (;;) {
        const i = low.indexOf(e.s, from);
        if (i < 0) break;
        raw.push({ start: i, end: i + e.s.length, tag: e.tag });
        from = i + e.s.length;
      }
    }
    // Longest first, then drop hits overlapping a kept one (the list is sorted by length).
    raw.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const out: PhraseHit<T>[] = [];
    let lastEnd = -1;
    for (const h of raw)
      if (h.start >= lastEnd) {
        out.push({ start: offset + h.start, end: offset + h.end, tag: h.tag });
        lastEnd = h.end;
      }
    return out;
  }
}

/** Many tagged patterns scanned at once; the longest pattern wins where several start at one word. */
export class PhraseMatcher<T> {
  readonly empty: boolean;
  private readonly words: WordIndex<T> | null;
  private readonly substrings: SubstringIndex<T> | null;
  /** The compiled patterns (for a MatcherGroup that scans many matchers in one pass). */
  readonly entries: Entry<T>[] = [];
  /** The group this matcher belongs to, and its slot there. */
  group: MatcherGroup | null = null;
  slot = -1;

  constructor(
    groups: ReadonlyArray<{ tag: T; patterns: readonly string[] }>,
    boundaries: Boundaries = 'word',
  ) {
    if (boundaries === 'none') {
      this.substrings = new SubstringIndex(groups);
      this.words = null;
      this.empty = this.substrings.size === 0;
      return;
    }
    const entries: Entry<T>[] = [];
    for (const g of groups)
      for (const p of g.patterns) {
        const parts = parseWords(p);
        if (parts.length && parts[0].k !== 'gap') entries.push({ parts, tag: g.tag, weight: specificity(p) });
      }
    entries.sort((a, b) => b.weight - a.weight);
    this.entries = entries;
    this.words = new WordIndex(entries);
    this.substrings = null;
    this.empty = entries.length === 0;
  }

  /** Whether matching is by substrings (scripts without word spaces). */
  get bySubstring(): boolean {
    return this.substrings !== null;
  }

  /** Every non-overlapping hit in `text` (offsets relative to `text` plus `offset`). */
  all(text: string, offset = 0): PhraseHit<T>[] {
    if (this.empty) return [];
    if (this.substrings) return this.substrings.all(text, offset);
    return this.allTokens(tokenize(text, offset));
  }

  /** Hits in an already tokenised text; `text`/`offset` serve scripts matched as substrings. */
  allIn(tokens: Token[], text: string, offset: number): PhraseHit<T>[] {
    if (this.empty) return [];
    if (this.substrings) return this.substrings.all(text, offset);
    return this.allTokens(tokens);
  }

  allTokens(tokens: Token[]): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    const words = this.words;
    if (!words) return out;
    for (let i = 0; i < tokens.length; i++) {
      const cands = words.candidates(tokens[i].w, tokens[i].id);
      if (!cands.length) continue;
      let best: Entry<T> | null = null;
      let bestEnd = -1;
      for (const e of cands) {
        const end = matchRest(e, tokens, i);
        if (end < 0) continue;
        if (
          !best ||
          tokens[end].end - tokens[i].start > tokens[bestEnd].end - tokens[i].start ||
          (end === bestEnd && e.weight > best.weight)
        ) {
          best = e;
          bestEnd = end;
        }
      }
      if (best) {
        out.push({ start: tokens[i].start, end: tokens[bestEnd].end, tag: best.tag });
        i = bestEnd;
      }
    }
    return out;
  }

  test(text: string): boolean {
    return this.all(text).length > 0;
  }
}

/** Markers that must end exactly where a text ends (the words right before a mention), fillers allowed between. */
export class SuffixMatcher {
  private readonly patterns: Part[][];
  private readonly fillers: Part[][];
  /** For scripts without word spaces: plain endings. */
  readonly none: string[] | null;

  constructor(patterns: readonly string[], fillers: readonly string[], boundaries: Boundaries = 'word') {
    if (boundaries === 'none') {
      this.none = patterns.map((p) => p.replace(/\*/g, '').trim().toLowerCase()).filter(Boolean);
      this.patterns = [];
      this.fillers = [];
      return;
    }
    this.none = null;
    this.patterns = patterns.map(parseWords).filter((p) => p.length && p.every((x) => x.k !== 'gap'));
    this.fillers = fillers.map(parseWords).filter((p) => p.length === 1);
    // Quick rejection: most words before a name end no marker and are no filler.
    for (const p of [...this.patterns.map((x) => x[x.length - 1]), ...this.fillers.map((f) => f[0])]) {
      if (p.k === 'exact') this.lastWords.add(p.s);
      else if (p.k === 'prefix') this.lastStems.push(p.s);
      else this.anyLast = true;
    }
    for (const [f] of this.fillers)
      if (f.k === 'exact') this.fillerWords.add(f.s);
      else this.fillerParts.push(f);
  }

  private readonly lastWords = new Set<string>();
  /** The fillers: whole words in a set, stems and gaps tested one by one. */
  private readonly fillerWords = new Set<string>();
  private readonly fillerParts: Part[] = [];
  private readonly lastStems: string[] = [];
  private anyLast = false;

  private mayEnd(w: string): boolean {
    if (this.anyLast || this.lastWords.has(w)) return true;
    // Loops, not .some(): no closure per call on this hot path (every marker of every mention).
    for (const s of this.lastStems) if (w.startsWith(s)) return true;
    return false;
  }

  private isFiller(w: string): boolean {
    if (this.fillerWords.has(w)) return true;
    for (const f of this.fillerParts) if (partMatches(f, w)) return true;
    return false;
  }

  test(text: string): boolean {
    if (this.none) {
      const t = text.trimEnd().toLowerCase();
      return this.none.some((p) => t.endsWith(p));
    }
    if (!this.patterns.length) return false;
    // The text must end with white space (or nothing) after its last word: "from " before "Iran".
    if (/[^\s\p{L}\p{M}\p{N}'’-]\s*$/u.test(text)) return false;
    const tokens = tokenize(text, 0);
    return this.testTokens(tokens, tokens.length - 1, 0);
  }

  /** Whether a marker (plus fillers) ends at `tokens[last]`, not reaching before `tokens[first]`. */
  testTokens(tokens: Token[], last: number, first: number): boolean {
    if (this.none || !this.patterns.length || last < first || !this.mayEnd(tokens[last].w)) return false;
    let end = last;
    for (let skipped = 0; skipped <= 4 && end >= first; skipped++) {
      for (const p of this.patterns) if (endsWith(p, tokens, end, first)) return true;
      const tok = tokens[end];
      if (!this.isFiller(tok.w)) return false;
      if (tok.barrier) return false;
      end--;
    }
    return false;
  }
}

function endsWith(parts: Part[], tokens: Token[], end: number, first: number): boolean {
  let t = end;
  for (let p = parts.length - 1; p >= 0; p--, t--) {
    if (t < first) return false;
    const tok = tokens[t];
    if (!tok || !partMatches(parts[p], tok.w)) return false;
    if (p > 0 && tok.barrier) return false;
  }
  return true;
}

/** Markers that must start exactly where a text starts (words right after a mention: "-made", "에", "'s"). */
export class PrefixMatcher {
  private readonly list: { body: string; spaced: boolean; word: boolean; wordEnd: boolean }[];

  constructor(patterns: readonly string[], _boundaries: Boundaries = 'word') {
    this.list = patterns
      .map((p) => p.replace(/\*/g, '').toLowerCase())
      .filter((p) => p.trim())
      .sort((a, b) => b.length - a.length)
      .map((p) => {
        const body = p.trimStart();
        // Words of spaced scripts may follow a space; particles and hyphenated suffixes attach ("에", "-made").
        const word = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}]/u.test(body);
        return { body, spaced: p.startsWith(' '), word, wordEnd: word && /[\p{L}\p{N}]$/u.test(body) };
      });
  }

  /** Length of the match at the start of `text` (leading spaces included), or -1. */
  match(text: string): number {
    if (!this.list.length) return -1;
    const lead = text.length - text.trimStart().length;
    return this.matchLower(text.slice(0, lead + 24).toLowerCase(), lead);
  }

  /** `match` on a text already lower-cased, with its count of leading spaces. */
  matchLower(head: string, lead: number): number {
    for (const p of this.list) {
      if (p.spaced && lead === 0) continue;
      const at = p.spaced || p.word ? lead : 0;
      if (!head.startsWith(p.body, at)) continue;
      // A word marker ends at a word end ("made", not "madeira").
      if (p.wordEnd && /[\p{L}\p{N}]/u.test(head.charAt(at + p.body.length))) continue;
      return at + p.body.length;
    }
    return -1;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  test(text: string): boolean {
    return this.match(text) >= 0;
  }
}

/** Index of the last token ending at or before `pos` (-1 if none). */
export function tokenBefore(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const NO_HITS: PhraseHit<unknown>[] = [];

interface Slotted {
  slot: number;
  entry: Entry<unknown>;
}

/**
 * Several matchers scanned in one pass over a text: one candidate lookup per word serves them all,
 * each still getting its own non-overlapping, longest-first hits.
 */
export class MatcherGroup {
  private readonly index: WordIndex<Slotted>;

  constructor(readonly members: PhraseMatcher<unknown>[]) {
    const all: Entry<Slotted>[] = [];
    members.forEach((m, slot) => {
      m.group = this;
      m.slot = slot;
      for (const e of m.entries) all.push({ parts: e.parts, weight: e.weight, tag: { slot, entry: e } });
    });
    this.index = new WordIndex(all);
    this.free = new Array<number>(members.length).fill(0);
    this.bestEnd = new Array<number>(members.length).fill(-1);
    this.best = new Array<Entry<unknown> | null>(members.length).fill(null);
  }

  private readonly free: number[];
  private readonly bestEnd: number[];
  private readonly best: (Entry<unknown> | null)[];
  private readonly touched: number[] = [];

  /** The hits of every member, by slot (members without hits share one empty array). */
  allTokens(tokens: Token[]): PhraseHit<unknown>[][] {
    const n = this.members.length;
    const out: PhraseHit<unknown>[][] = new Array(n).fill(NO_HITS);
    const { free, bestEnd, best, touched } = this;
    free.fill(0);
    for (let i = 0; i < tokens.length; i++) {
      const cands = this.index.candidates(tokens[i].w, tokens[i].id);
      if (!cands.length) continue;
      touched.length = 0;
      for (const c of cands) {
        const { slot, entry } = c.tag;
        if (i < free[slot]) continue;
        const end = matchRest(entry, tokens, i);
        if (end < 0) continue;
        if (!touched.includes(slot)) {
          touched.push(slot);
          best[slot] = null;
          bestEnd[slot] = -1;
        }
        const b = best[slot];
        if (!b || end > bestEnd[slot] || (end === bestEnd[slot] && entry.weight > b.weight)) {
          best[slot] = entry;
          bestEnd[slot] = end;
        }
      }
      for (const slot of touched) {
        const b = best[slot];
        if (!b) continue;
        if (out[slot] === NO_HITS) out[slot] = [];
        out[slot].push({ start: tokens[i].start, end: tokens[bestEnd[slot]].end, tag: b.tag });
        free[slot] = bestEnd[slot] + 1;
      }
    }
    return out;
  }
}
