import { ClaimType } from '../model';
import { CompiledLexicon, Frame, ObjectClass, TriggerSpec } from './claim-lexicon';
import { MentionView, SentenceView, isParty } from './sentence-view';

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

/** A role assignment: source and target mentions (or ids for anaphora), and how sure the rule is. */
export interface Roles {
  source: string;
  target: string | null;
  sourceMention: MentionView | null;
  targetMention: MentionView | null;
  /** 0..1: 1 when both roles come from explicit markers or word order next to the trigger. */
  clarity: number;
  /** Which role is the grammatical subject (the violator of an embedded transfer). */
  subject: 'source' | 'target';
}

/** What the frames may ask the article for: an actor an anaphor refers to, the entities named so far. */
export interface FrameContext {
  text: string;
  lex: CompiledLexicon;
  /** The antecedent of a state anaphor ("negara itu", "it", "mereka") at a position, or null. */
  anaphor(sv: SentenceView, from: number, to: number): string | null;
  /** Separatist entities named anywhere in the article ("the two republics" refers to them). */
  entities(): string[];
  /** The object nouns (arms, workers, troops) of a sentence. */
  objectHits(sv: SentenceView): { start: number; end: number; tag: ObjectClass }[];
}

const PUNCT = /[,;.!?:()“”"«»]/u;

function words(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** Text between two offsets has no punctuation and at most `n` words. */
function near(ctx: FrameContext, a: number, b: number, n: number): boolean {
  if (b < a) [a, b] = [b, a];
  const gap = ctx.text.slice(a, b);
  return !PUNCT.test(gap) && words(gap) <= n;
}

function marked(m: MentionView): boolean {
  return m.from || m.to || m.by || m.with || m.location || m.sanctionTarget;
}

function roleable(m: MentionView): boolean {
  return isParty(m) && m.cls === 'state' && !m.conflict;
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

function segOf(sv: SentenceView, pos: number): number {
  let s = 0;
  for (let i = 0; i < sv.segStarts.length; i++) if (sv.segStarts[i] <= pos) s = i;
  return s;
}

/** The actor right after a passive verb ("dikirim Korea Utara", "diterima Moskow"), if any. */
function passiveAgent(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView | null {
  if (!t.spec.passive) return null;
  const m = sv.mentions.find((x) => x.start >= t.end && isParty(x) && x.cls !== 'entity');
  return m && near(ctx, t.end, m.start, 1) && !marked(m) ? m : null;
}

/** A by-marked actor shortly after the trigger ("supplied by North Korea", "digunakan oleh Rusia"). */
function byAgent(ctx: FrameContext, sv: SentenceView, t: TriggerHit): MentionView | null {
  const m = sv.mentions.find((x) => x.start >= t.end && x.by && isParty(x) && x.cls === 'state');
  return m && near(ctx, t.end, m.start, 7) ? m : null;
}

/** All mentions coordinated with `first` after it ("to China and Russia"). */
function withCoordinated(sv: SentenceView, first: MentionView): MentionView[] {
  const out = [first];
  const i0 = sv.mentions.indexOf(first);
  for (let i = i0 + 1; i < sv.mentions.length; i++) {
    const m = sv.mentions[i];
    if (m.coord === i - 1 && out.some((o) => sv.mentions.indexOf(o) === m.coord)) {
      if (m.fold !== first.fold && isParty(m)) out.push(m);
    } else if (m.fold !== out[out.length - 1].fold) break;
  }
  return out;
}

/** The actor owning an object noun: "North Korean workers", "pekerja Korea Utara", "tentara Korut". */
function objectOwner(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  objStart: number,
  objEnd: number,
): MentionView | null {
  const cands = sv.mentions.filter(
    (m) =>
      roleable(m) &&
      !m.to &&
      !m.location &&
      !m.from &&
      (near(ctx, m.end, objStart, 2) || near(ctx, objEnd, m.start, 2)),
  );
  if (!cands.length) return null;
  cands.sort(
    (a, b) =>
      Math.min(Math.abs(a.end - objStart), Math.abs(a.start - objEnd)) -
      Math.min(Math.abs(b.end - objStart), Math.abs(b.start - objEnd)),
  );
  void t;
  return cands[0];
}

function result(
  source: MentionView | string | null,
  target: MentionView | string | null,
  clarity: number,
  subject: 'source' | 'target' = 'source',
): Roles | null {
  if (!source) return null;
  const s = typeof source === 'string' ? source : source.fold;
  const tg = target == null ? null : typeof target === 'string' ? target : target.fold;
  if (tg !== null && s === tg) return null;
  return {
    source: s,
    target: tg,
    sourceMention: typeof source === 'string' ? null : source,
    targetMention: target == null || typeof target === 'string' ? null : target,
    clarity,
    subject,
  };
}

/** The anaphor antecedent for a role that is missing before the trigger ("mereka mengirim", "it is looking to"). */
function anaphorBefore(ctx: FrameContext, sv: SentenceView, t: TriggerHit): string | null {
  const from = Math.max(sv.start, t.start - 60);
  return ctx.anaphor(sv, from, t.start);
}

/**
 * The subject before a trigger: the nearest fitting mention, unless a pronoun stands between it and the
 * trigger ("Russian officials visited Iran … drones it is looking to acquire": "it", not Iran).
 */
function subjectBefore(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  pred: (m: MentionView) => boolean,
): { subject: MentionView | string | null; viaAnaphor: boolean } {
  const cand = beforeTrigger(sv, t, pred)[0] ?? null;
  const seg = sv.segStarts[segOf(sv, t.start)];
  const from = Math.max(cand && cand.end > seg ? cand.end : seg, t.start - 40);
  const a = ctx.anaphor(sv, from, t.start);
  if (a && (!cand || cand.end <= from)) return { subject: a, viaAnaphor: true };
  return { subject: cand, viaAnaphor: false };
}

/** The mention next to any object noun of a class ("pekerja Korea Utara" elsewhere in the sentence). */
function anyOwner(ctx: FrameContext, sv: SentenceView, t: TriggerHit, cls: ObjectClass): MentionView | null {
  for (const o of ctx.objectHits(sv)) {
    if (o.tag !== cls) continue;
    const m = objectOwner(ctx, sv, t, o.start, o.end);
    if (m) return m;
  }
  return null;
}

export interface ObjectSpan {
  cls: ObjectClass;
  start: number;
  end: number;
}

/** Roles for the transfer frames (sell, buy, use, deploy, presence) by the claim type's object. */
export function transferRoles(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  obj: ObjectSpan | null,
): Roles[] {
  if (t.type === 'labor_export') return laborRoles(ctx, sv, t, obj);
  const frame = t.frame === 'deploy' && t.object === 'arms' ? 'use' : t.frame;
  if (frame === 'use') return toList(useRoles(ctx, sv, t));
  if (frame === 'buy') return toList(buyRoles(ctx, sv, t));
  return sellRoles(ctx, sv, t, obj);
}

function toList(r: Roles | null): Roles[] {
  return r ? [r] : [];
}

function sellRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit, obj: ObjectSpan | null): Roles[] {
  let clarity = 1;
  let source: MentionView | string | null = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  const subjectOk = (m: MentionView) => roleable(m) && !m.to && !m.from && !m.with && !m.location && !m.by;
  if (!source) {
    const sb = subjectBefore(ctx, sv, t, subjectOk);
    source = sb.subject;
    if (sb.viaAnaphor) clarity -= 0.15;
  }
  if (!source && obj) source = objectOwner(ctx, sv, t, obj.start, obj.end);
  if (!source) {
    const a = anaphorBefore(ctx, sv, t);
    if (a) {
      source = a;
      clarity -= 0.2;
    }
  }
  const srcFold = typeof source === 'string' ? source : source?.fold;
  const targetOk = (m: MentionView) => roleable(m) && m.fold !== srcFold && !m.origin && !m.from;
  const toMarked = [
    ...afterTrigger(sv, t, (m) => targetOk(m) && m.to),
    ...beforeTrigger(sv, t, (m) => targetOk(m) && m.to),
  ];
  let targets: MentionView[] = toMarked.length ? withCoordinated(sv, toMarked[0]) : [];
  if (!targets.length) {
    const occ = sv.mentions.find((m) => targetOk(m) && m.occupier);
    if (occ) targets = [occ];
  }
  if (!targets.length) {
    const nxt = afterTrigger(sv, t, (m) => targetOk(m) && !m.by && !m.location && !m.with)[0];
    if (nxt) targets = [nxt];
    else if (t.object === 'troops') {
      const loc = afterTrigger(sv, t, (m) => targetOk(m) && m.location)[0];
      if (loc) {
        targets = [loc];
        clarity -= 0.1;
      }
    }
  }
  if (!source) {
    // Verb-first clauses ("поставляет Северная Корея", "Ekspor senjata Pyongyang ke Rusia").
    const vs = afterTrigger(sv, t, (m) => subjectOk(m) && !m.origin && !targets.includes(m))[0];
    if (vs && segOf(sv, vs.start) === segOf(sv, t.start)) {
      source = vs;
      clarity -= 0.1;
      if (!targets.length) {
        const back = beforeTrigger(sv, t, (m) => roleable(m) && m.fold !== vs.fold && !m.origin)[0];
        if (back) targets = [back];
      }
    }
  }
  if (!source && t.object === 'arms') {
    const origin = sv.mentions.find((m) => roleable(m) && m.origin);
    if (origin) {
      source = origin;
      clarity -= 0.2;
    }
  }
  if (!source || !targets.length) return [];
  return targets.map((tg) => result(source, tg, clarity)).filter((r): r is Roles => r !== null);
}

function buyRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles | null {
  let clarity = 1;
  const agent = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
  const subjOk = (m: MentionView) =>
    roleable(m) && !m.from && !m.origin && !m.to && !m.location && !m.by && !m.with;
  let target: MentionView | string | null = agent;
  if (!target) {
    const sb = subjectBefore(ctx, sv, t, subjOk);
    target = sb.subject;
    if (sb.viaAnaphor) clarity -= 0.15;
  }
  if (!target) {
    const a = anaphorBefore(ctx, sv, t);
    if (a) {
      target = a;
      clarity -= 0.2;
    }
  }
  if (!target) {
    target = afterTrigger(sv, t, subjOk)[0] ?? null;
    if (target) clarity -= 0.15;
  }
  if (!target) return null;
  const tFold = typeof target === 'string' ? target : target.fold;
  const other = (m: MentionView) => roleable(m) && m.fold !== tFold;
  let source: MentionView | null =
    afterTrigger(sv, t, (m) => other(m) && m.from)[0] ??
    beforeTrigger(sv, t, (m) => other(m) && m.from)[0] ??
    sv.mentions.find((m) => other(m) && m.origin) ??
    null;
  if (!source) {
    source =
      afterTrigger(sv, t, (m) => other(m) && !m.to)[0] ??
      beforeTrigger(sv, t, (m) => other(m) && !m.to)[0] ??
      null;
    clarity -= 0.3;
  }
  return source ? result(source, target, clarity, 'target') : null;
}

function useRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles | null {
  let clarity = 1;
  const nominal = /^(use of|penggunaan|uso de|l'utilisation|utilisation|использовани|استخدام|사용)/iu.test(
    ctx.text.slice(t.start, t.end),
  );
  let user: MentionView | null = passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t);
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
  if (!user) return null;
  const origin = sv.mentions
    .filter((m) => roleable(m) && m.fold !== user.fold && (m.origin || (m.from && m.start > t.end)))
    .sort((a, b) => Math.abs(a.start - t.start) - Math.abs(b.start - t.start))[0];
  if (!origin) return null;
  if (!user.by) clarity -= 0.1;
  return result(origin, user, clarity, 'target');
}

function laborRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit, obj: ObjectSpan | null): Roles[] {
  let clarity = 1;
  const objStart = obj?.start ?? t.start;
  const objEnd = obj?.end ?? t.end;
  const owner = objectOwner(ctx, sv, t, objStart, objEnd);
  const subjOk = (m: MentionView) => roleable(m) && !m.to && !m.location && !m.from && !m.with && !m.by;
  let source: MentionView | string | null = null;
  if (t.frame === 'sell')
    source =
      passiveAgent(ctx, sv, t) ?? byAgent(ctx, sv, t) ?? subjectBefore(ctx, sv, t, subjOk).subject ?? owner;
  else source = owner ?? beforeTrigger(sv, t, subjOk)[0] ?? null;
  if (!source) {
    source = anyOwner(ctx, sv, t, 'workers');
    if (source) clarity -= 0.1;
  }
  if (!source) {
    const a = anaphorBefore(ctx, sv, t);
    if (a) {
      source = a;
      clarity -= 0.2;
    }
  }
  if (!source) return [];
  const sFold = typeof source === 'string' ? source : source.fold;
  const ok = (m: MentionView) => roleable(m) && m.fold !== sFold && !m.from;
  let targets: MentionView[] = [];
  const occ = sv.mentions.find((m) => ok(m) && m.occupier);
  const placed = [
    ...afterTrigger(sv, t, (m) => ok(m) && (m.to || m.location)),
    ...beforeTrigger(sv, t, (m) => ok(m) && (m.to || m.location) && m.start > objStart - 80),
  ];
  if (occ) targets = [occ];
  else if (placed.length) targets = withCoordinated(sv, placed[0]);
  else if (t.frame === 'buy') {
    const employer = passiveAgent(ctx, sv, t) ?? beforeTrigger(sv, t, (m) => ok(m) && m !== owner)[0];
    if (employer) targets = [employer];
  } else if (t.frame === 'sell') {
    const nxt = afterTrigger(sv, t, (m) => ok(m) && !m.by)[0];
    if (nxt) {
      targets = [nxt];
      clarity -= 0.1;
    }
  }
  return targets.map((tg) => result(source, tg, clarity)).filter((r): r is Roles => r !== null);
}

/** Symmetric relations: cooperation, training, showcases, defence visits. */
export function pairRoles(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  obj: ObjectSpan | null,
): Roles | null {
  let clarity = 1;
  const ok = (m: MentionView) => roleable(m) && !m.origin;
  const partner =
    afterTrigger(sv, t, (m) => ok(m) && m.with)[0] ?? beforeTrigger(sv, t, (m) => ok(m) && m.with)[0] ?? null;
  let a: MentionView | string | null = null;
  let b: MentionView | null = null;
  if (partner) {
    const withGroup = withCoordinated(sv, partner);
    if (withGroup.length > 1) return result(withGroup[0], withGroup[1], clarity);
    b = partner;
    a = beforeTrigger(sv, t, (m) => ok(m) && m.fold !== partner.fold && !m.with && !m.to)[0] ?? null;
    if (!a) a = afterTrigger(sv, t, (m) => ok(m) && m.fold !== partner.fold && !m.with)[0] ?? null;
  } else {
    const before = beforeTrigger(sv, t, (m) => ok(m) && !m.location);
    const after = afterTrigger(sv, t, (m) => ok(m));
    a = before[0] ?? null;
    if (obj && obj.cls === 'troops') {
      const owner = objectOwner(ctx, sv, t, obj.start, obj.end);
      if (owner && owner !== a) b = owner;
    }
    if (!b) b = after.find((m) => m.fold !== (a as MentionView | null)?.fold) ?? null;
    if (!a && b) a = before.find((m) => m.fold !== b?.fold) ?? null;
    if (!a && !b && before.length > 1) {
      a = before[1];
      b = before[0];
    }
    if (!a) {
      const an = anaphorBefore(ctx, sv, t);
      if (an) {
        a = an;
        clarity -= 0.2;
      }
    }
    if (!a && b) a = after.find((m) => m.fold !== b?.fold && m !== b) ?? null;
    clarity -= 0.1;
  }
  if (!a || !b) return null;
  return result(a, b, clarity);
}

/** Recognition: every recognising state of the clause times every recognised entity. */
export function recognitionRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  let targets = sv.mentions.filter((m) => isParty(m) && m.cls === 'entity').map((m) => m.fold);
  let clarity = 1;
  if (!targets.length) {
    const span = ctx.text.slice(sv.start, sv.end);
    if (ctx.lex.republicAnaphora.test(span)) {
      targets = ctx.entities();
      clarity -= 0.15;
    }
  }
  targets = [...new Set(targets)];
  if (!targets.length) return [];
  const homeOf = new Set(targets.map((e) => e.split('.')[0].toUpperCase()));
  const sources = sv.mentions.filter(
    (m) =>
      isParty(m) &&
      m.cls === 'state' &&
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
  for (const s of ids)
    for (const e of targets) {
      const r = result(s, e, clarity);
      if (r) out.push(r);
    }
  return out;
}

/** Sanctions imposed: who imposes (subject, by-agent, "UN sanctions") on whom (on/against, object). */
export function imposeRoles(ctx: FrameContext, sv: SentenceView, t: TriggerHit): Roles[] {
  let clarity = 1;
  const ok = (m: MentionView) => isParty(m) || (m.cls === 'body' && !m.attrib);
  const okState = (m: MentionView) => !m.attrib && !m.territory && (m.cls === 'state' || m.cls === 'body');
  const byAgents = sv.mentions.filter(
    (m) => m.start >= t.end && m.by && okState(m) && near(ctx, t.end, m.start, 6),
  );
  let imposers: (MentionView | string)[] = byAgents.length ? withCoordinated(sv, byAgents[0]) : [];
  let target: MentionView | null = null;
  const adjBefore = sv.mentions.find((m) => okState(m) && m.end <= t.start && near(ctx, m.end, t.start, 0));
  const adjAfter = sv.mentions.find(
    (m) => okState(m) && m.start >= t.end && near(ctx, t.end, m.start, 1) && !m.sanctionTarget,
  );
  if (imposers.length) {
    target = beforeTrigger(sv, t, (m) => ok(m) && m.cls !== 'body' && !imposers.includes(m))[0] ?? null;
  } else {
    const subject = beforeTrigger(
      sv,
      t,
      (m) => okState(m) && m !== adjBefore && !m.sanctionTarget && !m.to && !m.with && !m.location,
    )[0];
    if (adjBefore && subject) {
      imposers = [subject];
      target = adjBefore;
    } else if (adjBefore) imposers = [adjBefore];
    else if (adjAfter && adjAfter.cls === 'body') imposers = [adjAfter];
    else if (subject) imposers = [subject];
    else if (adjAfter) imposers = [adjAfter];
  }
  if (!imposers.length) {
    const speaker = sv.attributions
      .flatMap((x) => x.actors)
      .find((m) => m.cls === 'state' || m.cls === 'body');
    if (speaker) imposers = [speaker];
    else {
      const a = anaphorBefore(ctx, sv, t);
      if (a) imposers = [a];
    }
    clarity -= 0.2;
  }
  if (!imposers.length) return [];
  const impFolds = new Set(imposers.map((m) => (typeof m === 'string' ? m : m.fold)));
  const tOk = (m: MentionView) => ok(m) && m.cls !== 'body' && !impFolds.has(m.fold);
  if (!target)
    target =
      afterTrigger(sv, t, (m) => tOk(m) && (m.sanctionTarget || m.to))[0] ??
      afterTrigger(sv, t, (m) => tOk(m) && !m.by)[0] ??
      null;
  if (!target) {
    target =
      beforeTrigger(sv, t, tOk)[0] ??
      sv.mentions.find((m) => m.cls === 'state' && !impFolds.has(m.fold) && !m.territory) ??
      null;
    clarity -= 0.25;
  }
  if (!target) return [];
  const tg = target;
  return imposers.map((i) => result(i, tg, clarity)).filter((r): r is Roles => r !== null);
}

/** Sanctions violated: the subject of the embedded act violates, the other party is the counterparty (or null). */
export function violationRoles(
  ctx: FrameContext,
  sv: SentenceView,
  t: TriggerHit,
  embedded: Roles | null,
): Roles | null {
  if (embedded) {
    const violator = embedded.subject === 'source' ? embedded.source : embedded.target;
    const other = embedded.subject === 'source' ? embedded.target : embedded.source;
    if (violator) return { ...embedded, source: violator, target: other, subject: 'source' };
  }
  const parties = sv.mentions.filter((m) => roleable(m) && !m.with && !m.to && !m.sanctionTarget);
  let violator: MentionView | string | null = parties[0] ?? null;
  let clarity = 0.8;
  if (!violator) {
    const a = ctx.anaphor(sv, sv.start, t.start);
    if (!a) return null;
    violator = a;
    clarity -= 0.2;
  }
  const vFold = typeof violator === 'string' ? violator : violator.fold;
  const counter = sv.mentions.find((m) => roleable(m) && m.fold !== vFold && !m.location) ?? null;
  return result(violator, counter, clarity);
}
