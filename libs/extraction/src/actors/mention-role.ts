import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ActorKind, ActorMention, MentionCue, MentionRole } from '../model';
import { Script, foldString, isUpperCase, isWordChar, scriptOf } from './text-fold';

interface ContextFile {
  actorCue: { before: string[] };
  location: { before: string[]; after: string[]; exceptBefore: string[] };
  travel: { before: string[]; verbs: string[]; directions: string[] };
  border: { before: string[]; after: string[] };
  nationality: { before: string[]; after: string[] };
  outlet: { before: string[]; after: string[] };
  institution: { before: string[]; after: string[] };
  membership: { before: string[]; after: string[] };
}

/** Folded phrases (of one to four words) with a value, looked up by phrase keys (see phraseKeys). */
class PhraseMap<V> {
  private readonly map = new Map<string, V>();
  /** The first and the last word of every phrase: keys[1], the one word every key holds, must be one. */
  private readonly ends = new Set<string>();
  private maxWords = 0;
  /** Adds phrases; a phrase already present keeps its first value. */
  add(phrases: readonly string[], value: V): this {
    for (const p of phrases) {
      const f = foldString(p).trim().replace(/\s+/g, ' ');
      if (!this.map.has(f)) this.map.set(f, value);
      const words = f.split(' ');
      this.ends.add(words[0]);
      this.ends.add(words[words.length - 1]);
      this.maxWords = Math.max(this.maxWords, words.length);
    }
    return this;
  }
  /** The value of the longest phrase among the keys, if any. */
  find(keys: readonly string[]): V | undefined {
    // Most words next to a name end no phrase: one lookup instead of joining and hashing longer keys.
    if (keys.length > 1 && !this.ends.has(keys[1])) return undefined;
    for (let n = Math.min(this.maxWords, keys.length - 1); n >= 1; n--) {
      const v = this.map.get(keys[n]);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  has(keys: readonly string[]): boolean {
    return this.find(keys) !== undefined;
  }
}

interface RoleLexicon {
  actorCue: Set<string>;
  travelVerbs: Set<string>;
  directions: Set<string>;
  coordinators: Set<string>;
  locationBefore: PhraseMap<true>;
  locationAfter: PhraseMap<true>;
  /** Folded one-word location words that carry an accent, to their written forms ("a" → "à"). */
  accentedLocation: Map<string, string>;
  warBefore: PhraseMap<true>;
  weakBefore: PhraseMap<MentionCue>;
  weakAfter: PhraseMap<MentionCue>;
}

let lexicon: RoleLexicon | null = null;

function roleLexicon(): RoleLexicon {
  if (lexicon) return lexicon;
  const c = JSON.parse(readFileSync(dataPath('actors', 'context.json'), 'utf8')) as ContextFile;
  lexicon = {
    actorCue: new Set(c.actorCue.before.map((w) => foldString(w))),
    travelVerbs: new Set(c.travel.verbs.map((w) => foldString(w))),
    directions: new Set(c.travel.directions.map((w) => foldString(w))),
    coordinators: new Set([...COORDINATORS].map((w) => foldString(w))),
    locationBefore: new PhraseMap<true>().add(c.location.before, true),
    locationAfter: new PhraseMap<true>().add(c.location.after, true),
    accentedLocation: new Map(
      c.location.before
        .filter((w) => !w.includes(' ') && foldString(w) !== w.toLowerCase())
        .map((w) => [foldString(w), w.toLowerCase()]),
    ),
    warBefore: new PhraseMap<true>().add(c.location.exceptBefore, true),
    weakBefore: new PhraseMap<MentionCue>()
      .add(c.travel.before, 'travel')
      .add(c.border.before, 'border')
      .add(c.nationality.before, 'nationality')
      .add(c.outlet.before, 'outlet')
      .add(c.institution.before, 'institution')
      .add(c.membership.before, 'membership'),
    weakAfter: new PhraseMap<MentionCue>()
      .add(c.border.after, 'border')
      .add(c.nationality.after, 'nationality')
      .add(c.outlet.after, 'outlet')
      .add(c.institution.after, 'institution')
      .add(c.membership.after, 'membership'),
  };
  return lexicon;
}

const WINDOW = 48;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

function isWordUnit(c: number): boolean {
  return c === APOSTROPHE || c === HYPHEN || isWordChar(c);
}

/** Stops the look-back: a line break, quotes, or the end of the previous sentence. */
function endsContext(folded: Uint16Array, i: number): boolean {
  const c = folded[i];
  if (c === 0x0a || c === 0x22 || c === 0x201c || c === 0x201d || c === 0x3f || c === 0x21) return true;
  return c === 0x2e && (i + 1 >= folded.length || folded[i + 1] === 0x20 || folded[i + 1] === 0x0a);
}

function wordAt(folded: Uint16Array, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && (folded[a] === APOSTROPHE || folded[a] === HYPHEN)) a++;
  while (b > a && folded[b - 1] === APOSTROPHE) b--;
  // "-made", "-born": a leading hyphen is kept when it joins the word to the mention.
  if (from < a && folded[from] === HYPHEN && a < b) a = from;
  return foldedString(folded).slice(a, b);
}

let lastFolded: Uint16Array | null = null;
let lastFoldedString = '';

/** The folded text as a string, built once per text (words are then slices of it, not copies). */
function foldedString(folded: Uint16Array): string {
  if (folded !== lastFolded) {
    const parts: string[] = [];
    for (let k = 0; k < folded.length; k += 4096)
      parts.push(String.fromCharCode.apply(null, folded.subarray(k, k + 4096) as unknown as number[]));
    lastFoldedString = parts.join('');
    lastFolded = folded;
  }
  return lastFoldedString;
}

/** Up to four folded words before `pos` in the same sentence and line, nearest last; `starts` gets their offsets. */
function wordsBefore(folded: Uint16Array, pos: number, starts: number[] = []): string[] {
  const words: string[] = [];
  const stop = Math.max(0, pos - WINDOW);
  let i = pos - 1;
  while (i >= stop && words.length < 4) {
    if (endsContext(folded, i)) break;
    if (!isWordUnit(folded[i])) {
      i--;
      continue;
    }
    let j = i;
    while (j - 1 >= stop && isWordUnit(folded[j - 1])) j--;
    const w = wordAt(folded, j, i + 1);
    if (w && w !== '-') {
      words.push(w);
      starts.push(j);
    }
    i = j - 1;
  }
  starts.reverse();
  return words.reverse();
}

/** Up to four folded words after `pos` in the same sentence and line, a possessive ('s) skipped. */
function wordsAfter(folded: Uint16Array, pos: number): string[] {
  const words: string[] = [];
  const stop = Math.min(folded.length, pos + WINDOW);
  let i = pos;
  if (folded[i] === APOSTROPHE) i += folded[i + 1] === 0x73 && !isWordChar(folded[i + 2]) ? 2 : 1;
  while (i < stop && words.length < 4) {
    if (endsContext(folded, i)) break;
    if (!isWordUnit(folded[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < stop && isWordUnit(folded[j])) j++;
    const w = wordAt(folded, i, j);
    if (w && w !== '-') words.push(w);
    i = j;
  }
  return words;
}

/** The joined last (or first) 1..4 words: keys[n] for phrases of n words. */
function phraseKeys(words: readonly string[], fromEnd: boolean): string[] {
  const keys = [''];
  const n = words.length;
  let key = '';
  for (let k = 1; k <= n; k++) {
    const w = fromEnd ? words[n - k] : words[k - 1];
    key = k === 1 ? w : fromEnd ? `${w} ${key}` : `${key} ${w}`;
    keys.push(key);
  }
  return keys;
}

const ROLE_OF_CUE: Record<MentionCue, MentionRole> = {
  in: 'location',
  travel: 'location',
  border: 'location',
  place: 'location',
  nationality: 'attribute',
  outlet: 'attribute',
  institution: 'attribute',
  membership: 'attribute',
  dateline: 'dateline',
};

const COORDINATORS = new Set([
  ',',
  'and',
  'or',
  'dan',
  'atau',
  'serta',
  'и',
  'или',
  'et',
  'ou',
  'y',
  'o',
  'e',
  'und',
  'oder',
  'και',
  'ή',
  'و',
  'أو',
  '및',
  '또는',
  '&',
  '/',
]);

const DATELINE_PREFIX = /^\s*(?:[([]|[\w.-]+\.(?:com|co\.id|id|net|org|co|news|tv|kr|ru)\s*[,:]?\s*)?$/i;
const DATELINE_SUFFIX =
  /^\s*(?:,\s*[^\n–—:=]{0,40}?)?\s*(?:\([^)\n]{1,30}\)\s*)?(?:\/[^/\n]{1,15}\/|–|—|-{1,2}\s|-{1,2}(?=\p{L})|=)/u;
const DATELINE_COLON = /^\s*(?:\([^)\n]{1,30}\)\s*)?:/;

function isDateline(text: string, m: ActorMention): boolean {
  const ls = text.lastIndexOf('\n', m.start - 1) + 1;
  if (m.start - ls > 40) return false;
  if (!DATELINE_PREFIX.test(text.slice(ls, m.start))) return false;
  let le = text.indexOf('\n', m.end);
  if (le < 0) le = text.length;
  const rest = text.slice(m.end, Math.min(le, m.end + 60));
  // A demonym is never a dateline, and a hyphen glued to a name in mixed case makes a compound
  // ("Turkish-built drones", "Russia-backed forces"), not "JAKARTA-Rusia".
  if (m.kind === 'demonym') return false;
  if (DATELINE_SUFFIX.test(rest)) return !/^-(?=\p{L})/u.test(rest) || isAllCaps(m.surface);
  // "NEW DELHI:", and a capital in title case ("New Delhi: Russia will deliver …"), not "Russia: …".
  return DATELINE_COLON.test(rest) && (isAllCaps(m.surface) || m.kind === 'metonym');
}

function isAllCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (String.fromCharCode(c).toLowerCase() === String.fromCharCode(c).toUpperCase()) continue;
    if (!isUpperCase(c)) return false;
    letters++;
  }
  return letters > 1;
}

/** "Yangon, Burma, on March 2" / "Sochi, Russia 09 June": a country after a place name. */
function isCityCountry(text: string, m: ActorMention, prev: ActorMention | null): boolean {
  if (m.kind !== 'name' && m.kind !== 'demonym') return false;
  let p = m.start - 1;
  while (p >= 0 && text.charCodeAt(p) === 0x20) p--;
  if (p < 0 || text.charCodeAt(p) !== 0x2c) return false;
  // "Egypt, Jordan and Iraq" is a list of states; "Kyiv, Ukraine" a capital and its country.
  if (prev && prev.end === p && prev.kind !== 'metonym') return false;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const cm = /([\p{Lu}][\p{L}\p{M}'’-]+),\s*$/u.exec(before);
  if (!cm) return false;
  const after = text.slice(m.end, m.end + 12);
  return /^(?:\s*$|\s*[,.;:)]|\s+[-–—]|\s+\d|\s*\n)/.test(after);
}

/** "미국 뉴욕 유엔본부에서": a bare Korean country name opening a place phrase ending in 에서. */
function isKoreanPlacePhrase(text: string, m: ActorMention): boolean {
  if (scriptOf(text.charCodeAt(m.end - 1)) !== Script.Hangul) return false;
  if (m.end < text.length && isWordChar(text.charCodeAt(m.end))) return false;
  const words = text
    .slice(m.end, m.end + 30)
    .trim()
    .split(/\s+/)
    .slice(0, 2);
  return words.some((w) => /에서[,.]?$/.test(w));
}

/**
 * Sets `role` on every mention: dateline, location, attribute, or actor. Mentions must be sorted
 * by start; `folded` is foldText(text). A state joined by "and"/"," to a weak state mention
 * shares its role ("di Korea Utara dan Vietnam").
 */
export function assignMentionRoles(
  text: string,
  folded: Uint16Array,
  mentions: ActorMention[],
  kindOf: (id: string) => ActorKind | undefined,
): void {
  const lex = roleLexicon();
  let prev: ActorMention | null = null;
  let prevState = false;
  for (const m of mentions) {
    const kind = kindOf(m.actorId);
    const state = kind === 'state';
    // Agencies, people and groups act wherever they are named; states, bodies and entities may be places.
    const cue =
      state || kind === 'body' || kind === 'entity' ? cueOf(text, folded, m, lex, state, prev) : null;
    m.role = cue ? ROLE_OF_CUE[cue] : 'actor';
    if (cue) m.cue = cue;
    if (
      m.role === 'actor' &&
      state &&
      prev &&
      prevState &&
      prev.role !== 'actor' &&
      prev.role !== 'dateline' &&
      prev.end <= m.start
    ) {
      const gap = text.slice(prev.end, m.start).trim().toLowerCase();
      if (
        gap.length <= 6 &&
        gap !== '' &&
        (COORDINATORS.has(gap) || COORDINATORS.has(gap.replace(/^,\s*/, '')))
      ) {
        m.role = prev.role;
        m.cue = prev.cue;
      }
    }
    if (!(prev && prev.start === m.start)) {
      prev = m;
      prevState = state;
    }
  }
}

/**
 * Whether the location word right before a name lacks the accent that makes it one: French "à Paris"
 * is a place, Portuguese "a Rússia" (the article, or "to") and "A Coreia do Norte" are not.
 */
function unaccented(
  text: string,
  before: readonly string[],
  starts: readonly number[],
  lex: RoleLexicon,
): boolean {
  const n = before.length;
  const written = n ? lex.accentedLocation.get(before[n - 1]) : undefined;
  if (!written) return false;
  return text.slice(starts[n - 1], starts[n - 1] + before[n - 1].length).toLowerCase() !== written;
}

const CLAUSE_COMMA = /[,،，;]/u;

function cueOf(
  text: string,
  folded: Uint16Array,
  m: ActorMention,
  lex: RoleLexicon,
  isState: boolean,
  prev: ActorMention | null,
): MentionCue | null {
  if (isDateline(text, m)) return 'dateline';
  const starts: number[] = [];
  let before = wordsBefore(folded, m.start, starts);
  // A comma between the words before and the name cuts them off: "the Wall Street Journal, Iran shipped".
  if (before.length) {
    const lastEnd = starts[starts.length - 1] + before[before.length - 1].length;
    if (CLAUSE_COMMA.test(text.slice(lastEnd, m.start))) before = [];
  }
  const after = wordsAfter(folded, m.end);
  if (before.some((w) => lex.actorCue.has(w))) return null;
  const beforeKeys = phraseKeys(before, true);
  const afterKeys = phraseKeys(after, false);
  const weak = lex.weakAfter.find(afterKeys) ?? lex.weakBefore.find(beforeKeys);
  if (weak) return weak;
  if (!isState) return null;
  const n = before.length;
  // "arrived in Tehran from Oman": a direction word with a travel verb shortly before it.
  if (
    n >= 2 &&
    lex.directions.has(before[n - 1]) &&
    before.slice(Math.max(0, n - 4), n - 1).some((w) => lex.travelVerbs.has(w))
  )
    return 'travel';
  // "berbasis di Hong Kong dan Uni Emirat Arab": a place phrase coordinated with this name.
  if (n >= 3 && lex.coordinators.has(before[n - 1])) {
    for (let k = n - 2; k >= Math.max(1, n - 4); k--) {
      if (!isUpperCase(text.charCodeAt(starts[k]))) break;
      if (
        lex.locationBefore.has(phraseKeys(before.slice(0, k), true)) &&
        !lex.warBefore.has(phraseKeys(before.slice(0, k - 1), true))
      )
        return 'in';
    }
  }
  if (lex.locationBefore.has(beforeKeys) && !unaccented(text, before, starts, lex)) {
    // "the war in Ukraine", "sent to fight in Ukraine": a party to a war, a destination of troops.
    for (let k = before.length - 1; k >= 1; k--)
      if (
        lex.locationBefore.has(phraseKeys(before.slice(0, k + 1), true)) &&
        lex.warBefore.has(phraseKeys(before.slice(0, k), true))
      )
        return null;
    return 'in';
  }
  if (scriptOf(text.charCodeAt(m.end - 1)) === Script.Hangul && m.end < text.length) {
    const tail = /^[\uac00-\ud7a3]*/.exec(text.slice(m.end, m.end + 6))?.[0] ?? '';
    if (lex.locationAfter.has(['', tail])) return 'in';
  }
  if (isCityCountry(text, m, prev) || isKoreanPlacePhrase(text, m)) return 'place';
  return null;
}
