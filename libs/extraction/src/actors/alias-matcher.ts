import { AliasEntry } from './actor-registry';
import {
  Script,
  caseSource,
  hasCase,
  isIgnorable,
  isInlineSpace,
  isUpperCase,
  isWordChar,
  scriptOf,
} from './text-fold';

/** One accepted alias occurrence: [start, end) in the original text. */
export interface AliasMatch {
  start: number;
  end: number;
  entry: AliasEntry;
}

/** A trie node while building; compiled into the flat arrays of AliasMatcher. */
interface BuildNode {
  next: Map<number, BuildNode> | null;
  entries: AliasEntry[] | null;
}

const SPACE = 0x20;
const ARABIC_ARTICLE = 'ال';
const MAX_HITS = 64;
const IGNORABLE = 1;
const INLINE_SPACE = 2;
// Per code unit: zero-width characters (skipped inside a name) and inline spaces (one alias space).
const SPECIAL = new Uint8Array(0x10000);
for (let c = 0; c < 0x10000; c++) {
  if (isIgnorable(c)) SPECIAL[c] = IGNORABLE;
  else if (isInlineSpace(c)) SPECIAL[c] = INLINE_SPACE;
}
const HYPHEN = 0x2d;

// Arabic proclitics a name may carry: conjunctions و/ف, prepositions ب/ل/ك, the article ال, and
// their combinations (لل is ل + ال with the alef dropped).
const ARABIC_PROCLITICS = [
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'ال',
  'وال',
  'فال',
  'بال',
  'كال',
  'لل',
  'ولل',
  'فلل',
  'وب',
  'ول',
  'فب',
  'فل',
  'وك',
  'وبال',
  'وكال',
];
// Endings an Arabic name or stem may carry: nisba adjective, plural, feminine, pronoun suffixes.
const ARABIC_SUFFIXES = new Set([
  'ي',
  'ية',
  'يين',
  'يون',
  'ين',
  'ون',
  'ه',
  'ها',
  'هم',
  'ة',
  'ان',
  'يان',
  'يتين',
  'يتان',
  'يا',
  'يه',
]);

function newNode(): BuildNode {
  return { next: null, entries: null };
}

function addEntry(root: BuildNode, e: AliasEntry): void {
  let node = root;
  for (let i = 0; i < e.key.length; i++) {
    const c = e.key.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = newNode()));
    node = child;
  }
  (node.entries ??= []).push(e);
}

/**
 * Leftmost-longest multi-pattern matching of folded aliases over a folded text with a character
 * trie, built once. Matching is linear in the text length times the longest alias.
 */
export class AliasMatcher {
  // The trie as flat arrays (node 0 is the root): a walk reads a few compact typed arrays instead of
  // chasing node objects, which the rest of the engine pushes out of the cache between articles.
  // Node n's record, three numbers side by side (one cache line per step): nodes[3n] its first edge,
  // nodes[3n + 1] its number of children, nodes[3n + 2] the index in `entryLists` of the aliases
  // ending there (-1: none). Its children: keys keyPool[first ..+ count) ascending, nodes in kidPool.
  private readonly nodes: Int32Array;
  private readonly keyPool: Uint16Array;
  private readonly kidPool: Int32Array;
  private readonly entryLists: AliasEntry[][] = [];
  // The first step is a direct index: most word starts end there (-1: no child).
  private readonly rootTable = new Int32Array(0x10000).fill(-1);
  private readonly koreanParticles: readonly string[];
  private readonly endPos = new Int32Array(MAX_HITS);
  private readonly endNode = new Int32Array(MAX_HITS);

  /** `koreanParticles`: what may follow a Korean name inside its word (북한이, 러시아군). */
  constructor(entries: readonly AliasEntry[], koreanParticles: readonly string[] = []) {
    const root = newNode();
    for (const e of entries) addEntry(root, e);
    // Numbered breadth-first with sorted keys: a node's children get consecutive numbers.
    const order: BuildNode[] = [root];
    const sortedKeys: number[][] = [];
    for (let k = 0; k < order.length; k++) {
      const next = order[k].next;
      const keys = next ? [...next.keys()].sort((x, y) => x - y) : [];
      sortedKeys.push(keys);
      for (const key of keys) order.push(next?.get(key) as BuildNode);
    }
    const n = order.length;
    this.nodes = new Int32Array(3 * n);
    this.keyPool = new Uint16Array(Math.max(0, n - 1));
    this.kidPool = new Int32Array(Math.max(0, n - 1));
    let edge = 0;
    for (let k = 0; k < n; k++) {
      const entries = order[k].entries;
      this.nodes[3 * k + 2] = -1;
      if (entries) {
        this.nodes[3 * k + 2] = this.entryLists.length;
        this.entryLists.push(entries);
      }
      const keys = sortedKeys[k];
      this.nodes[3 * k] = edge;
      this.nodes[3 * k + 1] = keys.length;
      // Node k's children were queued right after those of node k - 1: edge e leads to node e + 1.
      for (const key of keys) {
        this.keyPool[edge] = key;
        this.kidPool[edge] = edge + 1;
        edge++;
      }
    }
    for (let j = 0; j < this.nodes[1]; j++) this.rootTable[this.keyPool[j]] = this.kidPool[j];
    this.koreanParticles = koreanParticles;
  }

  /** The child of `node` along code unit `c`, or -1. */
  private childOf(node: number, c: number): number {
    const start = this.nodes[3 * node];
    const count = this.nodes[3 * node + 1];
    const keys = this.keyPool;
    if (count <= 8) {
      for (let k = start; k < start + count; k++) if (keys[k] === c) return this.kidPool[k];
      return -1;
    }
    let lo = start;
    let hi = start + count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = keys[mid];
      if (v === c) return this.kidPool[mid];
      if (v < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * All alias occurrences in the text, non-overlapping, leftmost-longest. `accept` filters entries
   * (language gates); an accepted exclusion swallows its span without producing a match.
   */
  scan(text: string, folded: Uint16Array, accept: (e: AliasEntry) => boolean): AliasMatch[] {
    const out: AliasMatch[] = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      const script = scriptOf(c);
      const prevScript = i === 0 ? Script.None : scriptOf(prevUnit(text, i));
      // Katakana words sit between kanji and kana particles: a katakana run starts a word.
      const wordStart =
        script !== Script.None &&
        script !== Script.Digit &&
        (script === Script.Kana ? prevScript !== Script.Kana : prevScript === Script.None);
      if (!wordStart && script !== Script.Cjk) {
        i++;
        continue;
      }
      let best = this.matchAt(text, folded, i, accept);
      if (script === Script.Arabic && wordStart) {
        for (const p of ARABIC_PROCLITICS) {
          if (!startsWithAt(folded, i, p)) continue;
          const m = this.matchAt(text, folded, i + p.length, accept);
          // The surface keeps the article (الأمم المتحدة), not the conjunction or preposition.
          if (m && p.endsWith(ARABIC_ARTICLE)) m.start -= ARABIC_ARTICLE.length;
          if (m && (!best || m.end > best.end)) best = m;
        }
      }
      // "the North Korea-based", "the South China Sea": a longer match starting inside this one and
      // reaching further is the intended name (or exclusion); restart there.
      const later = best ? this.laterOverlap(text, folded, best.start, best.end, accept) : -1;
      if (later > 0) {
        i = later;
        continue;
      }
      if (best) {
        if (best.entry.actorIds.length > 0) out.push(best);
        i = best.end;
      } else if (wordStart && script !== Script.Kana) {
        // No alias starts inside a word: go to its end (kana and CJK may start one inside a run).
        i++;
        while (i < n) {
          const s = scriptOf(text.charCodeAt(i));
          if (s === Script.None || s === Script.Cjk || s === Script.Kana) break;
          i++;
        }
      } else {
        i++;
      }
    }
    return out;
  }

  /** The first word start inside [start, end) where a longer alias begins that ends after `end`, or -1. */
  private laterOverlap(
    text: string,
    folded: Uint16Array,
    start: number,
    end: number,
    accept: (e: AliasEntry) => boolean,
  ): number {
    for (let k = start + 1; k < end; k++) {
      if (scriptOf(prevUnit(text, k)) !== Script.None) continue;
      const sc = scriptOf(text.charCodeAt(k));
      if (sc === Script.None || sc === Script.Digit || sc === Script.Cjk || sc === Script.Kana) continue;
      const m = this.matchAt(text, folded, k, accept);
      if (m && m.end > end && m.end - k > end - start) return k;
    }
    return -1;
  }

  /** The longest acceptable alias starting at `from`. */
  private matchAt(
    text: string,
    folded: Uint16Array,
    from: number,
    accept: (e: AliasEntry) => boolean,
  ): AliasMatch | null {
    const n = text.length;
    let node = 0;
    let i = from;
    // Reused buffers: the terminal nodes passed on this walk and where they end.
    const endPos = this.endPos;
    const endNode = this.endNode;
    const nodes = this.nodes;
    let hits = 0;
    while (i < n && nodes[3 * node + 1] > 0) {
      const raw = text.charCodeAt(i);
      let c = folded[i];
      if (SPECIAL[raw] !== 0) {
        if (SPECIAL[raw] === IGNORABLE) {
          if (i > from) {
            i++;
            continue;
          }
        } else c = SPACE;
      }
      const child = node === 0 ? this.rootTable[c] : this.childOf(node, c);
      if (child < 0) break;
      node = child;
      i++;
      if (c === SPACE) while (i < n && isInlineSpace(text.charCodeAt(i))) i++;
      if (nodes[3 * node + 2] >= 0 && hits < MAX_HITS) {
        endPos[hits] = i;
        endNode[hits++] = node;
      }
    }
    for (let k = hits - 1; k >= 0; k--) {
      const end = endPos[k];
      if (folded[end - 1] === SPACE) continue;
      for (const e of this.entryLists[nodes[3 * endNode[k] + 2]]) {
        if (!accept(e)) continue;
        if (!this.rightBoundaryOk(text, folded, end, e)) continue;
        if (!caseOk(text, folded, from, end, e)) continue;
        return { start: from, end: extendEnd(text, folded, end, e), entry: e };
      }
    }
    return null;
  }

  private rightBoundaryOk(text: string, folded: Uint16Array, end: number, e: AliasEntry): boolean {
    if (end >= text.length) return true;
    const next = text.charCodeAt(end);
    if (e.exclusion && next === HYPHEN) return false;
    if (!isWordChar(next)) return true;
    const last = text.charCodeAt(end - 1);
    const lastScript = scriptOf(last);
    if (lastScript === Script.Cjk) return true;
    // Katakana names stand alone in their katakana run (タイ is not the start of タイプ).
    if (lastScript === Script.Kana) return scriptOf(next) !== Script.Kana;
    if (!isWordChar(last)) return false;
    // Korean particles and some nouns attach to the name (북한이, 러시아군, NATO는); 인도적 is not 인도.
    if (scriptOf(next) === Script.Hangul && (lastScript === Script.Hangul || lastScript === Script.Latin)) {
      let j = end;
      while (j < text.length && scriptOf(text.charCodeAt(j)) === Script.Hangul) j++;
      const tail = text.slice(end, j);
      return this.koreanParticles.some((p) => tail.startsWith(p));
    }
    if (lastScript === Script.Arabic && scriptOf(next) === Script.Arabic) {
      let j = end;
      while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
      return ARABIC_SUFFIXES.has(String.fromCharCode(...folded.subarray(end, j)));
    }
    return false;
  }
}

/** An Arabic match covers its suffix too, so the surface is the whole word. */
function extendEnd(text: string, _folded: Uint16Array, end: number, e: AliasEntry): number {
  if (e.exclusion) return end;
  const last = text.charCodeAt(end - 1);
  if (scriptOf(last) !== Script.Arabic) return end;
  let j = end;
  while (j < text.length && scriptOf(text.charCodeAt(j)) === Script.Arabic) j++;
  return j;
}

function prevUnit(text: string, i: number): number {
  let j = i - 1;
  while (j > 0 && isIgnorable(text.charCodeAt(j))) j--;
  return text.charCodeAt(j);
}

function startsWithAt(folded: Uint16Array, at: number, s: string): boolean {
  if (at + s.length >= folded.length) return false;
  for (let k = 0; k < s.length; k++) if (folded[at + k] !== s.charCodeAt(k)) return false;
  return scriptOf(folded[at + s.length]) === Script.Arabic;
}

/** Letter case: 'exact' compares every letter's case, 'initial' wants a capital first letter. */
function caseOk(text: string, folded: Uint16Array, start: number, end: number, e: AliasEntry): boolean {
  if (e.caseMode === 'any') return true;
  if (e.caseMode === 'initial')
    return isUpperCase(caseSource(text, folded, start)) || !hasCase(text.charCodeAt(start));
  // exact: walk the alias and the text together, skipping what the matcher skipped.
  let a = 0;
  const alias = e.text;
  for (let i = start; i < end && a < alias.length; i++) {
    const t = text.charCodeAt(i);
    if (isIgnorable(t)) continue;
    if (isInlineSpace(t)) {
      while (a < alias.length && alias.charCodeAt(a) === SPACE) a++;
      continue;
    }
    const ac = alias.charCodeAt(a++);
    if (hasCase(ac) && isUpperCase(ac) !== isUpperCase(caseSource(text, folded, i))) return false;
  }
  return true;
}
