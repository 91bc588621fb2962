import { ClaimType } from '../model';
import { CompiledLexicon, Frame, ObjectClass, TriggerSpec } from './claim-lexicon';
import { PhraseMatcher, countWords, tokenBefore } from './pattern.compiler';
import { ASIDE, MentionView, SentenceView, isParty, sentenceHits } from './sentence-view';

export interface ObjectSpan {
  cls: ObjectClass;
  start: number;
  end: number;
}

/** One trigger found in a sentence, with the claim type its object gave it. */
export interface TriggerHit {
  start: number;
  end: number;
  spec: TriggerSpec;
  type: ClaimType;
  frame: Frame;
  object: ObjectClass | null;
  /** The object noun that gave the type ("workers", "drones"), if the trigger needed one. */
  obj: ObjectSpan | null;
}

/** A role assignment: source and target (country-folded ids), and how sure the rule is. */
export interface Roles {
  source: string;
  target: string | null;
  /** 0..1: 1 when both roles come from explicit markers or word order next to the trigger. */
  clarity: number;
  /** Which role is the grammatical subject (the violator of an embedded transfer). */
  subject: 'source' | 'target';
  /** A further source of a list ("North Korea, after Russia and Syria, recognised …"): the date is the first's. */
  secondary?: boolean;
}

/** What the frames may ask of the article: anaphora, the entities it names, its main counterpart. */
export interface FrameContext {
  text: string;
  /** The article's title, normalised (lower case, single spaces), or null. */
  title: string | null;
  /** Named weapon systems (common to all languages). */
  systems: PhraseMatcher<{ name: string; kind: string; maker?: string }>;
  lex: CompiledLexicon;
  /** The antecedent of a state anaphor ("negara itu", "it", "mereka", "we") in [from, to), or null. */
  anaphor(sv: SentenceView, from: number, to: number): string | null;
  /** The two states of the nearest earlier sentence naming exactly two ("kedua negara" refers to them). */
  pairBefore(sv: SentenceView): [string, string] | null;
  /** The speaker's state when a first-person or home word ("we", "정부는") stands in [from, to), or null. */
  self(sv: SentenceView, from: number, to: number): string | null;
  /** Separatist entities named anywhere in the article ("the two republics" refers to them). */
  entities(): string[];
  /** The object nouns (arms, workers, troops) of a sentence. */
  objectHits(sv: SentenceView): { start: number; end: number; tag: ObjectClass }[];
  /** The state the article pairs most often with `id` (its other main party), or null. */
  counterpart(id: string): string | null;
  /** The one state an earlier sentence is about (what "the country" refers to across sentences), or null. */
  previousSubject(sv: SentenceView): string | null;
  /** The maker of the last named system of the two sentences before ("… the missile" after "BrahMos"), or null. */
  recentMaker(sv: SentenceView): string | null;
  /** The roles of the last transfer told in the two sentences before ("The shipments breached …"), or null. */
  previousTransfer(sv: SentenceView): Roles | null;
}

type Who = MentionView | string;

/** A party supplied by the article's context rather than by the sentence: such claims rank after explicit ones. */
const COUNTERPART_PENALTY = 0.45;

// Punctuation, and dashes used as clause breaks, end a phrase.
const PUNCT = /[,;.!?:()“”"«»，；。！？：（）「」]|\s[-–—]\s|[–—]/u;

function words(s: string): number {
  return countWords(s);
}

/** Text between two offsets has no punctuation and at most `n` words. */
function near(ctx: FrameContext, a: number, b: number, n: number): boolean {
  if (b < a) [a, b] = [b, a];
  // An aside between commas ("Egypt, for example, operates") does not part the words around it.
  const raw = ctx.text.slice(a, b);
  const gap = raw.includes(',') ? raw.replace(ASIDE, ' ') : raw;
  return !PUNCT.test(gap) && words(gap) <= n;
}

function marked(m: MentionView): boolean {
  return m.from || m.to || m.by || m.with || m.location || m.sanctionTarget;
}

/** A state that can take a role in a transfer or cooperation: not a speaker, a war target or a nationality. */
function roleable(m: MentionView): boolean {
  return isParty(m) && m.cls === 'state' && !m.conflict;
}

/** Like roleable, but a nationality counts: "North Korean workers", "drone buatan Iran". */
function ownerOk(m: MentionView): boolean {
  return !m.attrib && !m.territory && m.cls === 'state' && !m.conflict;
}

function fold(w: Who | null): string | null {
  return w === null ? null : typeof w === 'string' ? w : w.fold;
}

function segOf(sv: SentenceView, pos: number): number {
  let s = 0;
  for (let i = 0; i < sv.segStarts.length; i++) if (sv.segStarts[i] <= pos) s = i;
  return s;
}

/** Mentions before the trigger, nearest first; those of the trigger's clause segment come first. */
function beforeTrigger(sv: SentenceView, t: TriggerHit, pred: (m: MentionView) => boolean): MentionView[] {
  const seg = segOf(sv, t.start);
  const list = sv.mentions.filter((m) => m.end <= t.start && pred(m)).reverse();
  return [...list.filter((m) => m.seg === seg), ...list.filter((m) => m.seg !== seg)];
}

function afterTrigger(sv: SentenceView, t: TriggerHit, pred: (m: MentionView) => boolean): MentionView[] {
  const seg = segOf(sv, t.start);
  const list = sv.mentions.filter((m) => m.start >= t.end && pred(m));
  return [...list.filter((m) => m.seg === seg), ...list.filter((m) => m.seg !== seg)];
}

/** The actor right after a passive verb ("dikirim Korea Utara", "diterima Moskow"), if any. */
function passiveAgent(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView | null {
  if (!t.spec.passive) return null;
  const m = sv.mentions.find((x) => x.start >= t.end && isParty(x) && x.cls === 'state');
  return m && near(ctx, t.end, m.start, 1) && !marked(m) ? m : null;
}

/** A by-marked actor shortly after the trigger ("supplied by North Korea", "digunakan oleh Rusia"). */
function byAgent(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView | null {
  // Where one word means both "by" and "from" (Greek "από"), it is no agent.
  const m = sv.mentions.find((x) => x.start >= t.end && x.by && !x.from && roleable(x));
  if (!m || !near(ctx, t.end, m.start, 10)) return null;
  // "Embraer delivered the fifth KC-390 ordered by Portugal": the agent of a participle after the verb
  // is not the verb's.
  // (A partner "hosted by" or "led by" is still a partner of a cooperation.)
  const transfer = t.frame === 'sell' || t.frame === 'buy';
  return transfer && PARTICIPLE_BY.test(`${ctx.text.slice(t.end, m.start)} `) ? null : m;
}

/** A past participle (ordered, built, encomendado, commandés, dipesan, bestellt) and a word for "by". */
const PARTICIPLE_BY =
  /(?:^|\s)(?:\p{L}+(?:ed|en|wn|ilt|ught|ado|ada|ados|adas|ido|ida|idos|idas|ée|ées|és|ato|ata|ati|ate)|di\p{L}{3,}|ge\p{L}+t)\s+(?:by|por|pela|pelo|pelas|pelos|par|oleh|von|vom|da|dal|dalla|dai)\s/iu;

/** The first item of the coordinated list `m` ends ("러시아와 중국에": 중국 -> 러시아). */
function listHead(sv: SentenceView, m: MentionView): MentionView {
  let head = m;
  while (head.coord >= 0 && sv.mentions[head.coord]) head = sv.mentions[head.coord];
  return head;
}

/** `first` and the mentions coordinated with it after it ("to China and Russia"); `party` says who may take part. */
function withCoordinated(
  sv: SentenceView,
  first: MentionView,
  party: (m: MentionView) => boolean = isParty,
): MentionView[] {
  const out = [first];
  let last = sv.mentions.indexOf(first);
  for (let i = last + 1; i < sv.mentions.length; i++) {
    const m = sv.mentions[i];
    if (
      m.coord === last ||
      (m.coord === i - 1 && i - 1 > last && sv.mentions[i - 1].fold === sv.mentions[last].fold)
    ) {
      if (!out.some((o) => o.fold === m.fold) && party(m)) out.push(m);
      last = i;
    } else if (m.fold === sv.mentions[last].fold && m.start - sv.mentions[last].end < 8) last = i;
    else break;
  }
  return out;
}

/** Most words between two items of a noun-phrase list ("Russian firms and three North Korean"). */
const LIST_GAP_WORDS = 5;

/**
 * Mentions listed after `m` through a conjunction inside noun phrases: "11 Russian companies and three
 * North Korean individuals", "perusahaan Rusia dan dua perusahaan di China dan Iran".
 */
function listedAfter(ctx: FrameContext, sv: SentenceView, m: MentionView): MentionView[] {
  const out: MentionView[] = [];
  let last = m;
  for (let i = sv.mentions.indexOf(m) + 1; i < sv.mentions.length; i++) {
    const next = sv.mentions[i];
    if (next.start < last.end) continue;
    if (next.coord >= 0 && out.includes(sv.mentions[next.coord])) {
      out.push(next);
      last = next;
      continue;
    }
    const gap = ctx.text.slice(last.end, next.start);
    if (PUNCT.test(gap.replace(/,/gu, ''))) break;
    const ws = gap.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (ws.length > LIST_GAP_WORDS || !ws.some((w) => ctx.lex.conjunction.test(w))) break;
    out.push(next);
    last = next;
  }
  return out;
}

/** The actor owning an object noun: "North Korean workers", "pekerja Korea Utara", "pasukan khusus Korea Utara". */
function objectOwner(
  ctx: FrameContext,
  sv: SentenceView,
  objStart: number,
  objEnd: number,
): MentionView | null {
  const cands = sv.mentions.filter(
    (m) =>
      ownerOk(m) &&
      !m.to &&
      !m.location &&
      !m.from &&
      !m.with &&
      (near(ctx, m.end, objStart, 2) || near(ctx, objEnd, m.start, 2)),
  );
  if (!cands.length) return null;
  const dist = (m: MentionView) => Math.min(Math.abs(m.end - objStart), Math.abs(m.start - objEnd));
  return cands.sort((a, b) => dist(a) - dist(b))[0];
}

function result(
  source: Who | null,
  target: Who | null,
  clarity: number,
  subject: 'source' | 'target' = 'source',
): Roles | null {
  const s = fold(source);
  if (!s) return null;
  const tg = fold(target);
  if (tg !== null && s === tg) return null;
  return { source: s, target: tg, clarity, subject };
}

/** The anaphor antecedent for a role that is missing before the trigger ("mereka mengirim", "we will send"). */
function anaphorBefore(ctx: FrameContext, sv: SentenceView, t: TriggerHit): string | null {
  return ctx.anaphor(sv, Math.max(sv.start, t.start - 60), t.start);
}

/**
 * The subject before a trigger: a particle-marked subject, else the nearest fitting mention, unless a
 * pronoun stands between it and the trigger ("Russian officials visited Iran … drones it is looking to acquire").
 */
function subjectBefore(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  pred: (m: MentionView) => boolean,
): { subject: Who | null; viaAnaphor: boolean } {
  const list = beforeTrigger(sv, t, pred);
  const seg = segOf(sv, t.start);
  const inClause = list.filter((m) => m.seg === seg);
  // Verb-final clauses put the subject first ("Nordkorea hat Russland Granaten geliefert").
  const firstOfClause =
    ctx.lex.verbFinalClauses && inClause.length > 1 ? inClause[inClause.length - 1] : null;
  const segStart = sv.segStarts[seg];
  // "India has been reducing its dependence on Russia, buying American systems": a verb that opens a
  // comma clause has no subject of its own; the sentence's is its subject, not the nearest name.
  const sharedSubject =
    opensCommaClause(ctx, sv, seg, t.start) && list.length > 1
      ? list.reduce((a, b) => (b.start < a.start ? b : a))
      : null;
  let cand: MentionView | null =
    list.find((m) => m.subject) ?? firstOfClause ?? sharedSubject ?? list[0] ?? null;
  // "Britain sanctioned traders who sold drones to Russia": a relative clause's subject is the noun before
  // its pronoun; a state stands for it only where it qualifies that noun ("Chinese traders who sold").
  // A passive relative ("kapal selam yang dipesan dari Prancis", "jets which were bought") is about its
  // object: the main clause's subject may still be the party.
  const pronoun = t.spec.passive ? -1 : relativePronounBefore(ctx, sv, t.start);
  if (pronoun >= 0) {
    if (cand && cand.end <= pronoun && !qualifiesAntecedent(ctx, cand, pronoun)) cand = null;
    return { subject: cand, viaAnaphor: false };
  }
  const from = Math.max(cand && cand.end > segStart ? cand.end : segStart, t.start - 40);
  const a = ctx.anaphor(sv, from, t.start);
  if (a && (!cand || cand.end <= from)) return { subject: a, viaAnaphor: true };
  return { subject: cand, viaAnaphor: false };
}

/** Pronouns that open a relative clause as its subject (not "that", which also opens reported speech). */
const SUBJECT_RELATIVES = '(?:yang|which|who|qui|welche[rs]?|котор\\p{L}*)';

/**
 * A subject relative pronoun (not "that", which also opens reported speech) at most three words before
 * `pos`, with a noun of its own before it: where the pronoun starts, or -1. "Nepal, which sends" is
 * relativeSubject's: the pronoun follows a name there.
 */
const RELATIVE_PRONOUN = new RegExp(`(?:^|\\s)(${SUBJECT_RELATIVES})\\s+(?:[\\p{L}'’-]+\\s+){0,3}$`, 'iu');

const PASSIVE_AUXILIARY = /\s(?:was|were|been|being|is|are|été|fue|fueron|wurde|wurden)\s/iu;

function relativePronounBefore(ctx: FrameContext, sv: SentenceView, pos: number): number {
  const from = Math.max(sv.start, pos - 60);
  const m = RELATIVE_PRONOUN.exec(ctx.text.slice(from, pos));
  if (!m) return -1;
  const at = from + m.index + m[0].indexOf(m[1]);
  if (PASSIVE_AUXILIARY.test(ctx.text.slice(at, pos))) return -1;
  const before = ctx.text.slice(Math.max(sv.start, at - 3), at);
  // The pronoun right after a name or after its comma belongs to that name.
  if (sv.mentions.some((x) => x.end <= at && at - x.end <= 2)) return -1;
  return /[\p{L}\p{N}]\s*$/u.test(before) ? at : -1;
}

/** Whether a mention qualifies the noun before a relative pronoun: "Chinese traders who", "Iran's firms which". */
function qualifiesAntecedent(ctx: FrameContext, m: MentionView, pronoun: number): boolean {
  const gap = ctx.text.slice(m.end, pronoun);
  if (/[,;:.()]/u.test(gap) || countWords(gap) > 2) return false;
  return m.kind === 'demonym' || m.possessive || m.origin || m.from || m.location;
}

/** Whether the clause of segment `seg` opens with the word at `pos`, right after a comma. */
function opensCommaClause(ctx: FrameContext, sv: SentenceView, seg: number, pos: number): boolean {
  if (seg === 0 || ctx.lex.objectSide === 'before' || ctx.lex.verbFinalClauses) return false;
  const start = sv.segStarts[seg];
  return ctx.text.slice(start, pos).trim() === '' && afterComma(ctx, sv, start);
}

/** Whether a comma ends the segment before the one starting at `segStart` (segment starts follow their mark). */
function afterComma(ctx: FrameContext, sv: SentenceView, segStart: number): boolean {
  return /[,،，]$/u.test(ctx.text.slice(Math.max(sv.start, segStart - 1), segStart));
}

/** The mention next to any object noun of a class ("pekerja Korea Utara" elsewhere in the sentence). */
function anyOwner(ctx: FrameContext, sv: SentenceView, cls: ObjectClass): MentionView | null {
  for (const o of ctx.objectHits(sv)) {
    if (o.tag !== cls) continue;
    const m = objectOwner(ctx, sv, o.start, o.end);
    if (m) return m;
  }
  return null;
}

/** A verb-first clause: the actor right after the trigger is its subject ("поставляет Северная Корея"). */
function subjectAfter(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  pred: (m: MentionView) => boolean,
): MentionView | null {
  const m = afterTrigger(sv, t, pred)[0];
  return m && m.seg === segOf(sv, t.start) && near(ctx, t.end, m.start, 2) ? m : null;
}

/** Whether a to-marker word ("to", "ke", "в") followed by a capitalised word comes after `pos` in its clause. */
function toWordAfter(ctx: FrameContext, sv: SentenceView, pos: number): boolean {
  const tokens = sv.tokens;
  const first = tokenBefore(tokens, pos) + 1;
  for (let k = first; k < tokens.length - 1; k++) {
    if (k > first && tokens[k].barrier) return false;
    const next = tokens[k + 1];
    if (
      !next.barrier &&
      /^\p{Lu}/u.test(ctx.text.charAt(next.start)) &&
      ctx.lex.marker.to.before.testTokens(tokens, k, first)
    )
      return true;
  }
  return false;
}

/** Roles for the transfer frames (sell, buy, use, deploy, presence) by the claim type's object. */
export function transferRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  if (t.type === 'labor_export') return laborRoles(ctx, sv, t);
  // "two Iranian airlines had flown missiles to Russian airbases", "kapal itu membawa amunisi dari Korea
  // Utara ke Rusia": a carrying verb with a destination sells; without one, a use verb ("flies Rafales")
  // still uses, and a verb of carrying alone tells no transfer.
  if (t.spec.carriesTo) {
    if (afterTrigger(sv, t, (m) => m.to && m.seg === segOf(sv, t.start) && roleable(m)).length > 0)
      return sellRoles(ctx, sv, t);
    if (t.frame !== 'use') return [];
  }
  if (t.frame === 'use' || (t.frame === 'deploy' && t.object === 'arms')) return useRoles(ctx, sv, t);
  if (t.frame === 'buy') return buyRoles(ctx, sv, t);
  return sellRoles(ctx, sv, t);
}

/** The one who supplies, not the act: its possessive is the customer ("India's main supplier"). */
const AGENT_NOUN =
  /(?:^|\s)(?:suppliers?|exporters?|providers?|sellers?|vendors?|pemasok|fournisseurs?|proveedor(?:es)?|fornecedor(?:es)?|lieferant(?:en)?)$/iu;

/**
 * A verb of arriving whose own preposition marks the place ("arrived in", "ended up in", "tiba di",
 * "docked at"), or of unloading with its cargo before the place ("unloaded a consignment of weapons at").
 */
const ARRIVAL_TRIGGER =
  /^(?:(?:have\s+)?(?:arriv\p{L}*|landed|touched down|ended up|ending up|tiba|mendarat|docked)\s+(?:\p{L}+\s+)?(?:in|at|di)|(?:un|off)loaded\s+(?:[\p{L}\p{N}'-]+\s+){0,10}(?:in|at))$/iu;

function toList(r: Roles | null): Roles[] {
  return r ? [r] : [];
}

function sellRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  // "Russia is India's largest arms supplier": the possessive before an agent noun is its customer,
  // and the subject of the clause before that possessive the supplier.
  if (AGENT_NOUN.test(ctx.text.slice(t.start, t.end))) {
    const before = beforeTrigger(sv, t, (m) => roleable(m) && !m.to && !m.from && !m.with && !m.location);
    const customer = before.find((m) => m.possessive && near(ctx, m.end, t.start, 4));
    const supplier =
      customer &&
      before.find((m) => m.end <= customer.start && m.fold !== customer.fold && m.seg === customer.seg);
    if (customer && supplier) return toList(result(supplier, customer, 0.9));
  }
  let clarity = 1;
  const troops = t.object === 'troops';
  // "arrived in Niamey", "landed at … in Jakarta": the place items arrive in receives them.
  const arrival = !troops && ARRIVAL_TRIGGER.test(ctx.text.slice(t.start, t.end));
  const subjectOk = (m: MentionView) => roleable(m) && !m.to && !m.from && !m.with && !m.location && !m.by;
  let source: Who | null = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  const passive = source !== null;
  const seg = segOf(sv, t.start);
  if (!source) {
    // "parts that had been sent from Iran to the Houthis": "from" right after the verb names the supplier.
    const fromAfter = afterTrigger(sv, t, (m) => roleable(m) && m.from && near(ctx, t.end, m.start, 4))[0];
    const subjectAtVerb = beforeTrigger(sv, t, subjectOk).some(
      (m) => m.seg === seg && near(ctx, m.end, t.start, 2),
    );
    if (fromAfter && !subjectAtVerb) source = fromAfter;
  }
  if (!source && !beforeTrigger(sv, t, subjectOk).some((m) => m.seg === seg)) {
    // Nothing before the verb in its clause: a verb-first clause ("…, поставляет Северная Корея").
    source = subjectAfter(ctx, sv, t, (m) => subjectOk(m) && !m.origin);
    if (source) clarity -= 0.1;
  }
  // The subject mention before the verb, whose coordinated states all act ("Norway and Denmark have given …").
  let subjectMention: MentionView | null = null;
  if (!source) {
    subjectMention = relativeSubject(ctx, sv, t);
    source = subjectMention;
  }
  if (!source) {
    const sb = subjectBefore(ctx, sv, t, subjectOk);
    source = sb.subject;
    if (sb.viaAnaphor) clarity -= 0.15;
    else if (sb.subject && typeof sb.subject !== 'string') subjectMention = sb.subject;
  }
  // "Norway and Denmark said they would send …": "they" is the whole list of speakers.
  const group = speakerList(ctx, sv, t, source);
  if (!source && t.obj) source = objectOwner(ctx, sv, t.obj.start, t.obj.end);
  if (!source) {
    // "12 entities in China that supplied …": the place of the unnamed supplier stands for it.
    source =
      beforeTrigger(sv, t, (m) => roleable(m) && m.location && !m.to && m.seg === segOf(sv, t.start))[0] ??
      null;
    if (source) clarity -= 0.2;
  }
  if (!source && t.object === 'arms') {
    source = sv.mentions.find((m) => ownerOk(m) && m.origin && !m.location) ?? null;
    if (source) clarity -= 0.2;
  }
  if (
    !source &&
    t.object === 'arms' &&
    t.spec.passive !== false &&
    (arrival || PASSIVE_BE.test(ctx.text.slice(Math.max(sv.start, t.start - 16), t.start)))
  ) {
    // "The JF-17 has also been sold to Myanmar", "the jet was delivered to Nigeria": the maker of the
    // system named before the verb (or just before the sentence) supplied it.
    const named = sentenceHits(sv, ctx.systems).filter(
      (h) => h.tag.maker && h.end <= t.start && near(ctx, h.end, t.start, 5),
    );
    const maker =
      named.length > 0
        ? (named[named.length - 1].tag.maker as string)
        : DEFINITE_SUBJECT.test(ctx.text.slice(sv.start, t.start))
          ? ctx.recentMaker(sv)
          : null;
    if (maker) {
      source = maker;
      clarity -= 0.15;
    }
  }
  const srcFold = fold(source);
  // Troops go "to" a country or join its forces; "in Ukraine" is where they fight, not whom they serve.
  const targetOk = (m: MentionView) =>
    roleable(m) && m.fold !== srcFold && !m.origin && !m.from && !(troops && m.location && !m.to);
  // A recipient stands after the verb, except in verb-final languages and passives ("ke Rusia … dikirim").
  const toBefore = ctx.lex.objectSide === 'before' || t.spec.passive === true;
  const toMarked = [
    ...afterTrigger(
      sv,
      t,
      (m) => targetOk(m) && (m.to || (arrival && m.location && near(ctx, t.end, m.start, 5))),
    ),
    ...(toBefore ? beforeTrigger(sv, t, (m) => targetOk(m) && m.to) : []),
  ];
  let targets: MentionView[] = toMarked.length
    ? withCoordinated(sv, listHead(sv, toMarked[0])).filter(targetOk)
    : [];
  if (!targets.length) {
    const occ = sv.mentions.find((m) => targetOk(m) && m.occupier);
    if (occ) targets = [occ];
  }
  if (!targets.length) {
    const nxt =
      afterTrigger(sv, t, (m) => targetOk(m) && !m.by && !m.location && (!troops || m.with))[0] ??
      // Verb-final clauses, and objects fronted in another clause ("…, которые россия использует, поставляет …").
      beforeTrigger(
        sv,
        t,
        (m) =>
          targetOk(m) &&
          !m.subject &&
          !m.location &&
          !m.with &&
          (ctx.lex.objectSide === 'before' ||
            ctx.lex.verbFinalClauses ||
            // "missiles supplied by North Korea": the holder of the items is the subject before the verb.
            passive ||
            (typeof source !== 'string' && source !== null && source.start > t.end && m.seg !== seg)),
      )[0];
    if (nxt) targets = [nxt];
  }
  let target: Who | null = targets[0] ?? null;
  // One party named and the object right at the verb: the other party is the article's counterpart
  // ("Kim could give weapons to Russia" with "Kim" unresolved; troops sent "to Vladivostok").
  const objectAtVerb =
    t.obj !== null && near(ctx, Math.min(t.end, t.obj.end), Math.max(t.start, t.obj.start), 3);
  if (!source && target && objectAtVerb && typeof target !== 'string' && target.seg === seg) {
    source = ctx.counterpart(target.fold);
    clarity -= COUNTERPART_PENALTY;
  }
  // Troops sent "to" somewhere the recognizer does not know ("ke Vladivostok"): a destination is named.
  const destinationNamed = !troops || toWordAfter(ctx, sv, t.end);
  // "firms … shipping components to the Russian army" with Russia as the seller: the recipient is named,
  // only not apart from the seller; the article's counterpart of the seller is no recipient then.
  const recipientIsSource = afterTrigger(sv, t, (m) => m.to && m.fold === srcFold).length > 0;
  if (source && !target && objectAtVerb && destinationNamed && !recipientIsSource) {
    target = ctx.counterpart(fold(source) as string);
    clarity -= COUNTERPART_PENALTY;
  }
  if (!source || !target) return [];
  const list: Who[] = targets.length ? targets : [target];
  const sources: Who[] = group.length
    ? group
    : subjectMention && subjectMention === source
      ? listWith(
          ctx,
          sv,
          subjectMention,
          (m) => m === subjectMention || subjectOk(m) || sameList(sv, subjectMention, m),
        )
      : [source];
  return sources
    .flatMap((s) => list.map((tg) => result(s, tg, clarity)))
    .filter((r): r is Roles => r !== null);
}

function buyRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  let clarity = 1;
  const subjOk = (m: MentionView) =>
    roleable(m) && !m.from && !m.origin && !m.to && !m.location && !m.by && !m.with;
  let target: Who | null = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  let group: MentionView[] = [];
  if (!target) {
    const sb = subjectBefore(ctx, sv, t, subjOk);
    target = sb.subject;
    if (sb.viaAnaphor) clarity -= 0.15;
    // "Sweden and Slovakia said they will buy …": "they" is the whole list of speakers.
    if (sb.viaAnaphor) group = speakerList(ctx, sv, t, target);
  }
  // "leaned on Russia for weapons": the actor after such a verb gives; it is never a verb-first subject.
  if (!target && !t.spec.nextIsSource) {
    target = subjectAfter(ctx, sv, t, subjOk);
    if (target) clarity -= 0.15;
  }
  if (!target) return [];
  const tFold = fold(target);
  // "Poland and the Philippines want to buy the KF-21": every listed buyer buys, none sells to another.
  let buyers: Who[] = group.length
    ? group
    : typeof target === 'string'
      ? [target]
      : listWith(ctx, sv, target, subjOk);
  // "India and France signed a contract for 26 Rafales": the maker of the system in a pair of parties sells.
  const makers = sentenceHits(sv, ctx.systems)
    .filter((h) => h.tag.maker && h.start >= t.start - 80)
    .map((h) => h.tag.maker as string);
  const makerInList = buyers.length > 1 ? buyers.find((b) => makers.includes(fold(b) as string)) : undefined;
  if (makerInList) buyers = buyers.filter((b) => b !== makerInList);
  const buyerFolds = new Set(buyers.map((b) => fold(b)));
  const other = (m: MentionView) => ownerOk(m) && m.fold !== tFold && !buyerFolds.has(m.fold);
  if (t.spec.nextIsSource) {
    // "Moscow turned to Pyongyang for shells": the one turned to gives.
    const next = afterTrigger(sv, t, other)[0];
    // "leaned on Russia and China for weapons": every state of the list gives.
    if (next && near(ctx, t.end, next.start, 1))
      return withCoordinated(sv, next)
        .filter(other)
        .map((m) => result(m, target, clarity, 'target'))
        .filter((r): r is Roles => r !== null);
  }
  let source: Who | null =
    afterTrigger(sv, t, (m) => other(m) && m.from)[0] ??
    beforeTrigger(sv, t, (m) => other(m) && m.from)[0] ??
    // "reducing its dependence on Russian arms, buying American … systems": the origin of what it buys.
    afterTrigger(sv, t, (m) => other(m) && m.origin && m.seg === segOf(sv, t.start))[0] ??
    sv.mentions.find((m) => other(m) && m.origin) ??
    null;
  // "comprar a Corea", "向美国购买" (to-marked before the verb where objects come first): the seller.
  if (!source && ctx.lex.buyToIsSource)
    source =
      afterTrigger(sv, t, (m) => other(m) && m.to)[0] ??
      (ctx.lex.objectSide === 'before' ? beforeTrigger(sv, t, (m) => other(m) && m.to)[0] : undefined) ??
      null;
  if (!source) {
    // "Croatia bought used Rafales", "Romania signed for 54 K9 howitzers": the maker of a named system.
    // "… talks to buy the missile", "a contract for the same system": the system named just before.
    const back =
      !makers.length && DEFINITE_ITEM.test(ctx.text.slice(t.end, Math.min(sv.end, t.end + 60)))
        ? ctx.recentMaker(sv)
        : null;
    const maker =
      makers.find((m) => !buyerFolds.has(m)) ?? (back && !buyerFolds.has(back) ? back : undefined);
    if (maker) {
      source = maker;
      clarity -= 0.1;
    }
  }
  if (!source) {
    // Any other state, but not across a speech verb ("Croatia, which has bought Rafales, said … Serbia's").
    const across = (m: MentionView) =>
      sv.attributions.some((a) =>
        m.start > t.end ? a.start >= t.end && a.end <= m.start : a.start >= m.end && a.end <= t.start,
      );
    // Not from another clause either ("Portugal has received four aircraft, and Hungary took delivery …").
    const joined = (m: MentionView) =>
      NEW_CLAUSE.test(m.start > t.end ? ctx.text.slice(t.end, m.start) : ctx.text.slice(m.end, t.start));
    const ok = (m: MentionView) => other(m) && !m.to && !m.attribute && !across(m) && !joined(m);
    source = afterTrigger(sv, t, ok)[0] ?? beforeTrigger(sv, t, ok)[0] ?? null;
    clarity -= 0.3;
  }
  if (!source && (typeof target === 'string' || target.seg === segOf(sv, t.start))) {
    source = ctx.counterpart(tFold as string);
    clarity -= 0.15;
  }
  if (!source) return [];
  // "buying American, French and Israeli systems": every origin of a list.
  const sources: Who[] = [source];
  if (typeof source !== 'string' && source.origin)
    for (const m of [...withCoordinated(sv, listHead(sv, source)), ...listedAfter(ctx, sv, source)])
      if (other(m) && !sources.some((x) => fold(x) === m.fold)) sources.push(m);
  // "buys equipment from Turkey and Israel", "buying artillery from India and radars from France": every
  // seller the clause names with "from".
  if (typeof source !== 'string' && source.from && source.start >= t.end) {
    const seg = segOf(sv, t.start);
    for (const m of sv.mentions)
      if (
        m.start >= t.end &&
        other(m) &&
        // A list's commas may open new segments: "from Iran, Belarus and China".
        ((m.seg === seg && m.from) || listHead(sv, m) === listHead(sv, source)) &&
        !sources.some((x) => fold(x) === m.fold)
      )
        sources.push(m);
  }
  return buyers.flatMap((tg) =>
    sources.map((s) => result(s, tg, clarity, 'target')).filter((r): r is Roles => r !== null),
  );
}

/** Verbs of attacking: their object is what is hit ("struck Iranian sites", "menyerang gudang Suriah"). */
const ATTACK_TRIGGER =
  /^(?:attack\p{L}*|struck|strikes?|hit|bombed|menyerang|menggempur|menghantam|attaqu\p{L}*|frapp\p{L}*|atac\p{L}*)$/iu;

function useRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  let clarity = 1;
  const nominal = t.spec.nominal === true;
  let user: Who | null = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  if (!user) {
    const poss = beforeTrigger(sv, t, (m) => roleable(m) && !m.origin)[0];
    if (
      poss &&
      (poss.possessive || !nominal) &&
      near(ctx, poss.end, t.start, nominal ? 1 : 6) &&
      !marked(poss)
    )
      user = poss;
  }
  if (!user && !nominal) {
    // "It also flies Russian MiG-29s": a pronoun subject right before the verb.
    user = ctx.anaphor(sv, Math.max(sv.start, t.start - 30), t.start);
    // "Its air force operates French Rafale jets": the state the sentences before were about.
    if (!user && POSSESSIVE_OPENING.test(ctx.text.slice(sv.start, t.start))) user = ctx.previousSubject(sv);
    if (user) clarity -= 0.15;
  }
  const userFold = fold(user);
  // "Israel struck Iranian missile sites": what an attack verb hits is no origin of the weapons used.
  const attack = ATTACK_TRIGGER.test(ctx.text.slice(t.start, t.end));
  const hit = (m: MentionView) => attack && m.start >= t.end && near(ctx, t.end, m.start, 2);
  const origin = sv.mentions
    .filter((m) => ownerOk(m) && m.fold !== userFold && (m.origin || (m.from && m.start > t.end)) && !hit(m))
    .sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0];
  if (!origin) {
    // "Shahed-136 drones … had been used by Russian forces": the maker of a named system supplied its user.
    const maker = sentenceHits(sv, ctx.systems).find((h) => h.tag.maker && h.tag.maker !== userFold)?.tag
      .maker;
    if (!maker || !user) return [];
    return byListOf(sv, user, roleable)
      .map((u) => result(maker, u, clarity - 0.15, 'target'))
      .filter((r): r is Roles => r !== null);
  }
  if (!user && !nominal) {
    // "KN-23 buatan Korut yang ditembakkan": the user goes unnamed; the article's counterpart used it.
    user = ctx.counterpart(origin.fold);
    clarity -= COUNTERPART_PENALTY;
  } else if (user && typeof user !== 'string' && !user.by) clarity -= 0.1;
  if (!user) return [];
  const users = byListOf(sv, user, (m) => roleable(m) && m.fold !== origin.fold);
  // "fields Russian tanks and Iranian drones": every origin of a list of items.
  const origins = [origin];
  for (const m of [...withCoordinated(sv, listHead(sv, origin)), ...listedAfter(ctx, sv, origin)])
    if (
      (m.origin || m.kind === 'demonym') &&
      ownerOk(m) &&
      m.fold !== userFold &&
      !origins.some((o) => o.fold === m.fold)
    )
      origins.push(m);
  return users.flatMap((u) =>
    origins.map((o) => result(o, u, clarity, 'target')).filter((r): r is Roles => r !== null),
  );
}

/** "also operated by Belarus, Bangladesh and Myanmar": a by-agent and the states coordinated with it (`ok`). */
function byListOf(sv: SentenceView, user: Who, ok: (m: MentionView) => boolean): Who[] {
  if (typeof user === 'string' || !user.by) return [user];
  return withCoordinated(sv, user).filter((m) => m === user || ok(m));
}

function laborRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  let clarity = 1;
  const objStart = t.obj?.start ?? t.start;
  const objEnd = t.obj?.end ?? t.end;
  const owner = objectOwner(ctx, sv, objStart, objEnd);
  const subjOk = (m: MentionView) => roleable(m) && !m.to && !m.location && !m.from && !m.with && !m.by;
  let source: Who | null = null;
  let sources: Who[] | null = null;
  const agent = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  const rel = agent ? null : relativeSubject(ctx, sv, t);
  if (rel) sources = withCoordinated(sv, rel).filter((m) => roleable(m));
  if (t.frame === 'sell') source = rel ?? agent ?? subjectBefore(ctx, sv, t, subjOk).subject ?? owner;
  else {
    // "Vietnam imports workers from North Korea", "Qatar hires workers from Nepal": the state they come
    // from, over an "owner" that is only the clause's subject before the verb.
    const fromAfter = afterTrigger(sv, t, (m) => roleable(m) && m.from && m.seg === segOf(sv, t.start))[0];
    const ownerAfterVerb = owner && owner.end > t.start ? owner : null;
    source = rel ?? ownerAfterVerb ?? fromAfter ?? owner ?? beforeTrigger(sv, t, subjOk)[0] ?? null;
  }
  if (!source) {
    source = anyOwner(ctx, sv, 'workers') ?? anaphorBefore(ctx, sv, t);
    if (source) clarity -= 0.15;
  }
  if (!source) return [];
  const sFold = fold(source);
  const ok = (m: MentionView) => roleable(m) && m.fold !== sFold && !m.from;
  let targets: MentionView[] = [];
  const occ = sv.mentions.find((m) => ok(m) && m.occupier);
  const placed = [
    ...afterTrigger(sv, t, (m) => ok(m) && (m.to || m.location)),
    ...beforeTrigger(sv, t, (m) => ok(m) && (m.to || m.location) && m.start > objStart - 80),
  ];
  if (occ) targets = [occ];
  else if (placed.length) targets = withCoordinated(sv, listHead(sv, placed[0])).filter(ok);
  else if (t.frame === 'buy') {
    // The owner of the workers is no employer, unless it was only the clause's subject ("Vietnam imports
    // workers from North Korea": North Korea sends them).
    const notOwner = source === owner ? owner : null;
    const employer = passiveAgent(ctx, sv, t) ?? beforeTrigger(sv, t, (m) => ok(m) && m !== notOwner)[0];
    // "dipekerjakan di proyek konstruksi Rusia", "employed on Russian building sites": the state of the job.
    const job =
      employer ??
      afterTrigger(sv, t, (m) => ok(m) && !m.by && m !== notOwner && m.seg === segOf(sv, t.start))[0];
    if (job) targets = [job];
    if (!employer && job) clarity -= 0.15;
  } else if (t.frame === 'sell') {
    const nxt = afterTrigger(sv, t, (m) => ok(m) && !m.by)[0];
    if (nxt) {
      targets = [nxt];
      clarity -= 0.1;
    }
  }
  return (sources ?? [source]).flatMap((src) =>
    targets.map((tg) => result(src, tg, clarity)).filter((r): r is Roles => r !== null),
  );
}

/** A comma and a conjunction that open a clause of their own ("…, and Hungary took delivery"). */
const NEW_CLAUSE =
  /[,;]\s*(?:and|but|while|whereas|dan|tetapi|namun|sementara|et|mais|y|pero|und|aber|e|ma)\s/iu;

/** A relative pronoun and at most three words between the nearest state before a trigger and the trigger. */
const RELATIVE_OPENING = new RegExp(`^\\s*,?\\s*${SUBJECT_RELATIVES}\\s+(?:[\\p{L}-]+\\s+){0,3}$`, 'iu');

/**
 * The subject of a relative clause: "Nepal and Bangladesh, which also send workers to Malaysia", "Nepal dan
 * Bangladesh yang juga mengirim pekerja": the state before the pronoun acts, whatever marks it in the main clause.
 */
function relativeSubject(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView | null {
  let m: MentionView | null = null;
  for (const x of sv.mentions) if (x.end <= t.start && (!m || x.end > m.end)) m = x;
  if (!m || !roleable(m) || !RELATIVE_OPENING.test(ctx.text.slice(m.end, t.start))) return null;
  return listHead(sv, m);
}

/** Whether `a` and `b` stand in one coordinated list ("Nepal and Bangladesh"), whatever marks them. */
function sameList(sv: SentenceView, a: MentionView, b: MentionView): boolean {
  return listHead(sv, a) === listHead(sv, b);
}

/**
 * Symmetric relations (cooperation, training, showcases, defence visits): the partner marked by
 * "with"/"between" near the trigger, else the two nearest distinct parties around it.
 */
export function pairRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  return unorderedPairs(ctx, sv, t).map((r) => readingOrder(sv, r));
}

/**
 * A pair has no direction: its first party is the one the sentence names first ("Burkina Faso, Mali and
 * Niger launched a joint force": BFA-MLI, BFA-NER, MLI-NER), which is also the one an unnamed official
 * of the sentence speaks for.
 */
function readingOrder(sv: SentenceView, r: Roles): Roles {
  if (!r.target) return r;
  const at = (fold: string): number => sv.mentions.find((m) => m.fold === fold)?.start ?? Infinity;
  return at(r.target) < at(r.source) ? { ...r, source: r.target, target: r.source } : r;
}

function unorderedPairs(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  const both = sentenceHits(sv, ctx.lex.pairAnaphora).length ? ctx.pairBefore(sv) : null;
  if (both) {
    // "Keduanya membahas kerja sama militer"; "both countries plan to invite the US to the drills".
    const others = [
      ...new Set(
        sv.mentions.filter((m) => roleable(m) && !m.location && !both.includes(m.fold)).map((m) => m.fold),
      ),
    ];
    const clarity = 1 - COUNTERPART_PENALTY / 2;
    if (!others.length) return [{ source: both[0], target: both[1], clarity, subject: 'source' }];
    return others.flatMap((o) =>
      both.map((b): Roles => ({ source: b, target: o, clarity, subject: 'source' })),
    );
  }
  const r = pairRole(ctx, sv, t);
  if (!r || !r.target) return r ? [r] : [];
  // "A, B and C held joint drills", "A drilled with B and C": every pair of the listed parties.
  const speakers = issuers(ctx, sv, t);
  const ok = (m: MentionView) => (roleable(m) || speakers.has(m)) && !m.location;
  const parties = new Set([r.source, r.target]);
  for (const m of sv.mentions)
    if (parties.has(m.fold) && ok(m)) {
      for (const c of withCoordinated(sv, listHead(sv, m))) if (ok(c)) parties.add(c.fold);
    }
  // "berlatih dengan Angkatan Laut India dalam Samudra Shakti, serta dengan Angkatan Laut Amerika Serikat":
  // a second "with" after a conjunction is another partner of the subject.
  const also = afterTrigger(
    sv,
    t,
    (m) =>
      ok(m) &&
      m.with &&
      !parties.has(m.fold) &&
      ALSO_WITH.test(ctx.text.slice(Math.max(t.end, m.start - 40), m.start)),
  ).map((m): Roles => ({ ...r, target: m.fold }));
  if (parties.size < 3) return [r, ...also];
  const list = [...parties];
  const out: Roles[] = [r];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, b] = [list[i], list[j]];
      if ((a === r.source && b === r.target) || (a === r.target && b === r.source)) continue;
      out.push({ ...r, source: a, target: b });
    }
  return [...out, ...also];
}

/** A verb of helping right before the one helped: "helped Russian buyers circumvent", "membantu Iran menghindari". */
const HELP_BEFORE = /(?:^|\s)(?:help|helps|helped|helping|assist|assists|assisted|assisting|membantu)\s+$/iu;

/** The party a violation's act helps ("helped Russian buyers circumvent …") and where the help word starts. */
function helpedParty(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
): { helped: MentionView; helpStart: number } | null {
  for (const m of sv.mentions) {
    if (m.end > t.start || !roleable(m) || countWords(ctx.text, m.end, t.start) > 2) continue;
    const before = ctx.text.slice(Math.max(sv.start, m.start - 24), m.start);
    const h = HELP_BEFORE.exec(before);
    // Not "for helping X" after an object: that reason clause names its helper before "for".
    if (!h || /(?:for|over|karena|atas)\s+(?:telah\s+)?\S+\s+$/iu.test(before)) continue;
    return { helped: m, helpStart: m.start - (before.length - h.index) };
  }
  return null;
}

/** "Western sanctions", "international sanctions"; "sanksi Barat", "sanctions occidentales". */
const UNNAMED_IMPOSERS_BEFORE = /(?:^|\s)(?:western|international)\s+$/iu;
const UNNAMED_IMPOSERS_AFTER =
  /^\s+(?:barat|internasional|occidentales|internationales|occidentais|internacionales)\b/iu;

/** "… for helping", "… karena membantu": a reason clause whose subject is the object of the verb before it. */
const HELPED_BY_REASON =
  /\s(?:for|over)\s+(?:helping|assisting|aiding)\s+$|\s(?:karena|atas)\s+(?:telah\s+)?membantu\s+$/iu;

/** A conjunction and a second "with" before a partner: "…, and with", "serta dengan", "ainsi qu'avec". */
const ALSO_WITH =
  /(?:,|\s)\s*(?:and|as well as|serta|dan|juga|et|ainsi qu'|y|e|und|sowie)\s*(?:also\s+)?(?:with|dengan|avec|con|com|mit)\s+(?:[\p{L}\p{M}.-]+\s+){0,4}$/iu;

/**
 * Speakers who issue the act rather than report it: "Mali, Niger and Burkina Faso announced a joint
 * force" (an issuing verb right before the trigger, no "that" between) are its parties.
 */
function issuers(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Set<MentionView> {
  const out = new Set<MentionView>();
  const issuing = sentenceHits(sv, ctx.lex.issuingVerbs);
  for (const a of sv.attributions) {
    if (!a.actors.length || a.end > t.start || !near(ctx, a.end, t.start, 4)) continue;
    if (!issuing.some((h) => h.start >= a.start && h.end <= a.end && h.end >= a.end - 1)) continue;
    for (const m of a.actors)
      if (m.cls === 'state' && !m.conflict && !m.attribute && !m.territory) out.add(m);
  }
  return out;
}

function pairRole(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles | null {
  if (t.spec.hosted) return hostedRole(ctx, sv, t);
  let clarity = 1;
  const speakers = issuers(ctx, sv, t);
  const ok = (m: MentionView) => (roleable(m) || speakers.has(m)) && !m.location;
  const nearby = (m: MentionView) =>
    near(ctx, m.start < t.start ? m.end : t.end, m.start < t.start ? t.start : m.start, 8);
  const partner = [
    ...afterTrigger(sv, t, (m) => ok(m) && m.with),
    ...beforeTrigger(sv, t, (m) => ok(m) && m.with),
  ].find((m) => nearby(m) || m.seg === segOf(sv, t.start));
  if (partner) {
    const group = withCoordinated(sv, partner).filter(ok);
    if (group.length > 1) {
      // "India drilled with France and Egypt": the subject is a party too (pairRoles adds the rest).
      const subject = beforeTrigger(
        sv,
        t,
        (m) => ok(m) && !m.with && !m.to && !group.some((g) => g.fold === m.fold),
      ).find((m) => m.seg === segOf(sv, t.start));
      return result(subject ?? group[0], subject ? group[0] : group[1], clarity);
    }
    const other =
      beforeTrigger(sv, t, (m) => ok(m) && m.fold !== partner.fold && !m.with && !m.to)[0] ??
      afterTrigger(sv, t, (m) => ok(m) && m.fold !== partner.fold && !m.with)[0] ??
      anaphorBefore(ctx, sv, t);
    return other ? result(other, partner, clarity) : null;
  }
  clarity -= 0.1;
  // The trainer trains someone's forces: "train Russian forces", "melatih pasukan Rusia".
  if (t.obj?.cls === 'troops') {
    const owner = objectOwner(ctx, sv, t.obj.start, t.obj.end);
    const trainer = owner
      ? (subjectBefore(ctx, sv, t, (m) => ok(m) && m.fold !== owner.fold).subject ?? null)
      : null;
    if (owner && trainer) return result(trainer, owner, clarity);
    // Trainees and where or by whom they train: "Vietnamese officers trained in India", "pilot TNI dilatih
    // di Prancis", "officers attended a course at a Chinese military academy".
    const host = owner
      ? sv.mentions.find(
          (m) =>
            ownerOk(m) &&
            !m.attrib &&
            m.fold !== owner.fold &&
            (m.location || m.by || m.with || m.kind === 'demonym' || m.possessive) &&
            near(ctx, m.start < t.start ? m.end : t.end, m.start < t.start ? t.start : m.start, 8),
        )
      : undefined;
    if (owner && host) return result(host, owner, clarity - 0.1);
  }
  const dist = (m: MentionView) => (m.end <= t.start ? t.start - m.end : m.start - t.end);
  // Parties of the trigger's own clause before it first ("Chad turned to Russia for security assistance
  // after the French withdrawal"), then the nearest others.
  const seg = segOf(sv, t.start);
  const rank = (m: MentionView) => (m.end <= t.start && m.seg === seg ? 0 : 1);
  const cands = sv.mentions
    .filter((m) => ok(m) && (m.end <= t.start || m.start >= t.end))
    .sort((a, b) => rank(a) - rank(b) || dist(a) - dist(b));
  const first = cands[0];
  const second = first && cands.find((m) => m.fold !== first.fold);
  // A generic word ("exercises", "joint force") relates only the parties the sentence joins.
  if (t.spec.coordinated && !(first && second && listHead(sv, first) === listHead(sv, second))) return null;
  if (first && second)
    return result(first.end <= t.start ? first : second, first.end <= t.start ? second : first, clarity);
  // "Serbia's defence ministry said it plans local assembly of Chinese drones": a pronoun subject is the
  // other party of an explicit cooperation or of an arms industry word (not of a visit or a showcase).
  const explicit = (t.spec.weight ?? 0) > 0 || t.spec.objects?.includes('arms');
  const pronoun = first && explicit && !t.spec.coordinated ? anaphorBefore(ctx, sv, t) : null;
  if (first && pronoun && pronoun !== fold(first)) return result(pronoun, first, clarity - 0.05);
  // "Shoigu visited Pyongyang": the place a visit goes to is its host, the other party.
  if (first && t.spec.hostAfter) {
    const host = afterTrigger(
      sv,
      t,
      (m) =>
        m.cls === 'state' &&
        !m.attrib &&
        !m.attribute &&
        m.fold !== first.fold &&
        near(ctx, t.end, m.start, 2),
    )[0];
    if (host && first.end <= t.start) return result(first, host, clarity);
  }
  const one: Who | null = first ?? null;
  // Only an explicit cooperation word ("military cooperation was discussed") completes a lone party;
  // a visit, an inspection or help with one party named is no relation.
  if (!one || (t.spec.weight ?? 0) < 0) return null;
  // One party named ("Putin hinted that military cooperation was discussed"): the other is the article's.
  const other = ctx.counterpart(fold(one) as string);
  return other ? result(one, other, clarity - COUNTERPART_PENALTY) : null;
}

/**
 * A base abroad: the state located right after the word hosts it ("bases in Syria"), the state owning it stands
 * right before ("Russia's naval base", "Russian bases") or is the clause subject ("China opened its first
 * overseas base in Djibouti", "Rusia, yang memiliki pangkalan militer di Suriah").
 */
function hostedRole(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles | null {
  const host = afterTrigger(
    sv,
    t,
    (m) => isParty(m) && m.cls === 'state' && m.location && !m.conflict && !m.territory && !m.occupier,
  )[0];
  if (!host || !near(ctx, t.end, host.start, 3)) return null;
  const ownerOk = (m: MentionView) =>
    isParty(m) && m.cls === 'state' && m.fold !== host.fold && !m.location && !m.to && !m.conflict;
  const adjacent = beforeTrigger(sv, t, ownerOk).find((m) => near(ctx, m.end, t.start, 3));
  if (adjacent) return result(adjacent, host, 0.9);
  // Further away, the owner must have, keep, run or open the base ("Russia maintains naval and air bases in
  // Syria"); flights landing "at an air base in Israel" make no owner.
  const owner = relativeSubject(ctx, sv, t) ?? subjectBefore(ctx, sv, t, ownerOk).subject;
  if (!owner || typeof owner === 'string') return null;
  return OWNING_VERB.test(ctx.text.slice(owner.end, t.start)) ? result(owner, host, 0.8) : null;
}

/** Verbs of having, keeping, running or opening a base. */
const OWNING_VERB =
  /\b(?:has|have|had|maintains?|maintained|keeps?|kept|operates?|operated|runs?|ran|opened|opens|built|builds|established|set up|memiliki|mempunyai|membangun|mengoperasikan|membuka|possède|dispose|exploite|tiene|mantiene|opera|possui|mantém|unterhält|betreibt)\b/iu;

/** "… as the sole legitimate government": what follows a recognised state named as the verb's object. */
const RECOGNISED_AS = /^\s*(?:as|sebagai|comme|como|als|в качестве|كـ|بوصفها)\s/iu;

/** "as" (not "as well as") between the verb and a later state: that state names what the recognised one is. */
const RECOGNISED_AS_INSIDE = /(?<!(?:^|\s)(?:well|así|assim))\s(?:as|sebagai|comme|como|als)\s(?!well\s)/iu;

/** A verb right after the state: it opens a clause ("acknowledged Iran had been a partner"), it is no object. */
const CLAUSE_AFTER =
  /^\s+(?:had|has|have|was|were|is|are|would|will|could|can|should|might|may|must|did|does|do|adalah|telah|sudah|akan|merupakan)\b/iu;

/** A trigger that ends in "with" right before the state, or its article ("relations with", "relations avec la"). */
const TRIGGER_ENDS_WITH_MARKER = /\s(?:with|dengan|con|avec|mit|zu|com|с)\s+(?:\p{L}{1,3}(?:\s+|['’]))?$/iu;

/** States whose statehood others still recognise one by one: they can be what a recognition recognises. */
const CONTESTED_STATES = new Set(['PSE', 'XKX', 'ESH', 'TWN']);

/** Recognition: every recognising state of the sentence times every recognised entity. */
export function recognitionRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  // "mengakui Republik Rakyat China sebagai …", "recognised Beijing": a state right after the verb is
  // what it recognises, contested or not (a switch of recognition), and the other states are no targets.
  const object = sv.mentions.find(
    (m) =>
      isParty(m) &&
      m.cls === 'state' &&
      !m.possessive &&
      // "diplomatic relations with Beijing": the trigger's own "with" marks its object.
      (!m.with || TRIGGER_ENDS_WITH_MARKER.test(ctx.text.slice(t.start, m.start))) &&
      m.start >= t.end &&
      near(ctx, t.end, m.start, 1) &&
      (CONTESTED_STATES.has(m.fold) ||
        RECOGNISED_AS.test(ctx.text.slice(m.end, m.end + 24)) ||
        !CLAUSE_AFTER.test(ctx.text.slice(m.end, m.end + 24))),
  );
  let targets = object
    ? [object.fold]
    : sv.mentions
        .filter(
          (m) => isParty(m) && (m.cls === 'entity' || (m.cls === 'state' && CONTESTED_STATES.has(m.fold))),
        )
        .map((m) => m.fold);
  let clarity = 1;
  if (!targets.length) {
    if (sentenceHits(sv, ctx.lex.republicAnaphora).length) {
      targets = ctx.entities();
      clarity -= 0.3;
    }
  }
  targets = [...new Set(targets)];
  if (!targets.length) return [];
  const homeOf = new Set(targets.map((e) => e.split('.')[0].toUpperCase()));
  const sources = sv.mentions.filter(
    (m) =>
      isParty(m) &&
      m.cls === 'state' &&
      (!object || (m.end <= t.start && !m.with)) &&
      // "… recognises Taipei as the sole government of China": what follows "as" recognises nothing.
      !(m.start > t.end && RECOGNISED_AS_INSIDE.test(ctx.text.slice(t.end, m.start))) &&
      !m.occupier &&
      !m.to &&
      !m.with &&
      !m.location &&
      !homeOf.has(m.fold) &&
      !m.conflict,
  );
  let ids = [...new Set(sources.map((m) => m.fold))];
  if (!ids.length) {
    const a = anaphorBefore(ctx, sv, t);
    if (a && !homeOf.has(a)) ids = [a];
    else {
      const speaker = sv.attributions
        .flatMap((x) => x.actors)
        .find((m) => m.cls === 'state' && !homeOf.has(m.fold));
      if (speaker) ids = [speaker.fold];
    }
    clarity -= 0.2;
  }
  const out: Roles[] = [];
  ids.forEach((s, k) => {
    for (const e of targets) {
      const r = result(s, e, clarity);
      if (r) out.push(k > 0 ? { ...r, secondary: true } : r);
    }
  });
  return out;
}

/** Sanctions imposed: who imposes (by-agent, subject, "UN sanctions") on whom (on/against, object, "Iran sanctions"). */
export function imposeRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  // "complies with Western sanctions against Moscow", "sanksi Barat": sanctions of a group of states
  // no one names impose nothing the claim could say who did.
  if (
    UNNAMED_IMPOSERS_BEFORE.test(ctx.text.slice(Math.max(sv.start, t.start - 16), t.start)) ||
    UNNAMED_IMPOSERS_AFTER.test(ctx.text.slice(t.end, Math.min(sv.end, t.end + 16)))
  )
    return [];
  let clarity = 1;
  const okState = (m: MentionView) => !m.attrib && !m.territory && (m.cls === 'state' || m.cls === 'body');
  // "sanctions on seven Iranian businesses", "warga Korut": a nationality names whom sanctions hit.
  const tOk = (m: MentionView) => !m.attrib && !m.territory && (m.cls === 'state' || m.cls === 'entity');
  const speaker = sv.attributions.flatMap((x) => x.actors).find((m) => m.cls === 'state' || m.cls === 'body');
  const byAgents = sv.mentions.filter(
    (m) => m.start >= t.end && m.by && okState(m) && near(ctx, t.end, m.start, 6),
  );
  let imposers: Who[] = byAgents.length ? withCoordinated(sv, byAgents[0]) : [];
  let target: MentionView | null = null;
  // Not the last of a list of subjects ("Britain and Norway imposed sanctions": both impose).
  const adjBefore = sv.mentions.find(
    (m) =>
      okState(m) &&
      !marked(m) &&
      !m.possessive &&
      m.end <= t.start &&
      near(ctx, m.end, t.start, 1) &&
      listHead(sv, m) === m,
  );
  const adjAfter = sv.mentions.find(
    (m) => okState(m) && m.start >= t.end && near(ctx, t.end, m.start, 1) && !m.sanctionTarget,
  );
  const seg = segOf(sv, t.start);
  // "resolusi Dewan Keamanan PBB yang melarang Korea Utara …", "resolutions of the UN that bar Pyongyang":
  // the body or state before the relative pronoun imposes on the state right after the verb.
  const rel = RELATIVE_BEFORE.exec(ctx.text.slice(Math.max(sv.start, t.start - 12), t.start));
  if (!imposers.length && rel) {
    const relStart = t.start - rel[0].length;
    const owner = beforeTrigger(
      sv,
      t,
      (m) => okState(m) && m.end <= relStart && near(ctx, m.end, relStart, 3),
    )[0];
    const hit = afterTrigger(sv, t, (m) => tOk(m) && near(ctx, t.end, m.start, 2))[0];
    if (owner && hit && owner.fold !== hit.fold) return toList(result(owner, hit, clarity - 0.1));
  }
  if (!imposers.length && passiveImpose(ctx, sv, t)) {
    // "Three Sudanese firms were sanctioned", "North Korea is banned from exporting arms", "Rusia dikenai
    // sanksi": the subject is sanctioned; a body of the sentence ("under UN resolutions") or the speaker imposes.
    const subj = beforeTrigger(sv, t, (m) => tOk(m) && m.seg === seg && !m.by)[0];
    if (!subj) return [];
    const agent: Who | undefined =
      sv.mentions.find((m) => m.cls === 'body' && !m.attrib && !m.attribute && m.fold !== subj.fold) ??
      (speaker && speaker.fold !== subj.fold ? speaker : undefined) ??
      (numberedResolution(ctx, sv) ? 'UN' : undefined);
    if (!agent) return [];
    const agentFold = fold(agent);
    return listWith(ctx, sv, subj, (m) => tOk(m) && m.fold !== agentFold)
      .map((tg) => result(agent, tg, clarity - 0.1))
      .filter((r): r is Roles => r !== null);
  }
  // "added to the US sanctions list", "UN sanctions": the name before the noun imposes, the subject is hit.
  const listNoun = /^\s*(?:list|lists|blacklist|register|regime|programme|program)\b/iu.test(
    ctx.text.slice(t.end, t.end + 12),
  );
  const nounBefore = listNoun
    ? sv.mentions.find((m) => okState(m) && m.end <= t.start && near(ctx, m.end, t.start, 1))
    : adjBefore?.cls === 'body'
      ? adjBefore
      : undefined;
  if (!imposers.length && nounBefore) {
    // "Hungary blocked new EU sanctions against Russia": a target marked after the noun is the one hit.
    const marked = afterTrigger(
      sv,
      t,
      (m) => tOk(m) && m.sanctionTarget && m.seg === seg && m.fold !== nounBefore.fold,
    )[0];
    const subj =
      marked ??
      beforeTrigger(
        sv,
        t,
        (m) => tOk(m) && m !== nounBefore && m.fold !== nounBefore.fold && m.seg === seg && !m.by,
      )[0];
    if (subj) {
      imposers = [nounBefore];
      target = subj;
    }
  }
  // "Turkey bought S-400s from Russia, triggering US sanctions": a comma clause with no subject of its own
  // (only the imposer before the noun) hits the sentence's subject, unless it names a target itself.
  if (!imposers.length && adjBefore && adjBefore.seg === seg && seg > 0) {
    const segStart = sv.segStarts[seg];
    const ownBefore = sv.mentions.some((m) => m !== adjBefore && m.start >= segStart && m.end <= t.start);
    const ownAfter = afterTrigger(sv, t, (m) => tOk(m) && m.seg === seg && m.fold !== adjBefore.fold)[0];
    const first = sv.mentions.find((m) => tOk(m) && isParty(m) && m.fold !== adjBefore.fold);
    if (!ownBefore && !ownAfter && first && first.seg === 0 && afterComma(ctx, sv, segStart))
      return toList(result(adjBefore, first, clarity - 0.1));
  }
  // "align with the bloc's sanctions against Russia", "Washington's sanctions on Iran": a possessive
  // right before the noun imposes, whatever marks it.
  const possessor = sv.mentions.find(
    (m) =>
      okState(m) &&
      m.possessive &&
      !m.sanctionTarget &&
      !m.to &&
      m.end <= t.start &&
      near(ctx, m.end, t.start, 2),
  );
  // Its target follows ("against Russia") more often than it precedes: the search below looks after first.
  const byPossessor = !imposers.length && possessor !== undefined && !passiveImpose(ctx, sv, t);
  if (byPossessor) imposers = [possessor];
  if (imposers.length) {
    if (!byPossessor) target ??= beforeTrigger(sv, t, (m) => tOk(m) && !imposers.includes(m))[0] ?? null;
  } else {
    // The clause subject is its first state ("The EU added three Iranian firms to its sanctions list").
    const subjects = beforeTrigger(
      sv,
      t,
      (m) =>
        okState(m) &&
        m !== adjBefore &&
        !m.sanctionTarget &&
        // "북한의 …": a genitive before a verb-final clause's trigger is no subject.
        !(m.possessive && ctx.lex.objectSide === 'before') &&
        !m.to &&
        !m.with &&
        !m.location &&
        // "adding Kyrgyz and Kazakh companies to its sanctions package": a nationality imposes nothing.
        !m.attribute &&
        !ownsEntityNoun(ctx, sv, m) &&
        m.seg === segOf(sv, t.start) &&
        near(ctx, m.subjectEnd, t.start, 8),
    );
    // "the bloc was considering adding Kazakh companies to its next sanctions package": "its" points back to
    // the clause's subject, however far.
    const ownPronoun = /(?:^|\s)(?:its|their)\s+(?:[\p{L}-]+\s+){0,2}["“«]?$/iu.test(
      ctx.text.slice(Math.max(sv.start, t.start - 30), t.start),
    );
    const farSubject = ownPronoun
      ? sv.mentions.find(
          (m) =>
            okState(m) &&
            m.end <= t.start &&
            m.seg === segOf(sv, t.start) &&
            !marked(m) &&
            !m.attribute &&
            !m.attrib &&
            !ownsEntityNoun(ctx, sv, m),
        )
      : undefined;
    // "The UN Security Council adopted resolution 2397, banning North Korean workers abroad": a verb that
    // opens a comma clause imposes as the sentence's subject.
    const sentenceSubject = opensCommaClause(ctx, sv, seg, t.start)
      ? sv.mentions.find((m) => okState(m) && m.seg === 0 && !marked(m) && !m.attribute && !m.attrib)
      : undefined;
    const nearest = subjects[subjects.length - 1] ?? sentenceSubject;
    // "China added seven U.S. defence companies to its entity list": a state naming the companies that
    // "its" list takes is whom the list hits; the state "its" points back to imposes.
    const subject =
      nearest &&
      farSubject &&
      farSubject.start < nearest.start &&
      ENTITY_NOUN.test(ctx.text.slice(nearest.end, nearest.end + 40))
        ? farSubject
        : (nearest ?? farSubject);
    const imposer = subject ?? (adjBefore ? speaker : undefined);
    if (adjBefore && imposer && imposer.fold !== adjBefore.fold) {
      // "The United States announced new North Korea sanctions": the noun before "sanctions" is whom they hit.
      imposers = [imposer];
      if (tOk(adjBefore)) target = adjBefore;
    } else if (adjBefore) imposers = [adjBefore];
    // "sanksi PBB", "عقوبات أمريكية": where modifiers follow the noun, the one right after imposes.
    else if (adjAfter && (adjAfter.cls === 'body' || ctx.lex.originAdjacency === 'after'))
      imposers = [adjAfter];
    else if (subject)
      // "The United States, Britain and Canada have imposed sanctions": every listed state imposes.
      imposers = listWith(ctx, sv, subject, (m) => okState(m) && !m.to && !m.with && !m.location);
  }
  if (!imposers.length) {
    // "said it would impose": the pronoun resolves to the speaker; a speaker who "announced" sanctions imposes them.
    const a = ctx.anaphor(sv, Math.max(sv.start, t.start - 25), t.start) ?? ctx.self(sv, sv.start, t.start);
    const issuing = sentenceHits(sv, ctx.lex.issuingVerbs);
    const issuer = sv.attributions.find(
      (x) =>
        x.actors.length && issuing.some((h) => h.start >= x.start && h.start <= Math.max(x.end, t.end + 12)),
    );
    const group = pluralSubject(ctx, sv, t);
    if (group.length > 1) imposers = group;
    else if (a) imposers = [a];
    else if (issuer && speaker && (speaker.cls === 'state' || speaker.cls === 'body')) imposers = [speaker];
    // "Resolution 2397 required all member states to repatriate …": a numbered resolution is the UN's.
    else if (numberedResolution(ctx, sv) && sv.mentions.every((m) => m.fold !== 'UN')) imposers = ['UN'];
    clarity -= 0.2;
  }
  if (!imposers.length) return [];
  const impFolds = new Set(imposers.map((m) => fold(m)));
  const free = (m: MentionView) => tOk(m) && !impFolds.has(m.fold) && !m.by;
  if (!target) {
    const after = afterTrigger(sv, t, free);
    target =
      after.find((m) => near(ctx, t.end, m.start, 5)) ??
      // A "to" of another clause is no target ("froze their assets, a week after Washington approved the
      // sale … to Taiwan").
      after.find((m) => m.sanctionTarget || (m.to && m.seg === segOf(sv, t.start))) ??
      after.find((m) => m.seg === segOf(sv, t.start)) ??
      null;
  }
  if (!target) {
    // "Iran's embassy in London called the sanctions baseless": where the speaker sits is not whom they hit.
    const seat = (m: MentionView) =>
      m.location &&
      imposers.some((i) => typeof i !== 'string' && i.end <= m.start && near(ctx, i.end, m.start, 3));
    target = beforeTrigger(sv, t, (m) => free(m) && !seat(m))[0] ?? null;
    clarity -= 0.25;
  }
  if (!target) {
    // "renewed its arms embargo on the country", "sanksi terhadap negara itu": the state the article
    // spoke of just before.
    const inReach = sentenceHits(sv, ctx.lex.stateAnaphora).some(
      (h) => h.start >= t.end && h.end <= Math.min(sv.end, t.end + 30),
    );
    let a = inReach ? ctx.anaphor(sv, t.end, Math.min(sv.end, t.end + 30)) : null;
    if (a && impFolds.has(a)) a = ctx.previousSubject(sv);
    if (a && !impFolds.has(a))
      return imposers.map((i) => result(i, a, clarity - 0.2)).filter((r): r is Roles => r !== null);
  }
  if (!target) {
    // "Kiev severed ties with Damascus and said it would impose an embargo on …": the state it broke with.
    target =
      beforeTrigger(
        sv,
        t,
        (m) => m.attrib && m.cls === 'state' && !impFolds.has(m.fold) && m !== speaker && !m.attribute,
      )[0] ?? null;
    clarity -= 0.1;
  }
  if (!target) {
    // "… sanctioned individuals and companies involved in the arms transfers": the supplier of the
    // transfer the article has just told.
    const prev = ctx.previousTransfer(sv);
    const aboutArms = ctx.objectHits(sv).some((o) => o.tag === 'arms');
    const anaphoric = sentenceHits(sv, ctx.lex.stateAnaphora).length > 0;
    if (prev && aboutArms && !anaphoric && !impFolds.has(prev.source))
      return imposers
        .map((i) => result(i, prev.source, clarity - 0.25))
        .filter((r): r is Roles => r !== null);
  }
  if (!target) return [];
  // "on Russian firms and seven companies in China and Iran": coordinated targets are hit alike.
  const targets = withCoordinated(sv, target).filter(
    (m) => m === target || (tOk(m) && !impFolds.has(m.fold)),
  );
  for (const m of listedAfter(ctx, sv, targets[targets.length - 1]))
    if (tOk(m) && !impFolds.has(m.fold) && !targets.some((x) => x.fold === m.fold)) targets.push(m);
  // "on the leader of Sudan's RSF and on seven companies in the UAE": a repeated "on" opens a second target.
  const again = AND_ON.exec(ctx.text.slice(t.end, sv.end));
  if (again) {
    const at = t.end + again.index + again[0].length;
    const next = sv.mentions.find((m) => m.start >= at && tOk(m) && near(ctx, at, m.start, 8));
    if (next)
      for (const c of withCoordinated(sv, next))
        if (tOk(c) && !impFolds.has(c.fold) && !targets.some((x) => x.fold === c.fold)) targets.push(c);
  }
  // "adding Kyrgyz and Kazakh companies to its sanctions package against Russia": the firms added are hit too.
  // "…, listing 48 Russian companies and seven firms in China", "yang juga menyasar perusahaan di China": the
  // firms a package lists after a listing word are hit too ("firms in Russia that supplied …" are not).
  const listedFrom = LISTING.exec(ctx.text.slice(t.end, sv.end));
  const listStart = listedFrom ? t.end + listedFrom.index : Infinity;
  for (const m of sv.mentions) {
    const before = m.end <= t.start && m.seg === segOf(sv, t.start) && ownsEntityNoun(ctx, sv, m);
    const listed =
      m.start >= listStart &&
      (ownsEntityNoun(ctx, sv, m) || FIRMS_IN.test(ctx.text.slice(Math.max(0, m.start - 50), m.start)));
    if ((before || listed) && tOk(m) && !impFolds.has(m.fold))
      for (const c of listed ? withCoordinated(sv, m) : [m])
        if (tOk(c) && !impFolds.has(c.fold) && !targets.some((x) => x.fold === c.fold)) targets.push(c);
  }
  return imposers
    .flatMap((i) => targets.map((tg) => result(i, tg, clarity)))
    .filter((r): r is Roles => r !== null);
}

/** A second sanctions target after a conjunction and the preposition again ("… and on seven firms in …"). */
const AND_ON =
  /\s(?:and|as well as|dan|serta|et|y|e)\s+(?:also\s+|juga\s+)?(?:on|against|terhadap|kepada|contre|contra)\s/iu;

/** Nouns of firms and people that a nationality or a state's name qualifies ("Kazakh companies"). */
const ENTITY_NOUN =
  /^[\s-]+(?:[\p{L}\p{N}-]+\s+){0,3}?(?:compan(?:y|ies)|firms?|entit(?:y|ies)|banks?|individuals?|businesses|vessels?|ships?|airlines?|exporters?|suppliers?|nationals?|citizens?|perusahaan|entitas|individu|warga|kapal|entreprises?|sociétés?|empresas?|compañías?|unternehmen|firmen|şirket\p{L}*)\b/iu;

/** English weapon nouns a definite phrase refers back with ("the missile", "the same system"). */
const ITEM_NOUNS =
  'missiles?|system|systems|jets?|fighters?|aircraft|tanks?|drones?|howitzers?|submarines?|frigates?|helicopters?';

/**
 * A definite weapon noun that refers back ("the missile", "the same system", "its six aircraft", "the type",
 * "sistem tersebut"), or "it" right after the verb ("will also buy it").
 */
export const DEFINITE_ITEM = new RegExp(
  `(?:^\\s+it\\b|\\b(?:the (?:same )?(?:${ITEM_NOUNS}|type|model|planes?)|its (?:(?:own|first|next|last|\\d+|\\p{L}+) )?(?:${ITEM_NOUNS}|planes?)|its (?:first|next|last) \\p{L}+|(?:rudal|sistem|jet|pesawat|tank|drone|kapal selam|fregat|helikopter) (?:itu|tersebut|yang sama))\\b)`,
  'iu',
);

/** A passive auxiliary right before a participle ("has been sold", "was delivered", "were shipped"). */
const PASSIVE_BE = /\b(?:been|was|were|is|are|be)(?:\s+(?:also|already|reportedly|now|later|since))?\s+$/iu;

/** A sentence opening on a possessive pronoun and its noun, up to the verb ("Its air force operates"). */
const POSSESSIVE_OPENING = /^\W*(?:its|their)\s+(?:[\p{L}-]+\s+){0,3}(?:also\s+|still\s+|now\s+)?$/iu;

/** A sentence opening on a definite item ("The jet has also been sold to …"). */
const DEFINITE_SUBJECT = new RegExp(
  `^\\W*the (?:same )?(?:${ITEM_NOUNS}|type|model|plane|planes|vehicles?|ships?|vessels?)\\b`,
  'iu',
);

/** Words after a sanctions trigger that open the list of those it hits. */
const LISTING =
  /\b(?:listing|listed|including|targeting|targets|targeted|among them|menyasar|menargetkan|termasuk|mencakup|notamment|visant|incluidas?|incluyendo)\b/iu;

/** Firms placed in a state: "seven firms in China", "perusahaan di China dan Iran", "entreprises basées en Iran". */
const FIRMS_IN =
  /(?:compan(?:y|ies)|firms?|entit(?:y|ies)|banks?|individuals?|businesses|perusahaan|entitas|individu|entreprises?|sociétés?|empresas?)\s+(?:(?:registered|based|located|operating|yang berbasis|berbasis|yang berada|terdaftar|basées?|établies?|con sede)\s+)?(?:in|di|en|à|au|aux)\s+(?:[\p{L}-]+\s+)?$/iu;

/** "Kyrgyz and Kazakh companies", "Iranian firms": the mention qualifies firms or people, it imposes nothing. */
function ownsEntityNoun(ctx: FrameContext, sv: SentenceView, m: MentionView): boolean {
  // "three Kyrgyz and two Kazakh companies": the noun after the last of a list qualifies them all.
  // Only a nationality word qualifies: "Washington sanctioned three firms" keeps Washington the imposer.
  return [m, ...withCoordinated(sv, listHead(sv, m))].some(
    (x) => x.kind === 'demonym' && ENTITY_NOUN.test(ctx.text.slice(x.end, x.end + 40)),
  );
}

/** A relative pronoun right before a trigger ("… PBB yang melarang", "… the UN that bars"). */
const RELATIVE_BEFORE = /(?:^|\s)(?:that|which|yang|qui|que|die|der|которы\p{L}*)\s+$/iu;

const PLURAL_PRONOUNS = new Set(['they', 'mereka', 'ils', 'elles', 'ellos', 'ellas', 'sie', 'они']);

/**
 * "Britain, France and Germany responded by announcing that they would … impose sanctions": a plural
 * pronoun before the trigger stands for the list of states that opens the sentence.
 */
function pluralSubject(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView[] {
  const pronoun = sentenceHits(sv, ctx.lex.stateAnaphora).some(
    (h) => h.end <= t.start && PLURAL_PRONOUNS.has(ctx.text.slice(h.start, h.end).toLowerCase()),
  );
  const first = sv.mentions[0];
  if (!pronoun || !first || first.cls !== 'state' || marked(first) || first.end > t.start) return [];
  if (!/^[\s\p{L}\p{N}'’.-]*$/u.test(ctx.text.slice(sv.start, first.start))) return [];
  // The speakers of "A, B and C said that they …" are the list too: follow the coordination links.
  const list = [first];
  for (let i = 1; i < sv.mentions.length; i++) {
    const m = sv.mentions[i];
    if (m.end > t.start || m.coord < 0 || !list.includes(sv.mentions[m.coord])) continue;
    if (m.cls === 'state' && !marked(m) && !list.some((x) => x.fold === m.fold)) list.push(m);
  }
  return list;
}

/** The list of speakers a plural pronoun stands for, when `who` is its first state; else none. */
function speakerList(ctx: FrameContext, sv: SentenceView, t: TriggerHit, who: Who | null): MentionView[] {
  if (typeof who !== 'string') return [];
  const group = pluralSubject(ctx, sv, t);
  return group.length > 1 && group[0].fold === who ? group : [];
}

/** The sentence names a Security Council resolution by number ("Resolution 2397", "resolusi 1718"). */
function numberedResolution(ctx: FrameContext, sv: SentenceView): boolean {
  return /(?:resolution|resolusi|résolution|resolución|resolução|резолюци\p{L}*)\s*(?:no\.?\s*|nomor\s*|№\s*|n°\s*)?\d{3,4}\b/iu.test(
    sv.text,
  );
}

/** A passive sanctions verb: marked so in the lexicon ("dikenai sanksi"), or an English-like participle after "be". */
function passiveImpose(ctx: FrameContext, sv: SentenceView, t: TriggerHit): boolean {
  if (t.spec.passive) return true;
  const aux = ctx.lex.progressiveAux;
  if (!aux || !/ed$/iu.test(ctx.text.slice(t.start, t.end).split(/\s/u)[0])) return false;
  const ti = tokenBefore(sv.tokens, t.start);
  return ti >= 0 && aux.testTokens(sv.tokens, ti, Math.max(0, ti - 3));
}

/** `first` and the states listed with it ("Russian firms and three North Korean individuals"). */
function listWith(
  ctx: FrameContext,
  sv: SentenceView,
  first: MentionView,
  ok: (m: MentionView) => boolean,
): MentionView[] {
  const head = listHead(sv, first);
  // Bodies take part where `ok` lets them ("Britain, the EU, Japan and Canada imposed sanctions").
  const party = (m: MentionView) => isParty(m) || (m.cls === 'body' && ok(m));
  const out = withCoordinated(sv, ok(head) ? head : first, party).filter((m) => m === first || ok(m));
  if (!out.includes(first)) out.push(first);
  for (const m of listedAfter(ctx, sv, out[out.length - 1]))
    if (ok(m) && !out.some((x) => x.fold === m.fold)) out.push(m);
  return out;
}

/**
 * Sanctions violated: the subject of the embedded act violates, the other party is the counterparty (or
 * null). Every state of a coordinated subject violates ("Turkey and Egypt violated the embargo on Libya").
 */
export function violationRoles(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  embedded: Roles | null,
): Roles[] {
  if (embedded) {
    const violator = embedded.subject === 'source' ? embedded.source : embedded.target;
    const other = embedded.subject === 'source' ? embedded.target : embedded.source;
    if (violator) return [{ ...embedded, source: violator, target: other, subject: 'source' }];
  }
  const parties = sv.mentions.filter(
    (m) => roleable(m) && !m.with && !m.to && !m.sanctionTarget && !m.location,
  );
  // "The firms in the UAE and Uzbekistan helped Russian buyers circumvent the ban": those who help violate,
  // with the one they help (the firms count as the states they are in).
  const helpedBy = helpedParty(ctx, sv, t);
  if (helpedBy) {
    const helpers = sv.mentions.filter(
      (m) =>
        m.end <= helpedBy.helpStart &&
        m.fold !== helpedBy.helped.fold &&
        m.seg === segOf(sv, helpedBy.helpStart) &&
        (roleable(m) || m.location),
    );
    const named = helpers.filter((m) => !m.location);
    const out = (named.length ? named : helpers)
      .map((m) => result(m, helpedBy.helped, 0.7))
      .filter((r): r is Roles => r !== null);
    // "the transfers helped Pyongyang evade the cap": with no helper named, the one helped violates.
    if (out.length) return out;
  }
  // "sanctioned a Turkish firm for helping Iran evade sanctions": the one named before "for helping"
  // violates, with the one it helped; the clause's subject only punished it.
  for (const helped of sv.mentions) {
    if (helped.end > t.start || !roleable(helped)) continue;
    const reason = HELPED_BY_REASON.exec(ctx.text.slice(Math.max(sv.start, helped.start - 40), helped.start));
    if (!reason) continue;
    const helperEnd = helped.start - reason[0].length;
    const helper = [...sv.mentions]
      .reverse()
      .find((m) => m.end <= helperEnd && roleable(m) && m.fold !== helped.fold);
    const r = helper && helperEnd - helper.end <= 12 ? result(helper, helped, 0.75) : null;
    if (r) return [r];
  }
  if (!sv.mentions.some((m) => roleable(m))) {
    // "The transfers were in breach of resolution 2231", "Pengiriman itu melanggar resolusi PBB": no state
    // named, the act judged is the transfer just told.
    const prev = ctx.previousTransfer(sv);
    if (prev && prev.subject === 'source') return [{ ...prev, clarity: prev.clarity - 0.2 }];
    if (prev)
      return [
        {
          ...prev,
          source: prev.target as string,
          target: prev.source,
          subject: 'source',
          clarity: prev.clarity - 0.2,
        },
      ];
  }
  // A list that is the subject violates as one; a list in a genitive ("북한과 러시아의 거래", the trade
  // of North Korea and Russia) names the two sides of one act.
  const list = parties.length ? withCoordinated(sv, listHead(sv, parties[0])) : [];
  let violators: Who[] = list.some((m) => m.possessive) ? list.slice(0, 1) : list;
  let clarity = 0.8;
  if (!violators.length) {
    const a = ctx.anaphor(sv, sv.start, t.start);
    if (!a) return [];
    violators = [a];
    clarity -= 0.2;
  }
  const vFolds = new Set(violators.map(fold));
  const counter = sv.mentions.find((m) => roleable(m) && !vFolds.has(m.fold) && !m.location) ?? null;
  return violators.map((v) => result(v, counter, clarity)).filter((r): r is Roles => r !== null);
}
