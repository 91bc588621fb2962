import { actorRegistry } from '../actors/actor-registry';
import { ActorMention, MentionKind } from '../model';
import { CompiledLexicon, MarkerPair } from './claim-lexicon';
import { PhraseHit, PhraseMatcher, Token, countWords } from './pattern.compiler';

/** What an actor is for role assignment: a state (or what folds to one), a scored body, or a separatist entity. */
export type ActorClass = 'state' | 'body' | 'entity' | 'other';

const BODIES = new Set(['UN', 'EU', 'NATO', 'IAEA']);

/** Role markers around one mention: "from Iran", "ke Rusia", "러시아에", "Iranian-made", "war in Ukraine". */
export interface MentionFlags {
  from: boolean;
  to: boolean;
  by: boolean;
  with: boolean;
  location: boolean;
  sanctionTarget: boolean;
  origin: boolean;
  conflict: boolean;
  occupier: boolean;
  territory: boolean;
  possessive: boolean;
  /** Marked as the subject by a particle (Korean "러시아가", "북한은"). */
  subject: boolean;
  /** Where the subject marker ends (the mention's end when unmarked): "ABD," ends after its comma. */
  subjectEnd: number;
}

export interface MentionView extends MentionFlags {
  actorId: string;
  /** Country-folded id, as the scorer compares actors. */
  fold: string;
  cls: ActorClass;
  kind: MentionKind;
  start: number;
  end: number;
  /** Clause segment of the sentence (split on commas, brackets, quotes, dashes). */
  seg: number;
  /** Inside an attribution ("the Pentagon said", "menurut AS"): the speaker, not a party. */
  attrib: boolean;
  /** Index (in the sentence's mentions) of the mention it is coordinated with ("Russia and Syria"). */
  coord: number;
  /** A nationality, an outlet's or an institute's country, a membership ("North Korean workers", "UN member"). */
  attribute: boolean;
}

export type AttributionKind = 'say' | 'accuse' | 'according' | 'pronoun';

export interface Attribution {
  start: number;
  end: number;
  kind: AttributionKind;
  /** The speakers named in it (actor mentions). */
  actors: MentionView[];
  /** A media outlet, think tank, report or unnamed source stands behind it. */
  media: boolean;
  /**
   * The speakers issue an act rather than report one ("the State Department approved the sale of …",
   * "Mali and Niger announced a joint force"): they stay parties of what follows.
   */
  issuing?: boolean;
}

export interface SentenceView {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
  mentions: MentionView[];
  /** Absolute offsets where clause segments start (first = sentence start). */
  segStarts: number[];
  attributions: Attribution[];
  tokens: Token[];
  /** The sentence's event date, resolved once for all its claims. */
  eventDate?: { value: string | null };
  /** Hits of each matcher over the sentence, computed once. */
  hitCache: HitCache;
}

/**
 * Hits of matchers over one sentence: a matcher's own hits under the matcher, and a group's one scan
 * under the group, as its members' hits by slot (one entry per group, not one per member).
 */
export type HitCache = Map<object, PhraseHit<unknown>[] | PhraseHit<unknown>[][]>;

/** The hits of a matcher over a sentence (memoised on the view). */
export function sentenceHits<T>(
  sv: { tokens: Token[]; text: string; start: number; hitCache: HitCache },
  m: PhraseMatcher<T>,
): PhraseHit<T>[] {
  const own = sv.hitCache.get(m);
  if (own) return own as PhraseHit<T>[];
  const group = m.bySubstring ? null : m.group;
  if (group) {
    // One pass gives the hits of every matcher of the group.
    let all = sv.hitCache.get(group) as PhraseHit<unknown>[][] | undefined;
    if (!all) {
      all = group.allTokens(sv.tokens);
      sv.hitCache.set(group, all);
    }
    return all[m.slot] as PhraseHit<T>[];
  }
  const h = m.allIn(sv.tokens, sv.text, sv.start);
  sv.hitCache.set(m, h as PhraseHit<unknown>[]);
  return h;
}

/** Clause marks; a comma or colon between digits ("10,000", "07:47") is part of a number. */
const SEGMENT_BREAK = /(?<!\p{Nd})[,:]|[,:](?!\p{Nd})|[;()[\]“”"«»—–，；：（）]|\s-{1,2}\s|،|、/gu;

/**
 * An aside between two commas that leaves the clause whole: "Thailand, for example, operates …",
 * "Thailand, misalnya, mengoperasikan …". Its commas start no segment.
 */
export const ASIDE =
  /,\s*(?:for example|for instance|however|meanwhile|in turn|moreover|too|also|misalnya|contohnya|sebagai contoh|sementara itu|par exemple|cependant|quant à elle|quant à lui|por ejemplo|sin embargo|a su vez|zum Beispiel|jedoch|ihrerseits|seinerseits|por exemplo|no entanto|ad esempio|tuttavia|örneğin)\s*,/giu;

/** A term of at most four words in quotation marks, inside a clause: 'its "unreliable entity" list'. */
const QUOTED_TERM = /["“«„](?:[\p{L}\p{N}'’-]+\s?){1,4}["”»“]/gu;

/** Whether an opening quotation mark stands in the text (indexOf scans natively; the regex would not). */
const hasQuote = (text: string): boolean =>
  text.includes('"') || text.includes('“') || text.includes('«') || text.includes('„');

export function segmentStarts(text: string, offset: number): number[] {
  const starts = [offset];
  const skip = new Set<number>();
  ASIDE.lastIndex = 0;
  let a: RegExpExecArray | null;
  while ((a = ASIDE.exec(text))) {
    skip.add(a.index);
    skip.add(a.index + a[0].length - 1);
  }
  // A short term in quotes ('its "unreliable entity" list') is part of its clause.
  if (hasQuote(text)) {
    QUOTED_TERM.lastIndex = 0;
    while ((a = QUOTED_TERM.exec(text))) {
      skip.add(a.index);
      skip.add(a.index + a[0].length - 1);
    }
  }
  SEGMENT_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SEGMENT_BREAK.exec(text))) if (!skip.has(m.index)) starts.push(offset + m.index + m[0].length);
  return starts;
}

export function segmentOf(segStarts: number[], pos: number): number {
  let lo = 0;
  let hi = segStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** State, scored body, separatist entity, or something the contract does not score as a party (GCC, ASEAN). */
export function classify(fold: string): ActorClass {
  if (BODIES.has(fold)) return 'body';
  const kind = actorRegistry().kindOf(fold);
  if (kind === 'entity') return 'entity';
  if (kind === 'state' || /^[A-Z]{3}$/.test(fold)) return 'state';
  return kind === undefined && /^[a-z]{3}\.[a-z]/.test(fold) ? 'entity' : 'other';
}

export function foldActor(id: string): string {
  return actorRegistry().foldToCountry(id);
}

/** The id a claimant is given: agencies keep their slug (the scorer folds "usa.dod"), people fold to their country. */
export function claimantId(actorId: string): string {
  return /^[a-z]{3}\./.test(actorId) || /^[A-Z]{3}$/.test(actorId) || BODIES.has(actorId)
    ? actorId
    : foldActor(actorId);
}

/** The words right before a mention: the sentence's tokens before it, plus a clitic glued to it ("لروسيا"). */
interface Before {
  tokens: Token[];
  last: number;
  text: string;
}

/** The words right after a mention, lower-cased once for every marker test. */
interface After {
  head: string;
  lead: number;
}

function markerTest(pair: MarkerPair, b: Before, after: After): boolean {
  if (!pair.after.empty && pair.after.matchLower(after.head, after.lead) >= 0) return true;
  if (pair.before.none) return pair.before.test(b.text);
  return b.last >= 0 && pair.before.testTokens(b.tokens, b.last, 0);
}

/** Builds the mention views of a sentence with their role markers; attribution is filled in later. */
export function buildMentionViews(
  text: string,
  sStart: number,
  sEnd: number,
  mentions: ActorMention[],
  segStarts: number[],
  lex: CompiledLexicon,
  tokens: Token[],
  arms: PhraseHit<unknown>[] = [],
): MentionView[] {
  const out: MentionView[] = [];
  const befores: Before[] = [];
  const mk = lex.marker;
  let ti = 0;
  for (const m of mentions) {
    if (m.role === 'dateline') continue;
    while (ti < tokens.length && tokens[ti].end <= m.start) ti++;
    const beforeText = text.slice(Math.max(sStart, m.start - 60), m.start);
    let btoks = tokens;
    let last = ti - 1;
    const gapStart = last >= 0 ? tokens[last].end : sStart;
    if (!/^[\s\-‐'’]*$/u.test(text.slice(gapStart, m.start))) last = -1;
    const inside = tokens[ti];
    if (inside && inside.start < m.start) {
      // A clitic glued to the name ("لروسيا", "بإيران") acts as the word before it.
      btoks = [
        ...tokens.slice(0, ti),
        {
          w: text.slice(inside.start, m.start).toLowerCase(),
          id: -1,
          start: inside.start,
          end: m.start,
          barrier: false,
        },
      ];
      last = btoks.length - 1;
    }
    const before: Before = { tokens: btoks, last, text: beforeText };
    const afterText = text.slice(m.end, Math.min(sEnd, m.end + 40));
    const lead = afterText.length - afterText.trimStart().length;
    const after: After = { head: afterText.slice(0, lead + 24).toLowerCase(), lead };
    const fold = foldActor(m.actorId);
    const v: MentionView = {
      actorId: m.actorId,
      fold,
      cls: classify(fold),
      kind: m.kind,
      start: m.start,
      end: m.end,
      seg: segmentOf(segStarts, m.start),
      attrib: false,
      coord: -1,
      attribute: m.role === 'attribute',
      from: markerTest(mk.from, before, after),
      to: markerTest(mk.to, before, after),
      by: markerTest(mk.by, before, after),
      with: markerTest(mk.with, before, after),
      // The recognizer's "location" role, unless a comma ends a clause right before the mention.
      location: markerTest(mk.location, before, after),
      sanctionTarget: markerTest(mk.sanctionTarget, before, after),
      origin: markerTest(mk.origin, before, after),
      conflict: markerTest(mk.conflict, before, after),
      occupier: markerTest(mk.occupier, before, after),
      territory: markerTest(mk.territory, before, after),
      possessive: !mk.possessive.after.empty && mk.possessive.after.matchLower(after.head, after.lead) >= 0,
      subject: !mk.subject.after.empty && mk.subject.after.matchLower(after.head, after.lead) >= 0,
      subjectEnd: m.end,
    };
    // A subject whose marker ends in a clause mark ("ABD, İran'a …", "北朝鮮は、…") belongs to the clause after it.
    if (v.subject) {
      v.subjectEnd = m.end + mk.subject.after.matchLower(after.head, after.lead);
      if (v.seg + 1 < segStarts.length && segStarts[v.seg + 1] <= v.subjectEnd) v.seg += 1;
    }
    // The recognizer's "location" role, unless our markers make it a destination or a source ("a Rusia"),
    // or a comma ends a clause right before the mention.
    if (m.role === 'location' && !v.to && !v.from && !v.by && !/[,،;]\s*$/u.test(beforeText))
      v.location = true;
    if (!v.origin) v.origin = originOf(v, m, text, tokens, ti, arms, lex);
    // "в Россию" (to) but "в России" (in): the preposition marks direction only with the accusative ending.
    if (
      lex.toCase &&
      !v.to &&
      before.last >= 0 &&
      lex.toCase.before.testTokens(before.tokens, before.last, 0)
    )
      if (lex.toCase.endings.some((e) => m.surface.endsWith(e))) {
        v.to = true;
        v.location = false;
      }
    // Scripts without word spaces glue a marker to the name: "대북" is "toward North Korea".
    if (mk.to.before.none?.some((p) => m.surface.startsWith(p) && m.surface.length > p.length)) v.to = true;
    const prev = out[out.length - 1];
    if (prev && prev.end <= v.start) {
      const gap = withoutAside(text.slice(prev.end, v.start));
      // A conjunction joins; a bare comma may end a clause ("… in Ukraine, North Korea became …").
      if (lex.conjunction.test(gap) && /[\p{L}&]/u.test(gap)) {
        v.coord = out.length - 1;
        // "A, B and C": the conjunction before the last item makes the comma-joined ones a list too.
        let chainStart = out.length - 1;
        for (let j = out.length - 1; j > 0 && out[j].coord < 0; j--) {
          const comma = withoutAside(text.slice(out[j - 1].end, out[j].start));
          // ", the" links items marked alike, or a marked head and an unmarked item ("by Indonesia, the
          // Philippines and …"), but no place: "In Ukraine, the United States and Britain" is no list.
          if (
            !/^\s*,\s*$/u.test(comma) &&
            !(
              lex.listCommaArticle.test(comma) &&
              (sameMarks(out[j - 1], out[j]) || listTail(out[j - 1], out[j]))
            )
          )
            break;
          out[j].coord = j - 1;
          chainStart = j - 1;
        }
        // "American, French and Israeli systems": the demonyms of a list all qualify the noun after the last.
        if (v.origin && v.kind === 'demonym' && lex.originAdjacency !== 'after')
          for (let j = chainStart; j < out.length; j++)
            if (out[j].kind === 'demonym' && !out[j].origin && !markerTestAny(lex, befores[j]))
              out[j].origin = true;
        // Comma-joined items share the marker of the first one too: "from Iran, Belarus and China".
        if (lex.objectSide !== 'before')
          for (let j = chainStart + 1; j < out.length; j++) {
            if (markerTestAny(lex, befores[j])) continue;
            for (const k of SHARED_MARKS) if (out[j - 1][k] && !out[j][k]) out[j][k] = true;
          }
        // A coordinated actor shares the role marker of the first one: "to Russia and Syria".
        for (const k of SHARED_MARKS)
          if (prev[k] && !v[k]) {
            const own = markerTestAny(lex, before);
            if (!own) v[k] = true;
          } else if (
            v[k] &&
            !prev[k] &&
            lex.objectSide === 'before' &&
            !markerTestAny(lex, befores[out.length - 1])
          ) {
            // Postpositions mark the last item only: "러시아와 중국에" sends to both.
            prev[k] = true;
            if (k === 'to' || k === 'from') prev.location = false;
          }
      }
    }
    out.push(v);
    befores.push(before);
  }
  return out;
}

/** Role markers a list's items share with its first item. */
const SHARED_MARKS = [
  'from',
  'to',
  'by',
  'with',
  'location',
  'sanctionTarget',
  'conflict',
  'territory',
] as const;

/** A gap without the short aside in brackets that opens it: "Indonesia (as the T-50i), the Philippines". */
const withoutAside = (gap: string): string => gap.replace(/^\s*\([^()]{0,60}\)/u, '');

/** `b` carries no marker of its own and `a`'s is one a list shares (not a place: "In Ukraine, the …"). */
const listTail = (a: MentionView, b: MentionView): boolean =>
  !b.to && !b.from && !b.by && !b.with && !b.location && !a.location;

/** Whether two mentions carry the same role markers (neither, or both, "to", "from", "by", "with", "in"). */
const sameMarks = (a: MentionView, b: MentionView): boolean =>
  a.to === b.to && a.from === b.from && a.by === b.by && a.with === b.with && a.location === b.location;

/**
 * Whether a mention names where items come from: a marker inside the mention ("buatan Iran"), or a
 * demonym or possessive next to a weapon word ("Iranian drones", "Iran's missiles", "drones iraníes").
 */
function originOf(
  v: MentionView,
  m: ActorMention,
  text: string,
  tokens: Token[],
  ti: number,
  arms: PhraseHit<unknown>[],
  lex: CompiledLexicon,
): boolean {
  if (v.to || v.from || v.by || v.with || v.location) return false;
  const own: Token[] = [];
  for (let k = ti; k < tokens.length && tokens[k].start < m.end; k++) own.push(tokens[k]);
  for (let k = 0; k < own.length - 1 && k < 3; k++)
    if (lex.marker.origin.before.testTokens(own, k, 0)) return true;
  const gapWords = (a: number, b: number) => {
    const gap = text.slice(a, b);
    return /[,;.:()“”"«»]/u.test(gap) ? 99 : countWords(gap);
  };
  const adj = lex.originAdjacency;
  // "Iranian drones", "Iran's missiles", "U.S. fighter jets": a demonym, a possessive or an abbreviation.
  const named = v.kind === 'demonym' || v.possessive || v.kind === 'abbreviation' || lex.originNames;
  if (
    named &&
    adj !== 'after' &&
    !FORCES_AFTER.test(text.slice(m.end, m.end + 24)) &&
    arms.some((h) => h.start >= m.end && gapWords(m.end, h.start) <= 2)
  )
    return true;
  if (
    adj !== 'before' &&
    arms.some(
      (h) => h.end <= m.start && gapWords(h.end, m.start) <= 1 && !TO_WORD.test(text.slice(h.end, m.start)),
    )
  )
    return true;
  return false;
}

/**
 * A state's forces or government right after its name: "the Russian army bought drones" names the buyer,
 * not where the drones come from ("Russian drones").
 */
const FORCES_AFTER =
  /^(?:'s)?\s+(?:army|navy|air force|military|armed forces|forces|troops|government|marines|coast guard|defen[cs]e ministry)\b/iu;

/** A preposition of direction between a weapon and a state: "aviões a Portugal" are sold to it, not made there. */
const TO_WORD = /^\s*(?:a|à|ao|aos|para|pour|al|hacia|ke|kepada|untuk|bagi|to|for)\s*$/iu;

const NO_AFTER: After = { head: '', lead: 0 };

/** Whether a mention has a role marker of its own right before it (then it does not inherit one). */
function markerTestAny(lex: CompiledLexicon, before: Before): boolean {
  const mk = lex.marker;
  return [mk.from, mk.to, mk.by, mk.with, mk.location].some((p) => markerTest(p, before, NO_AFTER));
}

/** Whether the mention stands where a party can: not a speaker, not an occupied place, not a nationality. */
export function isParty(m: MentionView): boolean {
  return !m.attrib && !m.territory && !m.attribute && (m.cls === 'state' || m.cls === 'entity');
}
