import { ActorMention, CleanedArticle, Claim, ClaimType, Sentence } from '../model';
import { MONTHS, WEEKDAYS } from '../temporal/calendar-lexicon';
import { resolveEventDate } from '../temporal/resolve-event-date';
import { detectAttributions, mainAttribution } from './attribution.resolver';
import {
  AttributeContext,
  claimInstrument,
  claimItems,
  claimModality,
  claimQuantity,
  claimStatus,
  denialBefore,
  isDenied,
  settledStatus,
  isHypothetical,
} from './claim-attributes';
import {
  DEFINITE_ITEM,
  FrameContext,
  ObjectSpan,
  Roles,
  TriggerHit,
  imposeRoles,
  pairRoles,
  recognitionRoles,
  transferRoles,
  violationRoles,
} from './claim-frames';
import { CompiledLexicon, ObjectClass, commonLexicon, lexiconFor, warmLexicons } from './claim-lexicon';
import { PhraseHit, PhraseMatcher, Token, countWords, tokenBefore, tokenize } from './pattern.compiler';
import {
  Attribution,
  HitCache,
  SentenceView,
  buildMentionViews,
  claimantId,
  classify,
  foldActor,
  isParty,
  segmentStarts,
  sentenceHits,
} from './sentence-view';

export interface ClaimContext {
  article: CleanedArticle;
  sentences: Sentence[];
  mentions: ActorMention[];
}

// Lexicons compile into matchers once, when the engine loads, not on the first article of a language.
warmLexicons();

const OBJECT_TYPE: Record<ObjectClass, ClaimType> = {
  arms: 'arms_transfer',
  workers: 'labor_export',
  troops: 'military_cooperation',
};

/**
 * A quantifier of any one act, right before a trigger noun ("any transfer", "setiap penjualan", "toute
 * livraison"), or before the act whose object the trigger is ("any transfer of missile technology").
 */
const ANY_BEFORE =
  /(?:^|[\s(])(?:any|setiap|toute?|cualquier|qualquer|jede[rns]?|jegliche[rns]?|qualsiasi)\s+(?:(?:transfers?|sales?|supply|deliver(?:y|ies)|export|exports|shipments?|pengiriman|penjualan|transfert|livraison|venta|transferencia|venda|transferência|lieferung)\s+(?:of|de|du|des|von|dari)\s+)?$/iu;
/**
 * A name written right before an exercise word ("the Balikatan exercises", "Freedom Shield drills"), or
 * right after it where modifiers follow the noun ("latihan Garuda Shield", "l'exercice Balikatan").
 */
const NAME_BEFORE =
  /(?:^|[\s"“(])((?:\p{Lu}[\p{L}\p{N}'’-]*\s+){0,2}\p{Lu}[\p{L}\p{N}'’-]+)["”]?(?:\s+\d{2,4})?\s+$/u;
const NAME_AFTER = /^\s+["“]?(\p{Lu}[\p{L}\p{N}'’-]+)/u;
/** Capitalised words that open a sentence or qualify a noun but name nothing. */
const NOT_A_NAME =
  /^(?:the|this|these|those|that|a|an|its|their|our|his|her|annual|joint|new|last|next|such|both|all|some|any|first|second|largest|major)$/iu;
/** What cuts a trigger off from an object noun: a semicolon, or a full stop that ends no initials ("U.S. jets"). */
const OBJECT_BREAK = /;|(?<!(?:^|[\s.])\p{Lu})\.\s/u;
/** A word of carrying between an arrival and the weapons it brings. */
const CARRYING = /(?:^|\s)(?:carrying|loaded with|laden with|with|membawa|mengangkut|berisi)\s/iu;
/** Punctuation that closes a clause (full stops are left to abbreviations: "U.N. sanctions"). */
const CLAUSE_PUNCT = /[,;:()，；：（）]/u;
/** Most words between a violation and the sanctions it names ("violated a number of UN sanctions"). */
const VIOLATION_OBJECT_WORDS = 6;
/** How far (characters) from a transfer verb its object noun may stand. */
const OBJECT_REACH = 90;
/** Claims whose roles rest on weaker rules than this are not emitted. */
const MIN_CONFIDENCE = 0.4;
/** Claims at least this sure come first for their relation, in reading order. */
const STRONG = 0.75;

interface Draft {
  claim: Claim;
  order: number;
  sentence: number;
}

interface Speaker {
  id: string;
  fold: string;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether an exercise word is named by a capitalised name that is no actor: a named exercise is a
 * military one ("The US and the Philippines began the Balikatan exercises") even where no military
 * word stands in the sentence.
 */
function namedExercise(
  h: PhraseHit<TriggerHit['spec']>,
  sv: SentenceView,
  text: string,
  lex: CompiledLexicon,
): boolean {
  const after = lex.originAdjacency === 'after';
  const from = after ? h.end : Math.max(sv.start, h.start - 40);
  const window = after ? text.slice(h.end, Math.min(sv.end, h.end + 40)) : text.slice(from, h.start);
  const m = (after ? NAME_AFTER : NAME_BEFORE).exec(window);
  if (!m) return false;
  const name = m[1];
  const first = name.split(/\s+/u)[0];
  // "latihan Senin lalu", "the April drills": a day or a month names no exercise.
  const low = first.toLowerCase();
  if (NOT_A_NAME.test(first) || MONTHS.has(low) || WEEKDAYS.has(low)) return false;
  const start = from + m.index + m[0].indexOf(name);
  const end = start + name.length;
  // "the Philippine exercises", "latihan Indonesia": an actor's name is a party, not the exercise's name.
  return !sv.mentions.some((x) => x.start < end && x.end > start);
}

/**
 * Claims of the six types with their attributes (shared/contract/extraction.md), from the sentences
 * of the cleaned body that hold a trigger and an actor. Policy: a repeated headline, a question and
 * a boilerplate line ("Baca juga", "Read more") carry no claim; evidence is always one body sentence.
 */
export function extractClaims(ctx: ClaimContext): Claim[] {
  const { article, sentences, mentions } = ctx;
  if (!sentences.length || !mentions.length) return [];
  const text = article.text;
  const lex = lexiconFor(article.language);
  const common = commonLexicon();
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const bySentence: ActorMention[][] = sentences.map(() => []);
  bucket(sentences, sorted, (i, m) => bySentence[i].push(m));
  // Only sentences that name an actor can hold a claim: the others are never tokenised for triggers.
  const tokenCache = new Map<number, Token[]>();
  const tokensOf = (i: number): Token[] => {
    let t = tokenCache.get(i);
    if (!t) {
      const s = sentences[i];
      t = tokenize(text.slice(s.start, s.end), s.start);
      tokenCache.set(i, t);
    }
    return t;
  };
  const hitsBySentence: PhraseHit<TriggerHit['spec']>[][] = sentences.map((s, i) =>
    bySentence[i].length ? lex.triggers.allIn(tokensOf(i), text.slice(s.start, s.end), s.start) : [],
  );
  if (!hitsBySentence.some((h) => h.length)) return [];

  const title = article.title ? norm(article.title) : null;
  const ac: AttributeContext = { text, lex, common };
  const views = new Map<number, SentenceView>();
  const paragraphOf = paragraphs(text, sentences);
  let entityCache: string[] | null = null;

  const viewOf = (i: number): SentenceView => {
    let v = views.get(i);
    if (v) return v;
    const s = sentences[i];
    const stext = text.slice(s.start, s.end);
    const segStarts = segmentStarts(stext, s.start);
    const tokens = tokensOf(i);
    const st = { text: stext, start: s.start, tokens, hitCache: new Map() as HitCache };
    // "roket ruang angkasa", "space rocket": arms words inside these are no weapons.
    const notArms = sentenceHits(st, lex.notArms);
    if (notArms.length)
      for (const m of [lex.objects, lex.items] as PhraseMatcher<unknown>[])
        st.hitCache.set(
          m,
          sentenceHits(st, m).filter((h) => !notArms.some((n) => h.start >= n.start && h.end <= n.end)),
        );
    const arms = [
      ...sentenceHits(st, lex.objects).filter((h) => h.tag === 'arms'),
      ...sentenceHits(st, lex.items),
      ...sentenceHits(st, common.systems),
    ];
    const ms = buildMentionViews(text, s.start, s.end, bySentence[i], segStarts, lex, tokens, arms);
    const attributions = detectAttributions(text, st, s.end, ms, lex, common);
    v = {
      index: i,
      start: s.start,
      end: s.end,
      text: stext,
      paragraph: paragraphOf[i],
      mentions: ms,
      segStarts,
      attributions,
      tokens,
      hitCache: st.hitCache,
    };
    views.set(i, v);
    return v;
  };

  /** The first party of the nearest earlier sentence that names one: what "it", "mereka", "negara itu" refer to. */
  const previousSubject = (i: number): string | null => {
    for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
      if (!bySentence[j].length) continue;
      // Only an unambiguous antecedent: the one state the sentence names.
      const parties = viewOf(j).mentions.filter((m) => isParty(m) && m.cls === 'state' && !m.conflict);
      const states = new Set(parties.map((m) => m.fold));
      if (states.size === 1) return [...states][0];
      // "Myanmar received jets from Russia": the one state without a role marker is the subject.
      const bare = new Set(
        parties
          .filter(
            (m) => !m.from && !m.to && !m.by && !m.with && !m.location && !m.origin && !m.sanctionTarget,
          )
          .map((m) => m.fold),
      );
      if (bare.size === 1) return [...bare][0];
      if (states.size > 1) return null;
    }
    return null;
  };

  /** The speaker of the nearest earlier attribution that names one ("katanya", "he said", "the report says"). */
  const previousSpeaker = (i: number): Speaker | null => {
    for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
      if (!bySentence[j].length) continue;
      const a = mainAttribution(viewOf(j).attributions);
      const m = a?.actors[0];
      if (m) return { id: m.actorId, fold: m.fold };
    }
    return null;
  };

  const frameCtx: FrameContext & { counterpart: (id: string) => string | null } = {
    text,
    title,
    lex,
    systems: common.systems,
    pairBefore(sv) {
      for (let j = sv.index - 1; j >= Math.max(0, sv.index - 3); j--) {
        if (!bySentence[j].length) continue;
        const states = new Set(
          viewOf(j)
            .mentions.filter((m) => isParty(m) && m.cls === 'state' && !m.conflict && !m.location)
            .map((m) => m.fold),
        );
        if (states.size === 2) return [...states] as [string, string];
        if (states.size > 2) return null;
      }
      return null;
    },
    self(sv, from, to) {
      if (!sentenceHits(sv, lex.selfAnaphora).some((x) => x.start >= from && x.end <= to)) return null;
      return sv.attributions.find((a) => a.actors.length)?.actors[0].fold ?? null;
    },
    anaphor(sv, from, to) {
      // "we", "kami": the speaker of the sentence.
      const self = sentenceHits(sv, lex.selfAnaphora).some((x) => x.start >= from && x.end <= to);
      const speakerOf = sv.attributions.find((a) => a.actors.length)?.actors[0];
      if (self && speakerOf) return speakerOf.fold;
      // A pronoun inside the attribution ("keprihatinan mereka bahwa") is the speakers', not a party.
      const hits = sentenceHits(sv, lex.stateAnaphora).filter(
        (x) =>
          x.start >= from &&
          x.end <= to &&
          !sv.attributions.some((a) => x.start >= a.start && x.end <= a.end - 1 && a.actors.length),
      );
      const h = hits[hits.length - 1];
      if (!h) return null;
      // "X said it would…": the pronoun right after an attribution is its speaker.
      const att = sv.attributions.find(
        (a) => a.actors.length && h.start >= a.end - 1 && h.start - a.end <= 16,
      );
      if (att) return att.actors[0].fold;
      const inSentence = sv.mentions.find(
        (m) => m.end <= h.start && isParty(m) && m.cls === 'state' && !m.conflict,
      );
      if (inSentence && h.start > sv.start + 2) return inSentence.fold;
      return previousSubject(sv.index);
    },
    objectHits(sv) {
      return sentenceHits(sv, lex.objects);
    },
    counterpart() {
      askedCounterpart = true;
      return null;
    },
    previousSubject(sv) {
      return previousSubject(sv.index);
    },
    recentMaker(sv) {
      // The maker of the last named system in the two sentences before ("the missile" after "BrahMos"),
      // else the seller of the transfer told in the sentence before ("… signed for nine aircraft. Sweden
      // will also buy it").
      for (let j = sv.index - 1; j >= Math.max(0, sv.index - 2); j--) {
        const hits = sentenceHits(viewOf(j), common.systems).filter((h) => h.tag.maker);
        if (hits.length) return hits[hits.length - 1].tag.maker ?? null;
      }
      return transfersBySentence.get(sv.index - 1)?.source ?? null;
    },
    previousTransfer(sv) {
      for (let j = sv.index - 1; j >= Math.max(0, sv.index - 2); j--) {
        const r = transfersBySentence.get(j);
        if (r) return r;
      }
      return null;
    },
    entities() {
      entityCache ??= [
        ...new Set(sorted.map((m) => viewEntity(m.actorId)).filter((x): x is string => x !== null)),
      ];
      return entityCache;
    },
  };

  // Speaker phrases seen so far ("anggota parlemen" → KOR), for later attributions that name no actor.
  /**
   * The speaker an actor-less attribution names by a phrase seen earlier with an actor ("menurut anggota
   * parlemen" after "anggota parlemen Korea Selatan"). Earlier sentences are analysed only when needed.
   */
  const phraseSpeaker = (sv: SentenceView, a: Attribution): Speaker | null => {
    const span = norm(text.slice(a.start, a.end));
    for (let j = sv.index - 1; j >= 0; j--) {
      if (!bySentence[j].length) continue;
      for (const prev of viewOf(j).attributions) {
        const m = prev.actors[0];
        if (!m) continue;
        const head = text
          .slice(Math.max(prev.start, m.start - 40), m.start)
          .match(/[\p{L}]+(?:\s+[\p{L}]+)?\s*$/u);
        if (head && head[0].trim().length > 3 && span.includes(norm(head[0])))
          return { id: m.actorId, fold: m.fold };
      }
    }
    return null;
  };

  /** Who stands behind the claims of sentence i: its own attribution, the next sentence's "this was said by", or the context. */
  const sourceOf = (
    i: number,
    sv: SentenceView,
  ): { attribution: Attribution | null; speaker: Speaker | null } => {
    const own = mainAttribution(sv.attributions);
    const speakerOfAtt = (a: Attribution | null): Speaker | null =>
      a?.actors[0] ? { id: a.actors[0].actorId, fold: a.actors[0].fold } : null;
    if (own && (own.actors.length || (own.media && own.kind !== 'according')))
      return { attribution: own, speaker: speakerOfAtt(own) };
    if (own) {
      // "katanya", "the report says", "menurut anggota parlemen": the speaker named before.
      const inherits = own.kind === 'pronoun' || own.kind === 'according';
      const sp = phraseSpeaker(sv, own) ?? (own.media || !inherits ? null : previousSpeaker(i));
      if (sp) return { attribution: { ...own, media: false }, speaker: sp };
      if (own.media) return { attribution: own, speaker: null };
    }
    const next = i + 1 < sentences.length && bySentence[i + 1].length ? viewOf(i + 1) : null;
    if (next) {
      const back = sentenceHits(next, lex.backward)[0];
      const nextAtt = mainAttribution(next.attributions);
      if (back && back.start - next.start < 80 && nextAtt && (nextAtt.actors.length || nextAtt.media))
        return { attribution: nextAtt, speaker: speakerOfAtt(nextAtt) };
    }
    if (i > 0 && paragraphOf[i - 1] === sv.paragraph && bySentence[i - 1].length) {
      // A sentence that goes on with what the previous one reported ("Jumlah ini …") keeps its source.
      const cont = sentenceHits(sv, lex.continuation)[0];
      const prev = mainAttribution(viewOf(i - 1).attributions);
      if (cont && cont.start - sv.start < 20 && prev && (prev.actors.length || prev.media))
        return { attribution: prev, speaker: speakerOfAtt(prev) };
    }
    return { attribution: own, speaker: null };
  };

  // Pass 1 finds claims whose parties are all named; pass 2 may complete a claim that names one party
  // with the article's other party in such claims ("Putin hinted military cooperation was discussed").
  const partners = new Map<string, Map<string, number>>();
  // The last transfer (arms, workers) each sentence tells, for a violation that judges it in the next one.
  const transfersBySentence = new Map<number, Roles>();
  const candidates = new Set<number>();
  const firstPass = new Map<number, Found[]>();
  let askedCounterpart = false;
  for (let i = 0; i < sentences.length; i++) {
    if (!hitsBySentence[i].length || !bySentence[i].length) continue;
    const s = sentences[i];
    if (skipSentence(text.slice(s.start, s.end), title, lex, tokensOf(i), text)) continue;
    candidates.add(i);
    askedCounterpart = false;
    const first = sentenceClaims(viewOf(i), hitsBySentence[i], frameCtx, ac);
    // Sentences whose frames never asked for the article's counterpart keep their first-pass claims.
    if (!askedCounterpart) firstPass.set(i, first);
    for (const f of first)
      if ((f.hit.type === 'arms_transfer' || f.hit.type === 'labor_export') && f.roles.target)
        transfersBySentence.set(i, f.roles);
    for (const f of first) {
      if (!f.roles.target || f.hit.type === 'diplomatic_recognition' || f.hit.type.startsWith('sanctions'))
        continue;
      for (const [x, y] of [
        [f.roles.source, f.roles.target],
        [f.roles.target, f.roles.source],
      ]) {
        const m = partners.get(x) ?? new Map<string, number>();
        m.set(y, (m.get(y) ?? 0) + 1);
        partners.set(x, m);
      }
    }
  }
  frameCtx.counterpart = (id: string) => {
    const m = partners.get(id);
    if (!m) return null;
    const ranked = [...m].sort((x, y) => y[1] - x[1]);
    return ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : null;
  };

  // The state of the article's dateline ("NEW DELHI —"): where its officials speak from.
  const dateline = sorted.find((m) => m.role === 'dateline');
  const datelineFold = dateline ? foldActor(dateline.actorId) : null;
  const drafts: Draft[] = [];
  for (let i = 0; i < sentences.length; i++) {
    if (!candidates.has(i)) continue;
    const sv = viewOf(i);
    const found = firstPass.get(i) ?? sentenceClaims(sv, hitsBySentence[i], frameCtx, ac);
    if (!found.length) continue;
    const { attribution, speaker } = sourceOf(i, sv);
    for (const f of found) {
      const claim = buildClaim(ac, sv, f, attribution, speaker, article, datelineFold);
      drafts.push({ claim, order: f.hit.start, sentence: i });
    }
  }
  const outletsOf = (i: number): PhraseHit<string>[] =>
    common.outlets.allIn(tokensOf(i), text.slice(sentences[i].start, sentences[i].end), sentences[i].start);
  return finish(drafts, sentences, outletsOf);
}

function viewEntity(actorId: string): string | null {
  const fold = foldActor(actorId);
  return classify(fold) === 'entity' ? fold : null;
}

function bucket<T extends { start: number }>(
  sentences: Sentence[],
  items: T[],
  put: (i: number, item: T) => void,
): void {
  let si = 0;
  for (const it of [...items].sort((a, b) => a.start - b.start)) {
    while (si < sentences.length && sentences[si].end <= it.start) si++;
    if (si >= sentences.length) break;
    if (it.start >= sentences[si].start) put(si, it);
  }
}

function paragraphs(text: string, sentences: Sentence[]): number[] {
  const out: number[] = [];
  let p = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (i > 0 && text.slice(sentences[i - 1].end, sentences[i].start).includes('\n')) p++;
    out.push(p);
  }
  return out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** A trimmed text of three or more pieces between white space (`t.split(/\s+/).length >= 3`), without the split. */
const THREE_WORDS = /\s\S+\s/;

function skipSentence(
  raw: string,
  title: string | null,
  lex: CompiledLexicon,
  tokens: Token[],
  text: string,
): boolean {
  const t = raw.trim();
  // Chinese and Japanese write no spaces between words: a short sentence is one of few characters.
  if (!t) return true;
  // Three words of six characters or more are long enough in any script: the script test (a full scan) is
  // needed only for the rest.
  const three = THREE_WORDS.test(t);
  if ((!three || t.length < 6) && (CJK.test(t) ? t.length < 6 : !three)) return true;
  if (/[?？]\s*["”»]?$/.test(t)) return true;
  if (title && Math.abs(t.length - title.length) < 8 && norm(t) === title) return true;
  const first = tokens[0];
  if (!first) return true;
  const skip = lex.skipLines.allIn(
    tokens.slice(0, 4),
    text.slice(first.start, first.start + 40),
    first.start,
  )[0];
  if (!skip || skip.start !== first.start) return false;
  // "Sumber:", "Laporan:", "Video:" are labels only with their colon: "Laporan PBB menyebut …" is a sentence.
  return !skip.tag || /^\s*[:：]/u.test(text.slice(skip.end, skip.end + 3));
}

interface Found {
  hit: TriggerHit;
  /** For a violation: the act it judges, whose tense gives its status. */
  judged?: TriggerHit;
  roles: Roles;
  obj: ObjectSpan | null;
  confidence: number;
  floor: number;
  hypothetical: boolean;
  /** The sentence also tells a completed delivery ("delivered the first of two aircraft ordered by …"). */
  delivered?: boolean;
}

/** "will do the same", "followed suit", "melakukan hal serupa": an act repeated by other states. */
const SAME_ACT =
  /\b(?:do|did|does|doing|done) the same\b|\bfollow(?:ed|s|ing)? suit\b|\bmelakukan hal (?:serupa|yang sama)\b|\bmengikuti langkah\b|\bfaire de même\b|\bferont de même\b|\bfait de même\b|\bhacer lo mismo\b|\bharán lo mismo\b|\bhicieron lo mismo\b/iu;
/**
 * SAME_ACT without its word boundaries, tried first: V8 runs `\b` under the /iu flags some hundred times
 * slower than the rest (about 100 µs a sentence, 6% of the engine's time). Dropping an assertion only
 * widens what matches, so a sentence this rejects is one SAME_ACT rejects too.
 */
const SAME_ACT_LOOSE = new RegExp(SAME_ACT.source.replaceAll('\\b', ''), SAME_ACT.flags);

/** Every claim a sentence supports, with its roles; violations take the roles of the act they judge. */
function sentenceClaims(
  sv: SentenceView,
  raw: PhraseHit<TriggerHit['spec']>[],
  fc: FrameContext,
  ac: AttributeContext,
): Found[] {
  const lex = fc.lex;
  const text = fc.text;
  const prohibitions = sentenceHits(sv, lex.prohibition);
  const blockers = sentenceHits(sv, lex.blockers).filter(
    (b) => !b.tag || /[-‐‑–]/u.test(text.slice(b.start, b.end)),
  );
  // Named systems are arms objects too ("Patriot systems", "KN-23").
  const systems = sentenceHits(sv, fc.systems);
  const objects = systems.length
    ? [
        ...sentenceHits(sv, lex.objects),
        ...systems.map((h) => ({ start: h.start, end: h.end, tag: 'arms' as ObjectClass })),
      ]
    : sentenceHits(sv, lex.objects);
  const military = sentenceHits(sv, lex.military).length > 0;
  const war = sentenceHits(sv, lex.war).length > 0;
  // A violation is of sanctions (a resolution, an embargo) or of an arms ban, not of a constitution.
  const sanctionsDomain =
    sentenceHits(sv, lex.sanctionsContext).length > 0 ||
    objects.some((o) => o.tag === 'arms') ||
    raw.some((h) => h.tag.frame === 'impose');
  const violations = raw.filter((h) => h.tag.frame === 'violate');
  // Sanctions a violation names: after it ("evade sanctions", "melanggar resolusi") or right before it
  // ("sanctions violations"); an act of imposing told before the violation is one ("sanctioned a firm
  // for helping Iran evade sanctions").
  const objectOfViolation = (h: PhraseHit<TriggerHit['spec']>): boolean =>
    violations.some(
      (v) =>
        (v.end <= h.start &&
          !CLAUSE_PUNCT.test(text.slice(v.end, h.start)) &&
          countWords(text, v.end, h.start) <= VIOLATION_OBJECT_WORDS) ||
        (h.end <= v.start && wordsBetween(text, h.end, v.start) <= 1) ||
        (h.start < v.end && h.end > v.start),
    );
  const title = fc.title;
  const titleEnd =
    title &&
    sv.text.length > title.length &&
    norm(sv.text.slice(0, title.length)) === title &&
    /^\s*\n/.test(sv.text.slice(title.length))
      ? sv.start + title.length
      : 0;
  const hits: TriggerHit[] = [];
  for (const h of raw) {
    const spec = h.tag;
    // What a resolution bans is not what happened ("resolutions that ban exporting arms").
    if (spec.frame !== 'impose' && spec.frame !== 'violate' && prohibited(h, prohibitions, lex)) continue;
    // "violate UN sanctions", "melanggar embargo": the sanctions a violation names are its object, not an
    // act of imposing; a relative clause after it still tells one ("resolusi PBB yang melarang Korea Utara …").
    if (
      spec.frame === 'impose' &&
      objectOfViolation(h) &&
      !(
        imposedInRelative(h, raw, text) &&
        sv.mentions.some(
          (m) => m.cls === 'state' && m.start >= h.end && wordsBetween(text, h.end, m.start) <= 2,
        )
      )
    )
      continue;
    if (spec.frame === 'violate' && !sanctionsDomain) continue;
    if (blockers.some((b) => h.start >= b.start && h.end <= b.end)) continue;
    if (spec.needsMilitary && !military && !(spec.namedMilitary && namedExercise(h, sv, text, lex))) continue;
    // Help or support counts as military cooperation only in a war ("membantu Rusia dalam perang").
    if (spec.needsWar && !war) continue;
    // A headline line glued to the body (no full stop after it) carries no claim.
    if (titleEnd > 0 && h.start < titleEnd) continue;
    // "any transfer of missile technology … would violate": an act that may happen is no claim, unless a
    // denial or a negation comes before it ("denies any transfer", "did not make any sale").
    if (
      ANY_BEFORE.test(text.slice(Math.max(sv.start, h.start - 40), h.start)) &&
      ![...sentenceHits(sv, lex.denied), ...sentenceHits(sv, lex.negation)].some((d) => d.end <= h.start)
    )
      continue;
    // A word inside an actor's name is no trigger ("Iranian-supplied" is the origin of the items).
    if (sv.mentions.some((m) => h.start >= m.start && h.end <= m.end)) continue;
    if (sv.attributions.some((a) => h.start >= a.start && h.end <= a.end && a.kind !== 'according')) continue;
    let type = spec.type;
    let object: ObjectClass | null = null;
    let obj: ObjectSpan | null = null;
    if (!type || spec.objects) {
      // What arrives stands before the arrival or inside it ("kapal … tiba di", "unloaded weapons in"; not
      // "tiba di Paris untuk memesan jet"), or after a word of carrying ("arrived in Port Sudan carrying drones").
      const candidates = objectsFor(h, objects, sv, lex).filter(
        (o) => !spec.objectBefore || o.start < h.end || CARRYING.test(text.slice(h.end, o.start)),
      );
      obj = nearestObject(h, candidates, spec.objects, spec.objectBefore ? 'before' : lex.objectSide, text);
      // "Sweden will also buy it", "a contract for the same system": a weapon named just before.
      if (
        !obj &&
        (spec.frame === 'buy' || spec.frame === 'sell') &&
        (!spec.objects || spec.objects.includes('arms'))
      ) {
        const back = DEFINITE_ITEM.exec(text.slice(h.end, Math.min(sv.end, h.end + 60)));
        if (back && fc.recentMaker(sv))
          obj = { cls: 'arms', start: h.end + back.index, end: h.end + back.index + back[0].length };
      }
      if (!obj) continue;
      object = obj.cls;
      type ??= OBJECT_TYPE[object];
    }
    let frame = spec.frame;
    if (frame === 'use' && object === 'workers') frame = 'buy';
    hits.push({ start: h.start, end: h.end, spec, type, frame, object, obj });
  }

  // "received a shipment", "menerima pengiriman": the receiving verb governs the delivery noun after it.
  const kept = hits.filter(
    (h) =>
      !(
        h.frame === 'sell' &&
        hits.some((b) => b.frame === 'buy' && b.end <= h.start && wordsBetween(text, b.end, h.start) <= 1)
      ),
  );
  const out: Found[] = [];
  const transfers: { hit: TriggerHit; roles: Roles }[] = [];
  // An order or contract told beside a completed delivery of the same sentence is a delivered one.
  const delivered = kept.some(
    (h) =>
      (h.frame === 'sell' || h.frame === 'buy') &&
      h.type === 'arms_transfer' &&
      h.spec.status === 'completed' &&
      !h.spec.statusAlways,
  );
  for (const t of kept) {
    if (t.frame === 'violate') continue;
    let list: Roles[];
    if (t.frame === 'recognize') list = recognitionRoles(fc, sv, t);
    else if (t.frame === 'impose') list = imposeRoles(fc, sv, t);
    else if (t.frame === 'pair') list = pairRoles(fc, sv, t);
    else list = transferRoles(fc, sv, t);
    for (const roles of list) {
      if (t.frame !== 'impose' && t.frame !== 'pair' && t.frame !== 'recognize')
        transfers.push({ hit: t, roles });
      out.push(found(t, roles, sv, ac, delivered && t.spec.statusAlways === true));
    }
  }
  for (const t of kept) {
    if (t.frame !== 'violate') continue;
    const nearest = transfers.sort(
      (a, b) => Math.abs(a.hit.start - t.start) - Math.abs(b.hit.start - t.start),
    )[0];
    for (const roles of violationRoles(fc, sv, t, nearest?.roles ?? null))
      out.push(found(t, roles, sv, ac, false, nearest?.hit));
  }
  // "Australia will recognise Palestine, and Canada and Britain have said they will do the same": the
  // states named before "do the same" repeat the act told before them, with its other party.
  const same = SAME_ACT_LOOSE.test(sv.text) ? SAME_ACT.exec(sv.text) : null;
  if (same) {
    const at = sv.start + same.index;
    const base = out
      .filter((f) => f.hit.end <= at && f.confidence >= MIN_CONFIDENCE)
      .sort((a, b) => b.confidence - a.confidence || a.hit.start - b.hit.start)[0];
    if (base) {
      // The states between the act and "do the same" are its new doers, not parties of the first act.
      const clauseOf = base.hit.end;
      const doers = sv.mentions.filter(
        (m) =>
          m.start > clauseOf &&
          m.end <= at &&
          m.cls === 'state' &&
          isParty(m) &&
          !m.conflict &&
          !m.location &&
          !m.to &&
          !m.from &&
          m.fold !== base.roles.source &&
          m.fold !== base.roles.target &&
          /[,;]/u.test(text.slice(clauseOf, m.start)),
      );
      const doerFolds = new Set(doers.map((m) => m.fold));
      if (doerFolds.size) {
        for (let k = out.length - 1; k >= 0; k--)
          if (doerFolds.has(out[k].roles.source) || doerFolds.has(out[k].roles.target ?? ''))
            out.splice(k, 1);
        for (const d of doerFolds)
          out.push({ ...base, roles: { ...base.roles, source: d }, confidence: base.confidence - 0.05 });
      }
    }
  }
  // One sentence does not say both "A gave B" and "B gave A": the better-supported direction stays.
  const strong = out.filter((f) => f.confidence >= MIN_CONFIDENCE);
  return strong.filter(
    (f) =>
      f.hit.type === 'military_cooperation' ||
      !strong.some(
        (g) =>
          g !== f &&
          g.hit.type === f.hit.type &&
          g.roles.source === f.roles.target &&
          g.roles.target === f.roles.source &&
          (g.confidence > f.confidence || (g.confidence === f.confidence && g.hit.start < f.hit.start)),
      ),
  );
}

/**
 * The objects a trigger may take: in languages whose objects follow the verb, a noun owned by the
 * subject before an active verb ("Morocco's armed forces have deployed Israeli-made batteries") is the
 * subject, not the object; after a passive ("Russia's troops were deployed") it stays the object.
 */
function objectsFor(
  h: PhraseHit<unknown>,
  objects: PhraseHit<ObjectClass>[],
  sv: SentenceView,
  lex: CompiledLexicon,
): PhraseHit<ObjectClass>[] {
  if (lex.objectSide !== 'after' || !lex.progressiveAux) return objects;
  // "Turkey's drone sales": a noun of trade glued to its object makes one compound, whoever owns it.
  const compound = (o: PhraseHit<ObjectClass>) =>
    TRADE_NOUN.test(sv.text.slice(h.start - sv.start, h.end - sv.start)) &&
    wordsBetween(sv.text, o.end - sv.start, h.start - sv.start) === 0;
  const owned = (o: PhraseHit<ObjectClass>) =>
    o.end <= h.start &&
    !compound(o) &&
    sv.mentions.some(
      (m) =>
        m.possessive && m.end <= o.start && wordsBetween(sv.text, m.end - sv.start, o.start - sv.start) <= 2,
    );
  if (!objects.some(owned)) return objects;
  const ti = tokenBefore(sv.tokens, h.start);
  if (ti >= 0 && lex.progressiveAux.testTokens(sv.tokens, ti, Math.max(0, ti - 3))) return objects;
  return objects.filter((o) => !owned(o));
}

/** Nouns of selling that follow their goods in a compound ("arms sales", "drone deliveries"). */
const TRADE_NOUN = /^(?:sales?|deliver(?:y|ies)|shipments?|transfers|exports|supplies)$/iu;

const RELATIVE = /(?:^|[\s,])(?:that|which|who|yang|qui|que|die|der|das|которы\p{L}*)\s/iu;

/** An impose trigger after a violation and a relative pronoun: "resolutions that bar Pyongyang from …". */
function imposedInRelative(
  h: PhraseHit<TriggerHit['spec']>,
  raw: PhraseHit<TriggerHit['spec']>[],
  text: string,
): boolean {
  const v = raw.filter((x) => x.tag.frame === 'violate' && x.end <= h.start).pop();
  return !!v && RELATIVE.test(text.slice(v.end, h.start)) && h.start - v.end <= 120;
}

function wordsBetween(text: string, a: number, b: number): number {
  const gap = text.slice(a, b);
  if (/[,;.:()，；。：（）]/.test(gap)) return 99;
  return countWords(gap);
}

/**
 * A state does not buy the systems it makes: where every named system of the sentence has one maker and
 * the frame made that maker the recipient ("Presidents Prabowo and Macron agreed on the purchase of
 * Scorpène submarines"), the roles are the other way round.
 */
function makerSupplies(t: TriggerHit, roles: Roles, sv: SentenceView, ac: AttributeContext): Roles {
  if (t.type !== 'arms_transfer' || !roles.target || roles.target === roles.source) return roles;
  const makers = new Set(sentenceHits(sv, ac.common.systems).map((h) => h.tag.maker ?? null));
  if (makers.size !== 1 || !makers.has(roles.target)) return roles;
  return {
    ...roles,
    source: roles.target,
    target: roles.source,
    subject: roles.subject === 'source' ? 'target' : 'source',
  };
}

/** One shape for every found claim (no spread copies on this hot path). */
function found(
  t: TriggerHit,
  given: Roles,
  sv: SentenceView,
  ac: AttributeContext,
  delivered = false,
  judged?: TriggerHit,
): Found {
  const roles = makerSupplies(t, given, sv, ac);
  const obj = t.obj;
  const floor = sv.attributions.reduce((acc, a) => (a.end <= t.start ? Math.max(acc, a.end) : acc), sv.start);
  const hypothetical = isHypothetical(ac, sv, t, floor, t.type);
  const weight = t.spec.weight ?? 0;
  const confidence = Math.max(0.05, Math.min(0.99, 0.45 + 0.4 * roles.clarity + weight + (obj ? 0.05 : 0)));
  return { hit: t, roles, obj, confidence: +confidence.toFixed(2), floor, hypothetical, delivered, judged };
}

function prohibited(h: PhraseHit<unknown>, prohibitions: PhraseHit<true>[], lex: CompiledLexicon): boolean {
  if (!prohibitions.length) return false;
  if (lex.objectSide === 'before') return prohibitions.some((p) => p.start >= h.end && p.start - h.end <= 16);
  return prohibitions.some((p) => p.end <= h.start);
}

function nearestObject(
  h: PhraseHit<unknown>,
  objects: PhraseHit<ObjectClass>[],
  allowed: ObjectClass[] | undefined,
  side: 'after' | 'before',
  text: string,
): ObjectSpan | null {
  let best: ObjectSpan | null = null;
  let bestDist = Infinity;
  for (const o of objects) {
    if (allowed && !allowed.includes(o.tag)) continue;
    const overlaps = o.start < h.end && o.end > h.start;
    const after = o.start >= h.end;
    const dist = overlaps ? 0 : after ? o.start - h.end : h.start - o.end;
    // Objects stand mostly on one side; the other side counts only close by ("drones … supplied").
    if (dist > (after === (side === 'after') || overlaps ? OBJECT_REACH : OBJECT_REACH / 2)) continue;
    if (OBJECT_BREAK.test(text.slice(Math.min(o.end, h.end), Math.max(o.start, h.start)))) continue;
    const weighted = dist * ((side === 'after') === after ? 1 : 1.6);
    if (weighted < bestDist) {
      bestDist = weighted;
      best = { cls: o.tag, start: o.start, end: o.end };
    }
  }
  // Soldiers sent "as labour" are workers: a worker word anywhere in reach decides.
  if (best && best.cls === 'troops' && (!allowed || allowed.includes('workers'))) {
    const w = objects.find((o) => o.tag === 'workers' && Math.abs(o.start - h.start) <= OBJECT_REACH * 2);
    if (w) best = { cls: 'workers', start: w.start, end: w.end };
  }
  return best;
}

function buildClaim(
  ac: AttributeContext,
  sv: SentenceView,
  f: Found,
  attribution: Attribution | null,
  speaker: Speaker | null,
  article: CleanedArticle,
  datelineFold: string | null,
): Claim {
  const t = f.hit;
  const type = t.type;
  // "…, U.S. intelligence officials said": the state named inside an official attribution stands behind it.
  const official =
    !speaker && attribution && !attribution.media && !attribution.actors.length
      ? sv.mentions.find(
          (m) =>
            m.end >= attribution.start - 20 &&
            m.end <= attribution.end + 30 &&
            (m.cls === 'state' || m.cls === 'body') &&
            sentenceHits(sv, ac.lex.official).some(
              (h) =>
                h.start >= m.end &&
                h.start - m.end <= 20 &&
                !/[,;:]/u.test(sv.text.slice(m.end - sv.start, h.start - sv.start)),
            ),
        )
      : undefined;
  // "…, Defence Minister Richard Marles announced": an official the registry does not know speaks for a
  // party of the claim: the party of the article's dateline ("NEW DELHI —"), else the clause subject.
  // Not officials put outside the parties: "Western officials said", "menurut intelijen Barat".
  const nearAttribution = (h: PhraseHit<true>): boolean =>
    attribution !== null && h.start >= attribution.start - 40 && h.end <= attribution.end + 40;
  const officialSource = attribution !== null && sentenceHits(sv, ac.lex.official).some(nearAttribution);
  const partyOfficial =
    !speaker && !official && attribution && !attribution.media && !attribution.actors.length
      ? officialSource && !sentenceHits(sv, ac.lex.outsiders).some(nearAttribution)
      : false;
  // Not where a nationality names another state ("A British warship … the Ministry of Defence said").
  const onlyParties = sv.mentions.every(
    (m) =>
      m.cls !== 'state' || m.kind !== 'demonym' || m.fold === f.roles.source || m.fold === f.roles.target,
  );
  const partySpeaker = partyOfficial && onlyParties ? officialParty(f.roles, datelineFold) : null;
  // "Norway and Denmark said they would …": each listed speaker speaks for its own act.
  const partyAmongSpeakers =
    speaker && attribution && speaker.fold !== f.roles.source && speaker.fold !== f.roles.target
      ? attribution.actors.find((m) => m.fold === f.roles.source || m.fold === f.roles.target)
      : undefined;
  const who =
    (partyAmongSpeakers ? { id: partyAmongSpeakers.actorId, fold: partyAmongSpeakers.fold } : speaker) ??
    (official
      ? { id: official.actorId, fold: official.fold }
      : partySpeaker
        ? { id: partySpeaker, fold: partySpeaker }
        : null);
  const mod = claimModality(
    ac,
    sv,
    t,
    type,
    f.roles,
    attribution,
    who ?? (isDenied(ac, sv, t, f.floor) ? denier(ac, sv, t, f, attribution, officialSource) : null),
    f.floor,
  );
  const hypothetical = f.hypothetical || mod.modality === 'hypothetical';
  const accused = attribution?.kind === 'accuse';
  // A violation happened when the act it judges happened ("gave drones … is a violation").
  sv.eventDate ??= { value: resolveEventDate(sv.text, article.publishedAt, article.language) };
  // A date in the sentence belongs to its first actor ("In July North Korea, after Russia and Syria, …").
  const eventDate = f.roles.secondary ? null : sv.eventDate.value;
  const timing = eventTiming(eventDate, article.publishedAt);
  // Dated by a month or a year ("in June", "in 2023"), not by a day.
  const monthsBack = timing === 'past' && eventDate !== null && eventDate.length <= 7;
  const told =
    f.judged && !hypothetical
      ? claimStatus(ac, sv, f.judged, f.judged.type, f.floor, sv.end, false, accused, timing, monthsBack)
      : f.delivered && !hypothetical
        ? 'completed'
        : claimStatus(ac, sv, t, type, f.floor, sv.end, hypothetical, accused, timing, monthsBack);
  const status = settledStatus(told, type);
  const lead = sv.text.length - sv.text.trimStart().length;
  const trail = sv.text.length - sv.text.trimEnd().length;
  const evidence = { text: sv.text.trim(), start: sv.start + lead, end: sv.end - trail };
  const workers =
    type === 'labor_export' || sentenceHits(sv, ac.lex.objects).some((o) => o.tag === 'workers');
  return {
    type,
    source: f.roles.source,
    target: f.roles.target,
    status,
    modality: mod.modality,
    claimant: mod.claimant === null ? null : claimantId(mod.claimant),
    reported_by: [],
    items: type === 'arms_transfer' ? claimItems(ac, sv) : [],
    quantity:
      type === 'diplomatic_recognition' || type.startsWith('sanctions')
        ? null
        : claimQuantity(ac, sv, sv.end, f.obj?.start ?? t.start),
    instrument: claimInstrument(ac, type, f.roles, sv.text, workers, eventDate ?? article.publishedAt),
    event_date: eventDate,
    evidence,
    confidence: f.confidence,
  };
}

/** How far (characters) before a denial word its denier may be named ("North Korea has repeatedly denied"). */
const DENIER_REACH = 40;

/**
 * Who denies a claim no one is quoted on: the actor named right before the denial word, the head of
 * a list ("North Korea denied …", "Pemerintah Rusia dan Korea Utara membantah …"), else, for an act
 * told in the negative with no source at all, its subject ("Kazakhstan has never supplied weapons …").
 */
function denier(
  ac: AttributeContext,
  sv: SentenceView,
  t: TriggerHit,
  f: Found,
  attribution: Attribution | null,
  /** An official word stands around the attribution ("…, the foreign ministry said"). */
  officialSource: boolean,
): Speaker | null {
  const subject = subjectOf(f.roles);
  const d = denialBefore(ac, sv, t, f.floor);
  if (d) {
    let m = sv.mentions
      .filter((x) => x.end <= d.start && d.start - x.end <= DENIER_REACH && !x.attribute)
      .pop();
    if (!m) {
      // "Kemhan juga membantah kabar bahwa Indonesia akan membeli …": an unnamed office denies for the
      // subject of the act.
      const office = sentenceHits(sv, ac.lex.official).some(
        (h) => h.end <= d.start && d.start - h.end <= DENIER_REACH,
      );
      return office && subject ? { id: subject, fold: subject } : null;
    }
    while (m.coord >= 0 && sv.mentions[m.coord]) m = sv.mentions[m.coord];
    return { id: m.actorId, fold: m.fold };
  }
  // A source that is no official ("the report said") may say it did not happen for nobody's side; an
  // unnamed official ("…, the foreign ministry said") speaks for the subject of the act it denies.
  if (attribution && (attribution.actors.length > 0 || !officialSource)) return null;
  return subject ? { id: subject, fold: subject } : null;
}

/** The party that is the clause's grammatical subject. */
const subjectOf = (roles: Roles): string | null => (roles.subject === 'source' ? roles.source : roles.target);

/** The party an unnamed official of a claim speaks for: the dateline's state if a party, else the subject. */
function officialParty(roles: Roles, datelineFold: string | null): string | null {
  if (datelineFold && (roles.source === datelineFold || roles.target === datelineFold)) return datelineFold;
  return subjectOf(roles);
}

/**
 * Whether the event date (2022, 2022-08, 2022-09-06) lies before or after the publication, compared at
 * the event date's own precision; null when it cannot tell (no date, or the same period).
 */
export function eventTiming(eventDate: string | null, publishedAt: string | null): 'past' | 'future' | null {
  const e = eventDate ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(eventDate) : null;
  const p = publishedAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt) : null;
  if (!e || !p) return null;
  for (let i = 1; i <= 3; i++) {
    if (e[i] === undefined) return null;
    const a = Number(e[i]);
    const b = Number(p[i]);
    if (a < b) return 'past';
    if (a > b) return 'future';
  }
  return null;
}

const SYMMETRIC = new Set<ClaimType>(['military_cooperation']);

function tripleKey(c: Claim): string {
  const ends = [c.source ?? '', c.target ?? ''];
  if (SYMMETRIC.has(c.type)) ends.sort();
  return `${c.type}|${ends[0]}|${ends[1]}`;
}

/**
 * One article's claims in output order: per (type, source, target) the best-supported claim first, then
 * the others; the first carries the items, quantity and outlets the article gives for that relation.
 */
function finish(
  drafts: Draft[],
  sentences: Sentence[],
  outletsOf: (i: number) => PhraseHit<string>[],
): Claim[] {
  if (!drafts.length) return [];
  // Outlets cited in a sentence back the claims of that sentence, else those of the last claim before it.
  const outletsBySentence = new Map<number, string[]>();
  const firstClaim = Math.min(...drafts.map((d) => d.sentence));
  for (let i = firstClaim; i < sentences.length; i++) {
    const hits = outletsOf(i);
    if (hits.length) outletsBySentence.set(i, [...new Set(hits.map((h) => h.tag))]);
  }
  const seen = new Set<string>();
  const unique = drafts.filter((d) => {
    const k = `${tripleKey(d.claim)}|${d.sentence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => a.order - b.order);
  const claimSentences = [...new Set(unique.map((d) => d.sentence))].sort((a, b) => a - b);
  for (const [si, outlets] of outletsBySentence) {
    const own = unique.filter((d) => d.sentence === si);
    const prevSentence = claimSentences.filter((x) => x < si).pop();
    const targets = own.length
      ? own
      : prevSentence === undefined
        ? []
        : unique.filter((d) => d.sentence === prevSentence);
    for (const d of targets)
      for (const o of outlets) if (!d.claim.reported_by.includes(o)) d.claim.reported_by.push(o);
  }

  const groups = new Map<string, Draft[]>();
  for (const d of unique) {
    const k = tripleKey(d.claim);
    const g = groups.get(k);
    if (g) g.push(d);
    else groups.set(k, [d]);
  }
  const out: Claim[] = [];
  for (const g of groups.values()) {
    // Reading order, but a claim resting on weak rules does not stand for the relation.
    // A denial answers an assertion: it does not stand for the relation either.
    const tier = (d: Draft) => (d.claim.confidence >= STRONG && d.claim.modality !== 'denied' ? 0 : 1);
    g.sort((a, b) => tier(a) - tier(b) || a.order - b.order);
    const head = g[0].claim;
    for (const d of g.slice(1)) {
      for (const it of d.claim.items) if (!head.items.includes(it)) head.items.push(it);
      head.quantity ??= d.claim.quantity;
      for (const o of d.claim.reported_by) if (!head.reported_by.includes(o)) head.reported_by.push(o);
    }
    head.items = orderItems(head.items);
    out.push(...g.map((d) => d.claim));
  }
  return out;
}

/** Kinds (lower-case) before named systems. */
function orderItems(items: string[]): string[] {
  const kinds = items.filter((i) => /^[a-z_]+$/.test(i));
  return [...kinds, ...items.filter((i) => !kinds.includes(i))];
}
