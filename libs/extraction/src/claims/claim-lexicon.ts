import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ClaimStatus, ClaimType } from '../model';
import { Boundaries, MatcherGroup, PhraseMatcher, PrefixMatcher, SuffixMatcher } from './pattern.compiler';

/**
 * How a trigger assigns roles:
 * - sell: the subject gives (supplier/sender), the to-marked actor receives;
 * - buy: the subject receives, the from-marked (or origin) actor gives;
 * - use: the subject (or by-agent) uses items whose origin is another actor (implies a transfer);
 * - deploy: troops or workers of one actor are placed with another;
 * - presence: workers of one actor are located in another;
 * - pair: a symmetric relation (cooperation, training, showcases, defence visits);
 * - recognize / impose / violate: the claim types of the same names.
 */
export type Frame =
  'sell' | 'buy' | 'use' | 'deploy' | 'presence' | 'pair' | 'recognize' | 'impose' | 'violate';
export type ObjectClass = 'arms' | 'workers' | 'troops';

export interface MarkerSpec {
  /** Words right before a mention ("from", "dari"). */
  before?: string[];
  /** Words right after a mention (Korean particles, "-made"). */
  after?: string[];
  /** Prepositions that mark the role only with a case ending on the name (Russian "в Россию", not "в России"). */
  caseBefore?: string[];
  caseEndings?: string[];
}

export interface TriggerSpec {
  frame: Frame;
  /** Fixed type; transfer verbs leave it out and take the type from their object (arms, workers, troops). */
  type?: ClaimType;
  /** Object classes a transfer verb may take (default: all three). */
  objects?: ObjectClass[];
  /** The status the word form itself carries ("supplied" completed, "supplies" in_progress). */
  status?: ClaimStatus;
  /**
   * The status holds whatever the tense says: an order, a contract or a choice of weapons is a planned
   * transfer whether it "was signed" or "will be signed".
   */
  statusAlways?: boolean;
  /** A passive form: an actor right after it is the agent ("dikirim Korea Utara"). */
  passive?: boolean;
  /** Extra weight (0..0.3) for unambiguous triggers, subtracted weight for weak ones (negative). */
  weight?: number;
  /** An arrival ("arrived in", "tiba di"): what arrives is its subject, so its object noun stands before it. */
  objectBefore?: boolean;
  /** A military-context word must be in the sentence (defence visits, repairs). */
  needsMilitary?: boolean;
  /**
   * With needsMilitary: a capitalised name next to the word stands for the military word (a named
   * exercise: "the Balikatan exercises", "latihan Garuda Shield").
   */
  namedMilitary?: boolean;
  /** A war word must be in the sentence ("help Russia in the war"). */
  needsWar?: boolean;
  /** A noun ("use of", "penggunaan"): its agent is a possessor or a by-phrase, not the clause subject. */
  nominal?: boolean;
  /** The actor right after the trigger gives ("turned to Pyongyang for shells", "relies on Iran for"). */
  nextIsSource?: boolean;
  /**
   * A verb that carries ("flies", "flew", "membawa"): with a destination marked "to" after it in its clause
   * ("flew missiles to Russian airbases") it hands the items over, as a sell verb does; without one a use
   * verb still uses, and any other tells nothing.
   */
  carriesTo?: boolean;
  /**
   * A visit ("visited", "mengunjungi", "посетил"): the state right after it is the host and a party,
   * although the visitor's destination is a place for the actor roles ("Shoigu visited Pyongyang").
   */
  hostAfter?: boolean;
  /**
   * A generic word ("exercises", "co-production", "joint force"): a relation only between parties the
   * sentence joins ("A and B", "A with B", "the navies of A and B") or "both countries".
   */
  coordinated?: boolean;
  /**
   * A base or facility abroad ("a naval base in Syria", "pangkalan militer di Djibouti"): the state located right
   * after it hosts the one whose base it is.
   */
  hosted?: boolean;
  patterns: string[];
}

export interface LexiconSpec {
  language: string;
  boundaries?: Boundaries;
  /** Which side of a verb its object usually stands on (Korean: before). */
  objectSide?: 'after' | 'before';
  triggers: TriggerSpec[];
  objects: Record<ObjectClass, string[]>;
  /** Item kinds (contract names) to patterns; generic weapon words go under "weapons" and give no kind. */
  items: Record<string, string[]>;
  markers: {
    from: MarkerSpec;
    to: MarkerSpec;
    by: MarkerSpec;
    with: MarkerSpec;
    location: MarkerSpec;
    sanctionTarget: MarkerSpec;
    origin: MarkerSpec;
    conflict: MarkerSpec;
    occupier: MarkerSpec;
    territory: MarkerSpec;
    possessive?: MarkerSpec;
    /** Subject particles of languages that mark them (Korean 가/이/은/는). */
    subject?: MarkerSpec;
  };
  fillers: string[];
  conjunctions: string[];
  /** Articles that may follow a conjunction inside a list ("Australia and the United States", "e da Noruega"). */
  listArticles?: string[];
  /**
   * Words for a state's armed services that may stand between the items of a list around the
   * conjunction: "the Indonesian Army and the US Army", "TNI AD dan Angkatan Darat AS".
   */
  armedServices?: string[];
  status: Record<'planned' | 'in_progress' | 'completed', string[]>;
  /**
   * Untensed verbs of a one-off act ("menandatangani", signs): the act is completed when no tense or plan
   * word stands before the trigger ("akan menandatangani" stays planned).
   */
  statusEvents?: string[];
  /**
   * Words that start an act ("began", "dimulai"): in progress, but completed when the sentence dates the
   * start months or years back ("began showcasing the drones in June").
   */
  statusInceptive?: string[];
  /** Verb endings right after a trigger that carry its status (Korean "-한", "-하는", "-할"). */
  statusAfter?: Partial<Record<'planned' | 'in_progress' | 'completed', string[]>>;
  /** Where an origin actor stands relative to its item: "Iranian drones" (before), "drone buatan Iran" (after). */
  originAdjacency?: 'before' | 'after' | 'both';
  /** Whether a plain name (not only a demonym or possessive) next to an item marks its origin. */
  originNames?: boolean;
  /** "comprar a X", "acheter à X": the to-marked actor of a buying verb is the seller. */
  buyToIsSource?: boolean;
  /** Verbs often close the clause ("Nordkorea hat Russland Granaten geliefert"): its subject is its first actor. */
  verbFinalClauses?: boolean;
  /** Auxiliaries that make a following -ing/-ed trigger progressive or perfect (English-like languages). */
  progressive?: { aux: string[]; suffix: string };
  modality: {
    hypothetical: string[];
    conditional: string[];
    denied: string[];
    /**
     * Refusals before the trigger ("refused to supply", "menolak memasok"): the act did not happen. They do not
     * deny sanctions, whose imposer is often someone else ("refused to align with the bloc's sanctions").
     */
    refusal?: string[];
    /** Negation particles that deny only right before the trigger ("did not send", "не поставляет"). */
    negation?: string[];
    /**
     * Verb-final languages: denial words after the trigger in its sentence ("…を否定した", "… yalanladı"),
     * and negative verb forms on or right after the trigger ("göndermedi", "提供していない").
     */
    deniedAfter?: string[];
    negationAfter?: string[];
    alleged: string[];
    /** "said it would": a future in reported speech is a plan, not a hypothesis. */
    reportedFuture: string[];
  };
  attribution: {
    verbs: string[];
    accuse: string[];
    /** Passive accusation verbs ("dituduh", "dituding"): they name the accused, not an accuser. */
    accusePassive?: string[];
    according: MarkerSpec;
    complementizers: string[];
    /** "he said", "katanya": an attribution whose speaker is in an earlier sentence. */
    pronounSaid: string[];
    unnamed: string[];
    media: string[];
    /** Verbs that report speech only before punctuation, "that" or a quote ("he added." but not "added X to"). */
    strict?: string[];
    /** Speech verbs by which a speaker issues an act ("announced new sanctions", "발표했다"). */
    issuing?: string[];
    /** Words naming an official source without a country ("officials", "intelligence"): assessed. */
    official?: string[];
    /**
     * Words that put such officials outside the claim's parties ("Western officials", "intelijen Barat",
     * "diplomates étrangers"): they speak for no party.
     */
    outsiders?: string[];
    /** Verbs whose speaker may follow them ("said Sullivan", "kata Lee"); all verbs when absent. */
    invertible?: string[];
    /** Words after which the sentence's verb is sentence-final (Korean "…고 밝혔다"). */
    finalVerbs?: string[];
    topicParticles?: string[];
  };
  prohibition: string[];
  /** Phrases that cancel a trigger inside them ("sanctioned entities" is no act of sanctioning). */
  blockers?: string[];
  /** Words that are not weapons although an arms word is inside them ("space rocket", "roket ruang angkasa"). */
  notArms?: string[];
  /** Words that put a violation in the sanctions domain ("resolution", "sanctions", "embargo"). */
  sanctionsContext?: string[];
  /** War words for triggers that need them ("war", "perang", "front"). */
  warContext?: string[];
  /** Words opening a sentence that goes on with the previous one's report ("This", "Jumlah ini"). */
  continuation?: string[];
  /** Sentence openings that attribute the previous sentence ("Hal ini diungkapkan …", "… announced this"). */
  backward?: string[];
  /** state: "the country", "mereka"; self: "we", "kami" (the speaker); republics: "the two republics". */
  anaphora: { state: string[]; self?: string[]; republics: string[]; pair?: string[] };
  militaryContext: string[];
  quantity: { words: string[]; approx: string[]; multipliers: string[]; units: string[] };
  skipLines: string[];
  defaults: Partial<Record<ClaimType, ClaimStatus>>;
}

/** A lexicon compiled into matchers once, at first use of its language. */
export interface CompiledLexicon {
  language: string;
  boundaries: Boundaries;
  objectSide: 'after' | 'before';
  triggers: PhraseMatcher<TriggerSpec>;
  objects: PhraseMatcher<ObjectClass>;
  items: PhraseMatcher<string>;
  marker: {
    from: MarkerPair;
    to: MarkerPair;
    by: MarkerPair;
    with: MarkerPair;
    location: MarkerPair;
    sanctionTarget: MarkerPair;
    origin: MarkerPair;
    conflict: MarkerPair;
    occupier: MarkerPair;
    territory: MarkerPair;
    possessive: MarkerPair;
    subject: MarkerPair;
  };
  conjunction: RegExp;
  /** A comma with an article after it, inside a list that a conjunction closes ("Japan, the United States and …"). */
  listCommaArticle: RegExp;
  status: PhraseMatcher<ClaimStatus>;
  statusEvents: PhraseMatcher<true>;
  statusInceptive: PhraseMatcher<true>;
  statusAfter: { tag: ClaimStatus; m: PrefixMatcher }[];
  originAdjacency: 'before' | 'after' | 'both';
  originNames: boolean;
  progressiveAux: SuffixMatcher | null;
  progressiveSuffix: string;
  hypothetical: PhraseMatcher<'modal' | 'conditional' | 'reportedFuture'>;
  /** Denial words (tag false) and refusals (tag true). */
  denied: PhraseMatcher<boolean>;
  negation: PhraseMatcher<true>;
  deniedAfter: PhraseMatcher<true>;
  negationAfter: PhraseMatcher<true>;
  alleged: PhraseMatcher<true>;
  attributionVerbs: PhraseMatcher<'say' | 'accuse'>;
  accordingBefore: PhraseMatcher<true>;
  accordingAfter: PhraseMatcher<true>;
  accusePassive: PhraseMatcher<true>;
  complementizers: PhraseMatcher<true>;
  pronounSaid: PhraseMatcher<true>;
  unnamed: PhraseMatcher<true>;
  media: PhraseMatcher<true>;
  finalVerbs: PhraseMatcher<true>;
  invertibleVerbs: PhraseMatcher<true> | null;
  strictVerbs: PhraseMatcher<true>;
  issuingVerbs: PhraseMatcher<true>;
  buyToIsSource: boolean;
  verbFinalClauses: boolean;
  toCase: { before: SuffixMatcher; endings: string[] } | null;
  official: PhraseMatcher<true>;
  outsiders: PhraseMatcher<true>;
  topicParticles: PrefixMatcher;
  prohibition: PhraseMatcher<true>;
  blockers: PhraseMatcher<boolean>;
  notArms: PhraseMatcher<true>;
  sanctionsContext: PhraseMatcher<true>;
  war: PhraseMatcher<true>;
  continuation: PhraseMatcher<true>;
  backward: PhraseMatcher<true>;
  stateAnaphora: PhraseMatcher<true>;
  selfAnaphora: PhraseMatcher<true>;
  republicAnaphora: PhraseMatcher<true>;
  /** "both countries", "kedua negara": the two states of an earlier sentence. */
  pairAnaphora: PhraseMatcher<true>;
  military: PhraseMatcher<true>;
  quantity: {
    words: PhraseMatcher<true>;
    approx: PhraseMatcher<true>;
    multipliers: PhraseMatcher<true>;
    units: PhraseMatcher<true>;
  };
  /** Lines that are page furniture; the tag says whether the pattern ends with a colon ("Sumber:", "Video:"). */
  skipLines: PhraseMatcher<boolean>;
  defaults: Partial<Record<ClaimType, ClaimStatus>>;
}

export interface MarkerPair {
  before: SuffixMatcher;
  after: PrefixMatcher;
}

/** Named weapon systems, news outlets and sanctions instruments shared by every language. */
export interface CommonSpec {
  /** `maker`: the state that builds the system, the seller when a sentence names only the buyer. */
  systems: { name: string; kind: string; maker?: string; patterns: string[] }[];
  outlets: { name: string; patterns: string[] }[];
  instruments: { id: string; patterns: string[] }[];
}

export interface CompiledCommon {
  systems: PhraseMatcher<{ name: string; kind: string; maker?: string }>;
  outlets: PhraseMatcher<string>;
  instruments: PhraseMatcher<string>;
  resolutionNumber: RegExp;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(dataPath('claims', file), 'utf8')) as T;
}

function pair(spec: MarkerSpec | undefined, fillers: string[], b: Boundaries): MarkerPair {
  return {
    before: new SuffixMatcher(spec?.before ?? [], fillers, b),
    after: new PrefixMatcher(spec?.after ?? [], b),
  };
}

function set(patterns: readonly string[], b: Boundaries): PhraseMatcher<true> {
  return new PhraseMatcher([{ tag: true as const, patterns }], b);
}

export function compileLexicon(spec: LexiconSpec): CompiledLexicon {
  const lex = buildLexicon(spec);
  // The sentence-level matchers scan each sentence in one pass (the triggers scan whole texts on their own).
  if (lex.boundaries === 'word')
    new MatcherGroup([
      lex.objects,
      lex.items,
      lex.status,
      lex.hypothetical,
      lex.denied,
      lex.negation,
      lex.alleged,
      lex.attributionVerbs,
      lex.accordingBefore,
      lex.accordingAfter,
      lex.accusePassive,
      lex.complementizers,
      lex.pronounSaid,
      lex.unnamed,
      lex.media,
      lex.finalVerbs,
      lex.prohibition,
      lex.blockers,
      lex.notArms,
      lex.sanctionsContext,
      lex.war,
      lex.continuation,
      lex.backward,
      lex.stateAnaphora,
      lex.selfAnaphora,
      lex.republicAnaphora,
      lex.pairAnaphora,
      lex.military,
      lex.official,
      lex.strictVerbs,
      lex.issuingVerbs,
      ...(lex.invertibleVerbs ? [lex.invertibleVerbs] : []),
      lex.quantity.words,
      lex.quantity.approx,
      lex.quantity.multipliers,
      lex.quantity.units,
    ] as PhraseMatcher<unknown>[]);
  return lex;
}

function buildLexicon(spec: LexiconSpec): CompiledLexicon {
  const b: Boundaries = spec.boundaries ?? 'word';
  const m = spec.markers;
  const f = spec.fillers;
  return {
    language: spec.language,
    boundaries: b,
    objectSide: spec.objectSide ?? 'after',
    triggers: new PhraseMatcher(
      spec.triggers.map((t) => ({ tag: t, patterns: t.patterns })),
      b,
    ),
    objects: new PhraseMatcher(
      (Object.keys(spec.objects) as ObjectClass[]).map((k) => ({
        tag: k,
        // Every item word is an arms object too ("armoured vehicles", "rompi antipeluru").
        patterns: k === 'arms' ? [...spec.objects[k], ...Object.values(spec.items).flat()] : spec.objects[k],
      })),
      b,
    ),
    items: new PhraseMatcher(
      Object.entries(spec.items).map(([k, patterns]) => ({ tag: k, patterns })),
      b,
    ),
    marker: {
      from: pair(m.from, f, b),
      to: pair(m.to, f, b),
      by: pair(m.by, f, b),
      with: pair(m.with, f, b),
      location: pair(m.location, f, b),
      sanctionTarget: pair(m.sanctionTarget, f, b),
      origin: pair(m.origin, f, b),
      conflict: pair(m.conflict, f, b),
      occupier: pair(m.occupier, f, b),
      territory: pair(m.territory, f, b),
      possessive: pair(m.possessive, [], b),
      subject: pair(m.subject, [], b),
    },
    conjunction: conjunctionPattern(spec.conjunctions, spec.listArticles ?? [], spec.armedServices ?? []),
    listCommaArticle: listCommaArticlePattern(spec.listArticles ?? []),
    status: new PhraseMatcher(
      (['planned', 'in_progress', 'completed'] as const).map((k) => ({ tag: k, patterns: spec.status[k] })),
      b,
    ),
    statusEvents: set(spec.statusEvents ?? [], b),
    statusInceptive: set(spec.statusInceptive ?? [], b),
    statusAfter: (['planned', 'in_progress', 'completed'] as const)
      .filter((k) => spec.statusAfter?.[k]?.length)
      .map((k) => ({ tag: k, m: new PrefixMatcher(spec.statusAfter?.[k] ?? [], 'none') })),
    originAdjacency: spec.originAdjacency ?? 'before',
    originNames: spec.originNames ?? false,
    progressiveAux: spec.progressive
      ? new SuffixMatcher(
          spec.progressive.aux,
          ['already', 'still', 'now', 'currently', 'also', 'widely', 'generally', 'long'],
          b,
        )
      : null,
    progressiveSuffix: spec.progressive?.suffix ?? '',
    hypothetical: new PhraseMatcher(
      [
        { tag: 'modal' as const, patterns: spec.modality.hypothetical },
        { tag: 'conditional' as const, patterns: spec.modality.conditional },
        { tag: 'reportedFuture' as const, patterns: spec.modality.reportedFuture },
      ],
      b,
    ),
    denied: new PhraseMatcher(
      [
        { tag: false, patterns: spec.modality.denied },
        { tag: true, patterns: spec.modality.refusal ?? [] },
      ],
      b,
    ),
    negation: set(spec.modality.negation ?? [], b),
    deniedAfter: set(spec.modality.deniedAfter ?? [], b),
    negationAfter: set(spec.modality.negationAfter ?? [], b),
    alleged: set(spec.modality.alleged, b),
    attributionVerbs: new PhraseMatcher(
      [
        { tag: 'say' as const, patterns: spec.attribution.verbs },
        { tag: 'accuse' as const, patterns: spec.attribution.accuse },
      ],
      b,
    ),
    accordingBefore: set(spec.attribution.according.before ?? [], b),
    accusePassive: set(spec.attribution.accusePassive ?? [], b),
    accordingAfter: set(spec.attribution.according.after ?? [], b),
    complementizers: set(spec.attribution.complementizers, b),
    pronounSaid: set(spec.attribution.pronounSaid, b),
    unnamed: set(spec.attribution.unnamed, b),
    media: set(spec.attribution.media, b),
    finalVerbs: set(spec.attribution.finalVerbs ?? [], b),
    invertibleVerbs: spec.attribution.invertible ? set(spec.attribution.invertible, b) : null,
    strictVerbs: set(spec.attribution.strict ?? [], b),
    issuingVerbs: set(spec.attribution.issuing ?? [], b),
    buyToIsSource: spec.buyToIsSource ?? false,
    verbFinalClauses: spec.verbFinalClauses ?? false,
    toCase: spec.markers.to.caseBefore?.length
      ? {
          before: new SuffixMatcher(spec.markers.to.caseBefore, spec.fillers, b),
          endings: spec.markers.to.caseEndings ?? [],
        }
      : null,
    official: set(spec.attribution.official ?? [], b),
    outsiders: set(spec.attribution.outsiders ?? [], b),
    topicParticles: new PrefixMatcher(spec.attribution.topicParticles ?? [], 'none'),
    prohibition: set(spec.prohibition, b),
    // A blocker written with a hyphen ("us-sanctioned", an adjective) blocks only where the text has the
    // hyphen: the pattern language reads it as two words, and "The US sanctioned Iran" is an act.
    blockers: new PhraseMatcher(
      [
        { tag: true, patterns: (spec.blockers ?? []).filter((p) => p.includes('-')) },
        { tag: false, patterns: (spec.blockers ?? []).filter((p) => !p.includes('-')) },
      ],
      b,
    ),
    notArms: set(spec.notArms ?? [], b),
    sanctionsContext: set(spec.sanctionsContext ?? [], b),
    war: set(spec.warContext ?? [], b),
    continuation: set(spec.continuation ?? [], b),
    backward: set(spec.backward ?? [], b),
    stateAnaphora: set(spec.anaphora.state, b),
    selfAnaphora: set(spec.anaphora.self ?? [], b),
    republicAnaphora: set(spec.anaphora.republics, b),
    pairAnaphora: set(spec.anaphora.pair ?? [], b),
    military: set(spec.militaryContext, b),
    quantity: {
      words: set(spec.quantity.words, b),
      approx: set(spec.quantity.approx, b),
      multipliers: set(spec.quantity.multipliers, b),
      units: set(spec.quantity.units, b),
    },
    skipLines: new PhraseMatcher(
      [
        { tag: true, patterns: spec.skipLines.filter((p) => p.trimEnd().endsWith(':')) },
        { tag: false, patterns: spec.skipLines.filter((p) => !p.trimEnd().endsWith(':')) },
      ],
      b,
    ),
    defaults: spec.defaults,
  };
}

export function compileCommon(spec: CommonSpec): CompiledCommon {
  return {
    systems: new PhraseMatcher(
      spec.systems.map((s) => ({
        tag: { name: s.name, kind: s.kind, maker: s.maker },
        patterns: s.patterns,
      })),
    ),
    outlets: new PhraseMatcher(spec.outlets.map((o) => ({ tag: o.name, patterns: o.patterns }))),
    instruments: new PhraseMatcher(spec.instruments.map((i) => ({ tag: i.id, patterns: i.patterns }))),
    resolutionNumber:
      /(?<![\p{L}\p{N}])(?:resolution|resolusi|résolution|resolución|resolução|Resolution|резолюци\p{L}*|قرار|결의)\s*(?:no\.?\s*|nomor\s*|№\s*|n°\s*)?(\d{3,4})|(?<!\d)(\d{3,4})\s*호/giu,
  };
}

/** Languages with a claim lexicon; others use a close one (LANGUAGE_FALLBACK) or the English one. */
export const CLAIM_LANGUAGES = [
  'en',
  'id',
  'ru',
  'uk',
  'fr',
  'es',
  'de',
  'ar',
  'ko',
  'el',
  'pt',
  'tr',
  'ja',
  'it',
  'zh',
] as const;

/** Close languages that read well enough with another lexicon (Malay with Indonesian, Belarusian with Russian). */
const LANGUAGE_FALLBACK: Record<string, string> = { ms: 'id', be: 'ru' };

const cache = new Map<string, CompiledLexicon>();
let common: CompiledCommon | null = null;

/** The compiled lexicon of a language; languages without one fall back to English. */
export function lexiconFor(language: string): CompiledLexicon {
  const lang = (CLAIM_LANGUAGES as readonly string[]).includes(language)
    ? language
    : (LANGUAGE_FALLBACK[language] ?? 'en');
  let lex = cache.get(lang);
  if (!lex) {
    lex = compileLexicon(readJson<LexiconSpec>(`${lang}.json`));
    cache.set(lang, lex);
  }
  return lex;
}

export function commonLexicon(): CompiledCommon {
  common ??= compileCommon(readJson<CommonSpec>('common.json'));
  return common;
}

/** Compiles every lexicon now (module load of the engine), so the first article pays nothing. */
export function warmLexicons(): void {
  for (const l of CLAIM_LANGUAGES) lexiconFor(l);
  commonLexicon();
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** ", the " between two items of a list whose last item a conjunction joins ("Japan, the United States and Britain"). */
function listCommaArticlePattern(articles: string[]): RegExp {
  if (!articles.length) return /(?!)/u;
  return new RegExp(`^\\s*,\\s*(?:${articles.map(escapeRe).join('|')})\\s+$`, 'iu');
}

/**
 * The gap between two items of a list: a comma, a conjunction, or both, and after a conjunction an article
 * ("and the", "e da", "et l'"). A bare article is no list ("in Ukraine, the United States said").
 */
function conjunctionPattern(conjunctions: string[], articles: string[], services: string[] = []): RegExp {
  const conj = conjunctions.map(escapeRe).join('|') || '(?!)';
  const art = articles.length ? `(?:\\s+(?:${articles.map(escapeRe).join('|')}))?` : '';
  const plain = `\\s*(?:,\\s*)?(?:(?:${conj})${art})?\\s*`;
  if (!services.length) return new RegExp(`^${plain}$`, 'iu');
  // With a service word on either side the conjunction is required: "Army and the US", "dan Angkatan Laut".
  const serv = `(?:${services.map(escapeRe).join('|')})`;
  const withService = `\\s*(?:${serv}\\s*)?(?:,\\s*)?(?:${conj})${art}\\s+(?:${serv}\\s+)?`;
  return new RegExp(`^(?:${plain}|${withService})$`, 'iu');
}
