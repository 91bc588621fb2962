import { ClaimStatus, ClaimType, Modality } from '../model';
import { CompiledCommon, CompiledLexicon } from './claim-lexicon';
import { Roles, TriggerHit } from './claim-frames';
import { SentenceText } from './attribution.resolver';
import { PhraseHit, PhraseMatcher, countWords, tokenBefore } from './pattern.compiler';
import { Attribution, sentenceHits } from './sentence-view';

/** Types whose acts are public records: an official source reporting them does not make them assessments. */
const PUBLIC_ACTS = new Set<ClaimType>(['diplomatic_recognition', 'sanctions_imposed']);

/** How far before a trigger its tense, aspect, modal and negation words are looked for. */
const WINDOW = 70;
/** A modal verb governs the trigger only when it stands this close before it ("could supply", "akan menjadi pelanggaran"). */
const MODAL_REACH = 28;

export interface AttributeContext {
  text: string;
  lex: CompiledLexicon;
  common: CompiledCommon;
}

/** Hits of a matcher inside [from, to) of the sentence. */
function hitsIn<T>(st: SentenceText, m: PhraseMatcher<T>, from: number, to: number): PhraseHit<T>[] {
  return sentenceHits(st, m).filter((h) => h.start >= from && h.end <= to);
}

/** Whether the claim is a hypothesis: a modal right before the trigger, or a condition earlier in the sentence. */
export function isHypothetical(
  ac: AttributeContext,
  st: SentenceText,
  t: TriggerHit,
  floor: number,
  type: ClaimType,
): boolean {
  const sStart = st.start;
  // A violation that "will" or "akan" happen is a judgment about a hypothesis ("akan melanggar").
  if (
    type === 'sanctions_violation' &&
    hitsIn(st, ac.lex.status, Math.max(floor, t.start - MODAL_REACH), t.start).some(
      (h) => h.tag === 'planned',
    )
  )
    return true;
  const hits = hitsIn(st, ac.lex.hypothetical, sStart, t.start);
  const reported = hits.filter((h) => h.tag === 'reportedFuture');
  for (const h of hits) {
    if (h.tag === 'conditional' && h.start >= sStart) return true;
    if (
      h.tag === 'modal' &&
      h.end >= t.start - MODAL_REACH &&
      h.start >= floor &&
      !reported.some((r) => r.start <= h.start && r.end >= h.end)
    )
      return true;
  }
  return false;
}

/** How far after a trigger its tense words are looked for ("… telah didiskusikan"). */
const AFTER_REACH = 32;

/** How close a negation particle must stand before the trigger to negate it ("did not send", "не поставляет"). */
const NEGATION_REACH = 14;

/** An elided particle that begins a name, not a negation: French "N'Djamena", "N'Golo". */
const NAME_ELISION = /^\p{Lu}['’]\p{Lu}/u;

/** A report noun and its complementizer right after a denial: "denied reports that", "membantah kabar yang menyebut". */
const DENIED_REPORT =
  /^\s+(?:the\s+)?(?:reports?|claims?|allegations?|accusations?|suggestions?|kabar|laporan|tudingan|tuduhan|klaim|informasi|isu|rumor)\s+(?:that|bahwa|yang\s+(?:menyebut(?:kan)?|mengatakan|menyatakan))\s/iu;

/** The last denial word before the trigger ("denied", "membantah", "rejected reports that"), or null. */
export function denialBefore(
  ac: AttributeContext,
  st: SentenceText,
  t: TriggerHit,
  floor: number,
): PhraseHit<unknown> | null {
  const denials = denialsBefore(ac, st, t, floor);
  return denials[denials.length - 1] ?? null;
}

/** The denial words in reach before the trigger (after the attribution's end, at most WINDOW before). */
const denialsBefore = (ac: AttributeContext, st: SentenceText, t: TriggerHit, floor: number) =>
  hitsIn(st, ac.lex.denied, Math.max(floor, t.start - WINDOW), t.start);

export function isDenied(ac: AttributeContext, st: SentenceText, t: TriggerHit, floor: number): boolean {
  const denials = denialsBefore(ac, st, t, floor);
  if (denials.some((h) => !h.tag || t.frame !== 'impose')) return true;
  // "membantah kabar yang menyebut Indonesia telah menandatangani kontrak …", "denied reports that …": a
  // denial of a report reaches to the end of what the report says, however long.
  if (
    hitsIn(st, ac.lex.denied, st.start, t.start).some(
      (h) => (!h.tag || t.frame !== 'impose') && DENIED_REPORT.test(ac.text.slice(h.end, h.end + 48)),
    )
  )
    return true;
  const negations = hitsIn(st, ac.lex.negation, Math.max(floor, t.start - NEGATION_REACH), t.start);
  if (negations.some((h) => !NAME_ELISION.test(ac.text.slice(h.start, h.end + 2)))) return true;
  // Verb-final languages deny after the verb: a negative form on or right after it, a denial later on.
  if (hitsIn(st, ac.lex.negationAfter, t.start, t.end + NEGATION_REACH).length > 0) return true;
  return hitsIn(st, ac.lex.deniedAfter, t.end, st.start + st.text.length).length > 0;
}

/**
 * "has"/"have" followed by an article, a number or a quantity word owns something rather than marks a perfect
 * tense ("has a military base", "has about 650,000 citizens", "have thousands of troops").
 */
const POSSESSIVE_HAVE =
  /^(?:has|have)\s+(?:a|an|the|its|their|some|about|around|nearly|almost|over|more than|at least|thousands|hundreds|tens|millions|dozens|several|many|no|\d)/iu;

/**
 * Acts done once, whose lasting state is their result: a state that "still recognises" or "maintains
 * relations with" Taipei has recognised it (completed), it is not recognising it (in progress).
 */
const ONE_OFF_ACTS: ReadonlySet<ClaimType> = new Set(['diplomatic_recognition']);

/** A status as told for a claim of `type`: an act done once and still in force is completed. */
export const settledStatus = (status: ClaimStatus, type: ClaimType): ClaimStatus =>
  status === 'in_progress' && ONE_OFF_ACTS.has(type) ? 'completed' : status;

/** planned / in_progress / completed from the words around the trigger, else the type's default. */
export function claimStatus(
  ac: AttributeContext,
  st: SentenceText,
  t: TriggerHit,
  type: ClaimType,
  floor: number,
  sEnd: number,
  hypothetical: boolean,
  accused = false,
  timing: 'past' | 'future' | null = null,
  /** The sentence dates the act by a month or a year before the publication's. */
  monthsBack = false,
): ClaimStatus {
  if (hypothetical && type === 'sanctions_violation') return 'unknown';
  if (t.spec.statusAlways && t.spec.status) return t.spec.status;
  const lex = ac.lex;
  const tail = ac.text.slice(t.end, Math.min(sEnd, t.end + 12));
  for (const s of lex.statusAfter) if (s.m.match(tail) >= 0) return s.tag;
  const from = Math.max(floor, t.start - WINDOW);
  const hits = hitsIn(st, lex.status, from, t.start);
  const triggerText = ac.text.slice(t.start, t.end);
  if (
    lex.progressiveAux &&
    lex.progressiveSuffix &&
    triggerText.toLowerCase().endsWith(lex.progressiveSuffix)
  ) {
    const ti = tokenBefore(st.tokens, t.start);
    if (
      ti >= 0 &&
      st.tokens[ti].start >= from &&
      lex.progressiveAux.testTokens(st.tokens, ti, tokenBefore(st.tokens, from) + 1)
    ) {
      const nearest = hits[hits.length - 1];
      if (!nearest || nearest.tag !== 'planned' || nearest.end < t.start - 12) return 'in_progress';
    }
  }
  // "has about 650,000 citizens working in Russia": a possessive "has" is no perfect tense.
  const tensed = hits.filter((h) => !POSSESSIVE_HAVE.test(ac.text.slice(h.start, h.end + 40)));
  if (tensed.length) {
    const last = tensed[tensed.length - 1];
    // "began showcasing the drones in June": a start dated months back is told as done.
    if (monthsBack && hitsIn(st, lex.statusInceptive, last.start, last.end).length) return 'completed';
    // "still operates Russian-made jets", "masih mengandalkan jet buatan Rusia": weapons in service were delivered.
    if (last.tag === 'in_progress' && t.frame === 'use' && t.spec.status === 'completed') return 'completed';
    return last.tag;
  }
  // "menandatangani perjanjian pertahanan": the one-off act the trigger is the object of, told without
  // tense, has happened (not "menandatangani amendemen perjanjian pengembangan bersama": the programme goes on).
  if (hitsIn(st, lex.statusEvents, from, t.start).some((h) => countWords(ac.text, h.end, t.start) <= 1))
    return 'completed';
  if (t.spec.status) return t.spec.status;
  // A noun's tense follows it ("kerja sama militer telah didiskusikan"): a plan word there wins.
  const after = hitsIn(st, lex.status, t.end, Math.min(sEnd, t.end + AFTER_REACH));
  if (after.some((h) => h.tag === 'planned')) return 'planned';
  if (after.length) return after[0].tag;
  // No tense word: the sentence's date tells ("signed a defence pact in November 2021", "delivery in 2027").
  if (timing === 'past' && !accused) return 'completed';
  if (timing === 'future') return 'planned';
  // "accused Iran of supplying drones": an accusation speaks of an ongoing practice.
  if (accused && type === 'arms_transfer' && t.frame === 'sell') return 'in_progress';
  return lex.defaults[type] ?? 'unknown';
}

export interface ModalityResult {
  modality: Modality;
  claimant: string | null;
}

/**
 * Who stands behind a claim and how: denied / hypothetical from the words before the trigger; then the
 * attribution: a party about its own act asserts, a government source assesses, media and accusations allege.
 */
export function claimModality(
  ac: AttributeContext,
  st: SentenceText,
  t: TriggerHit,
  type: ClaimType,
  roles: Roles,
  attribution: Attribution | null,
  speaker: { id: string; fold: string } | null,
  floor: number,
): ModalityResult {
  const claimant = speaker?.id ?? null;
  if (isDenied(ac, st, t, floor)) return { modality: 'denied', claimant };
  if (isHypothetical(ac, st, t, floor, type)) return { modality: 'hypothetical', claimant };
  if (PUBLIC_ACTS.has(type)) return { modality: 'asserted', claimant };
  if (attribution?.kind === 'accuse') return { modality: 'alleged', claimant };
  if (speaker) {
    const party = speaker.fold === roles.source || speaker.fold === roles.target;
    return { modality: party ? 'asserted' : 'assessed', claimant };
  }
  if (attribution?.media) return { modality: 'alleged', claimant: null };
  // "Western officials said", "intelligence assessments show": an official source without a country.
  if (attribution && hitsIn(st, ac.lex.official, attribution.start, attribution.end + 30).length)
    return { modality: 'assessed', claimant: null };
  if (hitsIn(st, ac.lex.alleged, st.start, t.start).length) return { modality: 'alleged', claimant: null };
  return { modality: 'asserted', claimant: null };
}

/** Item kinds and named systems of an arms transfer, in the order the sentence gives them. */
export function claimItems(ac: AttributeContext, st: SentenceText): string[] {
  const found: { kind: string; at: number }[] = [];
  const named: string[] = [];
  for (const h of sentenceHits(st, ac.common.systems)) {
    if (!found.some((f) => f.kind === h.tag.kind)) found.push({ kind: h.tag.kind, at: h.start });
    if (!named.includes(h.tag.name)) named.push(h.tag.name);
  }
  for (const h of sentenceHits(st, ac.lex.items)) {
    const f = found.find((x) => x.kind === h.tag);
    if (f) f.at = Math.min(f.at, h.start);
    else if (h.tag !== 'weapons') found.push({ kind: h.tag, at: h.start });
  }
  // Kinds in the order the sentence gives them, then named systems ("drone", "Shahed-136").
  return [...found.sort((a, b) => a.at - b.at).map((f) => f.kind), ...named];
}

const NUMBER = /\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?/gu;

/** Whether only white space (at most `n` characters) separates two offsets. */
function adjacent(text: string, a: number, b: number, n = 2): boolean {
  return b >= a && b - a <= n && /^\s*$/u.test(text.slice(a, b));
}

/** The quantity stated next to the object of the claim ("jutaan", "up to several hundred", "sekitar 8.000"). */
export function claimQuantity(
  ac: AttributeContext,
  st: SentenceText,
  end: number,
  anchor: number,
): string | null {
  const span = st.text;
  const start = st.start;
  const q = ac.lex.quantity;
  const cores: { start: number; end: number; word: boolean }[] = sentenceHits(st, q.words).map((h) => ({
    ...h,
    word: true,
  }));
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(span))) {
    const s0 = start + m.index;
    const prev = span.charAt(m.index - 1);
    // A number glued to a word is part of it ("KN-23"), except after Chinese or Japanese ("約3000発").
    if (/[\p{L}\-/]/u.test(prev) && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(prev))
      continue;
    cores.push({ start: s0, end: s0 + m[0].trimEnd().length, word: false });
  }
  if (!cores.length) return null;
  const approx = sentenceHits(st, q.approx);
  const mult = sentenceHits(st, q.multipliers);
  const units = sentenceHits(st, q.units);
  const nouns = [...sentenceHits(st, ac.lex.items), ...sentenceHits(st, ac.lex.objects)];
  const describes = (pos: number) =>
    nouns.some(
      (h) =>
        h.start >= pos && h.start <= Math.min(end, pos + 40) && !/[,.;:]/.test(ac.text.slice(pos, h.start)),
    );
  let best: { text: string; dist: number } | null = null;
  for (const c of cores) {
    const digits = ac.text.slice(c.start, c.end);
    // A year, a day or a clock time is not a quantity.
    if (!c.word && /^\d{4}$/.test(digits) && +digits > 1900 && +digits < 2100) continue;
    if (!c.word && /[:/]\d/.test(ac.text.slice(c.end, c.end + 2))) continue;
    let qs = c.start;
    let qe = c.end;
    const a = approx.find((h) => adjacent(ac.text, h.end, c.start, 1));
    if (a) qs = a.start;
    const mu = mult.find((h) => adjacent(ac.text, qe, h.start, 1));
    if (mu) qe = mu.end;
    // "ratusan drone", "hundreds of drones": a quantity word stands alone; a number takes its unit ("400 rudal").
    const u = c.word ? undefined : units.find((h) => adjacent(ac.text, qe, h.start, 1));
    const hasUnit = !!u;
    if (u) qe = u.end;
    if (!hasUnit && !describes(qe) && !(a && c.word)) continue;
    if (!c.word && !hasUnit && !mu && !a && /^\d{1,2}$/.test(digits) && !describes(qe)) continue;
    const dist = Math.abs(qs - anchor);
    if (!best || dist < best.dist) best = { text: ac.text.slice(qs, qe).trim(), dist };
  }
  return best?.text ?? null;
}

/** UNSCR 2231 Annex B bound missile-related transfers to and from Iran until this date. */
const UNSCR_2231_MISSILES_UNTIL = '2023-10-18';

/**
 * The legal instrument: a resolution named in the sentence, else for a violation the one its regime
 * implies (DPRK arms 1718, DPRK workers 2397, Iranian missiles and drones 2231 while Annex B applied).
 */
export function claimInstrument(
  ac: AttributeContext,
  type: ClaimType,
  roles: Roles,
  sentence: string,
  workers: boolean,
  date: string | null,
): string | null {
  if (type !== 'sanctions_violation' && type !== 'sanctions_imposed') return null;
  const re = ac.common.resolutionNumber;
  re.lastIndex = 0;
  const m = re.exec(sentence);
  if (m) return `UNSCR ${m[1] ?? m[2]}`;
  const named = ac.common.instruments.all(sentence)[0];
  if (named) return named.tag;
  if (type !== 'sanctions_violation') return null;
  const parties = [roles.source, roles.target];
  if (parties.includes('PRK')) return workers ? 'UNSCR 2397' : 'UNSCR 1718';
  if (parties.includes('IRN') && date && date < UNSCR_2231_MISSILES_UNTIL) return 'UNSCR 2231';
  return null;
}
