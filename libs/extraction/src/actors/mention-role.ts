import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ActorMention, MentionRole } from '../model';
import { Script, foldString, isUpperCase, isWordChar, scriptOf } from './text-fold';

interface ContextFile {
  actorCue: { before: string[] };
  location: { before: string[]; after: string[]; exceptBefore: string[] };
  travel: { before: string[] };
  border: { before: string[]; after: string[] };
  nationality: { before: string[]; after: string[] };
  outlet: { before: string[]; after: string[] };
  institution: { before: string[]; after: string[] };
  membership: { before: string[]; after: string[] };
}

/** Folded phrase sets, by how many words they have (so a lookup is a few Set probes). */
class PhraseSet {
  private readonly byWords = new Map<number, Set<string>>();
  constructor(phrases: readonly string[]) {
    for (const p of phrases) {
      const f = foldString(p).trim().replace(/\s+/g, ' ');
      const n = f.split(' ').length;
      if (!this.byWords.has(n)) this.byWords.set(n, new Set());
      this.byWords.get(n)?.add(f);
    }
  }
  /** Whether the last words of `words` form a phrase of the set. */
  matchesEnd(words: readonly string[]): boolean {
    for (const [n, set] of this.byWords)
      if (words.length >= n && set.has(words.slice(words.length - n).join(' '))) return true;
    return false;
  }
  /** Whether the first words of `words` form a phrase of the set. */
  matchesStart(words: readonly string[]): boolean {
    for (const [n, set] of this.byWords)
      if (words.length >= n && set.has(words.slice(0, n).join(' '))) return true;
    return false;
  }
}

interface RoleLexicon {
  actorCue: Set<string>;
  locationBefore: PhraseSet;
  locationAfter: PhraseSet;
  warBefore: PhraseSet;
  weakBefore: { set: PhraseSet; role: MentionRole }[];
  weakAfter: { set: PhraseSet; role: MentionRole }[];
}

let lexicon: RoleLexicon | null = null;

function roleLexicon(): RoleLexicon {
  if (lexicon) return lexicon;
  const c = JSON.parse(readFileSync(dataPath('actors', 'context.json'), 'utf8')) as ContextFile;
  lexicon = {
    actorCue: new Set(c.actorCue.before.map((w) => foldString(w))),
    locationBefore: new PhraseSet(c.location.before),
    locationAfter: new PhraseSet(c.location.after),
    warBefore: new PhraseSet(c.location.exceptBefore),
    weakBefore: [
      { set: new PhraseSet(c.travel.before), role: 'location' },
      { set: new PhraseSet(c.border.before), role: 'location' },
      { set: new PhraseSet(c.nationality.before), role: 'attribute' },
      { set: new PhraseSet(c.outlet.before), role: 'attribute' },
      { set: new PhraseSet(c.institution.before), role: 'attribute' },
      { set: new PhraseSet(c.membership.before), role: 'attribute' },
    ],
    weakAfter: [
      { set: new PhraseSet(c.border.after), role: 'location' },
      { set: new PhraseSet(c.nationality.after), role: 'attribute' },
      { set: new PhraseSet(c.outlet.after), role: 'attribute' },
      { set: new PhraseSet(c.institution.after), role: 'attribute' },
      { set: new PhraseSet(c.membership.after), role: 'attribute' },
    ],
  };
  return lexicon;
}

const WINDOW = 48;
const WORD = /[\p{L}\p{M}\p{N}'’-]+/gu;

/** Up to four folded words before `pos` on the same line (stopping at sentence punctuation). */
function wordsBefore(text: string, pos: number): string[] {
  let from = Math.max(0, pos - WINDOW);
  const nl = text.lastIndexOf('\n', pos - 1);
  if (nl >= from) from = nl + 1;
  let chunk = text.slice(from, pos);
  const stop = Math.max(
    chunk.lastIndexOf('. '),
    chunk.lastIndexOf('? '),
    chunk.lastIndexOf('! '),
    chunk.lastIndexOf('"'),
    chunk.lastIndexOf('“'),
  );
  if (stop >= 0) chunk = chunk.slice(stop + 1);
  const words = foldString(chunk).match(WORD) ?? [];
  return words.slice(-4).map(stripApostrophe);
}

/** Up to four folded words after `pos` on the same line, a possessive ('s) skipped. */
function wordsAfter(text: string, pos: number): string[] {
  let to = Math.min(text.length, pos + WINDOW);
  const nl = text.indexOf('\n', pos);
  if (nl >= 0 && nl < to) to = nl;
  let chunk = foldString(text.slice(pos, to));
  chunk = chunk.replace(/^'s?\b/, '');
  const words = chunk.match(WORD) ?? [];
  return words.slice(0, 4).map(stripApostrophe);
}

function stripApostrophe(w: string): string {
  return w.replace(/^'+|'+$/g, '');
}

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

const DATELINE_PREFIX = /^\s*(?:\(|[\w.-]+\.(?:com|co\.id|id|net|org|co|news|tv|kr|ru)\s*[,:]?\s*)?$/i;
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
  if (DATELINE_SUFFIX.test(rest)) return true;
  return DATELINE_COLON.test(rest) && isAllCaps(m.surface);
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
function isCityCountry(text: string, m: ActorMention): boolean {
  if (m.kind !== 'name') return false;
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const cm = /([\p{Lu}][\p{L}\p{M}'’-]+),\s*$/u.exec(before);
  if (!cm) return false;
  const after = text.slice(m.end, m.end + 12);
  return /^(?:\s*$|\s*[,.;:)]|\s+\d|\s*\n)/.test(after);
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
 * by start. A mention joined by "and"/"," to a weak one shares its role ("di Korea Utara dan
 * Vietnam").
 */
export function assignMentionRoles(
  text: string,
  mentions: ActorMention[],
  actorIsState: (id: string) => boolean,
): void {
  const lex = roleLexicon();
  let prev: ActorMention | null = null;
  for (const m of mentions) {
    m.role = roleOf(text, m, lex, actorIsState(m.actorId));
    if (
      m.role === 'actor' &&
      prev &&
      prev.role !== 'actor' &&
      prev.role !== 'dateline' &&
      prev.end <= m.start
    ) {
      const gap = foldString(text.slice(prev.end, m.start)).trim();
      if (
        gap.length <= 6 &&
        (gap === '' ? false : COORDINATORS.has(gap) || COORDINATORS.has(gap.replace(/^,\s*/, '')))
      )
        m.role = prev.role;
    }
    if (!(prev && prev.start === m.start)) prev = m;
  }
}

function roleOf(text: string, m: ActorMention, lex: RoleLexicon, isState: boolean): MentionRole {
  if (isDateline(text, m)) return 'dateline';
  const before = wordsBefore(text, m.start);
  const after = wordsAfter(text, m.end);
  if (before.some((w) => lex.actorCue.has(w))) return 'actor';
  for (const { set, role } of lex.weakAfter) if (set.matchesStart(after)) return role;
  for (const { set, role } of lex.weakBefore) if (set.matchesEnd(before)) return role;
  if (!isState) return 'actor';
  if (lex.locationBefore.matchesEnd(before)) {
    // "the war in Ukraine": a party to a named war is an actor (contract).
    for (let k = before.length - 1; k >= 1; k--) {
      const head = before.slice(0, k);
      if (lex.locationBefore.matchesEnd(before.slice(0, k + 1)) && lex.warBefore.matchesEnd(head))
        return 'actor';
    }
    return 'location';
  }
  if (scriptOf(text.charCodeAt(m.end - 1)) === Script.Hangul && m.end < text.length) {
    const tail = /^[\uac00-\ud7a3]*/.exec(text.slice(m.end, m.end + 6))?.[0] ?? '';
    if (lex.locationAfter.matchesStart([tail])) return 'location';
  }
  if (isCityCountry(text, m) || isKoreanPlacePhrase(text, m)) return 'location';
  return 'actor';
}
