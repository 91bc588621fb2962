import { readFileSync } from 'fs';
import { dataPath } from '../data-path';
import { ActorKind, ActorRecord, MentionKind } from '../model';
import { EndingClasses, expandAliasTemplate } from './alias-template';
import { foldString, isLowerCase, isUpperCase } from './text-fold';

/** How the letter case of the text must agree with the alias. */
export type CaseMode = 'exact' | 'initial' | 'any';

/** Ambiguity rules the recognizer applies to a match (see recognize-actors.ts). */
export type AliasRule =
  | 'korea'
  | 'georgia'
  | 'person-name'
  | 'separatist-context'
  | 'named-in-full'
  | 'not-currency'
  | 'surname'
  | 'generic'
  | 'home-ko'
  | 'descriptor'
  | 'home-government';

/** The placeholder actor of "the government" with no state named: resolved to the article's home state. */
export const HOME_GOVERNMENT = '@home';

export type ExclusionKind = 'outlet' | 'place' | 'currency' | 'language' | 'other';

/** One concrete alias (templates expanded), ready for the matcher. */
export interface AliasEntry {
  /** The alias as written in the data file (one expanded form). */
  text: string;
  /** Its folded form (what the matcher compares). */
  key: string;
  /** Actors it names; empty for an exclusion phrase. */
  actorIds: string[];
  langs: string[];
  kind: MentionKind;
  exclusion?: ExclusionKind;
  caseMode: CaseMode;
  /** Only in articles written in one of `langs`. */
  onlyLang: boolean;
  /** A library name (countries.generated.json): used in its own language's articles, and English ones everywhere. */
  generated?: boolean;
  rule?: AliasRule;
}

/** A registry record with the data-file extras. */
export interface RegistryRecord extends ActorRecord {
  /** False for bodies the contract does not score (recognised, never output as article actors). */
  emit: boolean;
  /** For states: un-member, observer or disputed. */
  status?: string;
  /** For states: the ISO 3166-1 alpha-2 code (what CLDR keys a country's time zones by). */
  alpha2?: string;
}

interface AliasGroup {
  lang: string[];
  kind: MentionKind;
  texts: string[];
  case?: 'exact';
  onlyLang?: boolean;
  rule?: AliasRule;
}
interface ActorFileEntry {
  id: string;
  kind: ActorKind;
  name: string;
  country?: string;
  emit?: boolean;
  aliases: AliasGroup[];
}
interface GeneratedState {
  id: string;
  alpha2: string;
  status: string;
  names: Record<string, string[]>;
  /** Demonyms by language, plurals included ("Guatemalan", "Guatemalans"). */
  demonyms?: Record<string, string[]>;
}
interface StatesOverlay {
  display: Record<string, string>;
  compounds: (AliasGroup & { ids: string[] })[];
  remove: { id: string; lang: string; text: string }[];
  aliases: Record<string, AliasGroup[]>;
}
interface ExclusionGroup {
  lang: string[];
  kind: ExclusionKind;
  texts: string[];
}

/** Bodies that count as themselves in scoring, per the contract. */
const SCORED_BODIES = new Set(['UN', 'EU', 'NATO', 'IAEA']);
const ARABIC_ARTICLE = 'ال';

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(dataPath(...parts), 'utf8')) as T;
}

/** Abbreviations written in capitals ("US", "КНДР", "ΟΗΕ") must match in capitals. */
function defaultCaseMode(text: string): CaseMode {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isUpperCase(c)) upper++;
    else if (isLowerCase(c)) lower++;
  }
  if (upper >= 2 && lower === 0) return 'exact';
  const first = text.charCodeAt(0);
  return isUpperCase(first) ? 'initial' : 'any';
}

const CASE_ORDER: CaseMode[] = ['exact', 'initial', 'any'];

/** Two spellings of one alias ("Russe", "russe") accept the case either accepts. */
function loosest(a: CaseMode | undefined, b: CaseMode): CaseMode {
  if (!a) return b;
  return CASE_ORDER.indexOf(a) > CASE_ORDER.indexOf(b) ? a : b;
}

interface DeclensionRule {
  ending: string;
  class: string;
}

const CONSONANT = /[бвгджзйклмнпрстфхцчшщ]$/i;

/** The case forms of a one-word library name in an inflecting language ('Куба' -> Кубы, Кубе...). */
function declined(name: string, rules: DeclensionRule[] | undefined, classes: EndingClasses): string[] {
  if (!rules || /\s|-/.test(name)) return [name];
  for (const r of rules) {
    const consonant = r.ending === 'consonant';
    if (consonant ? !CONSONANT.test(name) : !name.endsWith(r.ending)) continue;
    const stem = consonant ? name : name.slice(0, name.length - r.ending.length);
    const endings = classes[r.class];
    if (!endings) throw new Error(`morphology.json: unknown class ${r.class}`);
    return [name, ...endings.map((e) => stem + e)];
  }
  return [name];
}

/** The matcher treats the Arabic article as a proclitic, so aliases are stored without it. */
function matchKey(text: string): string {
  let key = foldString(text).replace(/\s+/g, ' ').trim();
  if (key.startsWith(ARABIC_ARTICLE) && key.length > 3) key = key.slice(2);
  return key;
}

/**
 * The actor registry: states (generated names plus the hand overlay), bodies, agencies, people,
 * entities and groups, and the exclusion phrases, all read from libs/extraction/data/actors.
 */
export class ActorRegistry {
  private readonly records = new Map<string, RegistryRecord>();
  private readonly entries: AliasEntry[] = [];
  private readonly aliases = new Map<string, AliasEntry>();
  /** What may follow a Korean name inside the same word (particles, 군, 산...). */
  readonly koreanParticles: readonly string[];
  /** Words after "the government" that make it another government ("of", "pemerintah daerah"), folded. */
  readonly homeNotAfter: ReadonlySet<string>;
  /** The state whose press writes most of a language's news ("ko" is KOR): the home of last resort. */
  readonly languageHome: ReadonlyMap<string, string>;
  private sortedKeys: { key: string; entry: AliasEntry }[] | null = null;
  private places: Map<string, string | null> | null = null;

  static load(): ActorRegistry {
    return new ActorRegistry();
  }

  private constructor() {
    const morphology = readJson<{
      classes: EndingClasses;
      generatedDeclension: Record<string, DeclensionRule[]>;
    }>('actors', 'morphology.json');
    const classes = morphology.classes;
    this.koreanParticles = classes['ko.particles'] ?? [];
    const generated = readJson<{ states: GeneratedState[] }>('actors', 'countries.generated.json').states;
    const overlay = readJson<StatesOverlay>('actors', 'states.overlay.json');
    const removed = new Set(overlay.remove.map((r) => `${r.id}|${r.lang}|${r.text}`));

    for (const s of generated) {
      const en = (s.names.en ?? []).filter((n) => defaultCaseMode(n) !== 'exact');
      const shortest = [...en].sort((a, b) => a.length - b.length)[0] ?? s.id;
      const name = overlay.display[s.id] ?? shortest;
      this.records.set(s.id, {
        id: s.id,
        kind: 'state',
        name,
        country: s.id,
        emit: true,
        status: s.status,
        alpha2: s.alpha2,
      });
      for (const [lang, names] of Object.entries(s.names))
        for (const n of names)
          if (!removed.has(`${s.id}|${lang}|${n}`))
            for (const form of declined(n, morphology.generatedDeclension[lang], classes))
              this.addAlias([s.id], form, { lang: [lang], kind: 'name', texts: [] }, true);
      // A demonym spelt like a name ("Djibouti", French "philippines") stays a name.
      for (const [lang, forms] of Object.entries(s.demonyms ?? {}))
        for (const form of forms)
          if (!removed.has(`${s.id}|${lang}|${form}`) && !this.aliases.has(`${matchKey(form)}|${s.id}`))
            this.addAlias([s.id], form, { lang: [lang], kind: 'demonym', texts: [] }, true);
    }
    for (const [id, groups] of Object.entries(overlay.aliases)) {
      if (!this.records.has(id)) throw new Error(`states.overlay.json: unknown state ${id}`);
      for (const g of groups) this.addGroup([id], g, classes);
    }
    for (const c of overlay.compounds) {
      for (const id of c.ids)
        if (!this.records.has(id)) throw new Error(`states.overlay.json: unknown state ${id}`);
      this.addGroup(c.ids, c, classes);
    }
    for (const file of ['bodies.json', 'entities.json', 'agencies.json', 'companies.json', 'people.json']) {
      for (const a of readJson<{ actors: ActorFileEntry[] }>('actors', file).actors) {
        if (this.records.has(a.id)) throw new Error(`${file}: duplicate actor id ${a.id}`);
        if (a.country && !this.records.has(a.country))
          throw new Error(`${file}: ${a.id} has unknown country ${a.country}`);
        this.records.set(a.id, {
          id: a.id,
          kind: a.kind,
          name: a.name,
          country: a.country,
          emit: a.emit ?? true,
        });
        for (const g of a.aliases) this.addGroup([a.id], g, classes);
      }
    }
    // "the kingdom", "the bloc", "negara Teluk itu": common nouns standing for an actor named before them.
    const descriptorFile = readJson<{
      descriptors: (AliasGroup & { ids: string[] })[];
      home: { groups: AliasGroup[]; notAfter: string[]; languageHome: Record<string, string> };
    }>('actors', 'descriptors.json');
    for (const d of descriptorFile.descriptors) {
      for (const id of d.ids)
        if (!this.records.has(id)) throw new Error(`descriptors.json: unknown actor ${id}`);
      this.addGroup(d.ids, { ...d, kind: 'anaphor', onlyLang: true, rule: 'descriptor' }, classes);
    }
    // "pemerintah akan memberangkatkan …": the government of the article's home state.
    for (const g of descriptorFile.home.groups)
      this.addGroup(
        [HOME_GOVERNMENT],
        { ...g, kind: 'anaphor', onlyLang: true, rule: 'home-government' },
        classes,
      );
    this.homeNotAfter = new Set(descriptorFile.home.notAfter.map((w) => foldString(w)));
    for (const id of Object.values(descriptorFile.home.languageHome))
      if (!this.records.has(id)) throw new Error(`descriptors.json: unknown home state ${id}`);
    this.languageHome = new Map(Object.entries(descriptorFile.home.languageHome));
    for (const g of readJson<{ phrases: ExclusionGroup[] }>('actors', 'exclusions.json').phrases)
      for (const t of g.texts)
        for (const form of expandAliasTemplate(t, classes))
          this.entries.push({
            text: form,
            key: matchKey(form),
            actorIds: [],
            langs: g.lang,
            kind: 'name',
            exclusion: g.kind,
            caseMode: defaultCaseMode(form) === 'exact' ? 'exact' : 'any',
            onlyLang: false,
          });
    this.finish();
  }

  private addGroup(ids: string[], g: AliasGroup, classes: EndingClasses): void {
    for (const t of g.texts) for (const form of expandAliasTemplate(t, classes)) this.addAlias(ids, form, g);
  }

  private addAlias(actorIds: string[], text: string, g: AliasGroup, generated = false): void {
    if (!text.trim()) return;
    // The overlay refines a library name (adds a rule or a case mode): the later entry replaces it,
    // keeping the languages the library gave it ("Iran" is a name in en, id, fr, de...).
    const slot = `${matchKey(text)}|${actorIds.join(',')}`;
    const previous = this.aliases.get(slot);
    const langs = previous?.generated ? [...new Set([...previous.langs, ...g.lang])] : g.lang;
    // A demonym spelt like the state's name (Spanish "argentina", "china", Portuguese "sérvia") stays a
    // name: as a demonym, "Argentina bought …" would read as an adjective and lose its subject.
    const kind = previous?.kind === 'name' && g.kind === 'demonym' ? 'name' : g.kind;
    this.aliases.set(slot, {
      generated,
      text,
      key: matchKey(text),
      actorIds,
      langs,
      kind,
      caseMode: loosest(previous?.caseMode, g.case === 'exact' ? 'exact' : defaultCaseMode(text)),
      onlyLang: g.onlyLang ?? false,
      rule: g.rule,
    });
  }

  /** Every alias and exclusion entry (for the matcher). */
  aliasEntries(): readonly AliasEntry[] {
    return this.entries;
  }

  private finish(): void {
    this.entries.unshift(...this.aliases.values());
    this.aliases.clear();
  }

  get(id: string): RegistryRecord | undefined {
    return this.records.get(id);
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  all(): RegistryRecord[] {
    return [...this.records.values()];
  }

  kindOf(id: string): ActorKind | undefined {
    return this.records.get(id)?.kind;
  }

  displayName(id: string): string | undefined {
    return this.records.get(id)?.name;
  }

  /** The state an actor belongs to (a state is its own country); null for bodies and unknown ids. */
  countryOf(id: string): string | null {
    return this.records.get(id)?.country ?? null;
  }

  /**
   * The id an actor counts as in scoring and in sanctions logic: states, the contract's bodies
   * and separatist entities count as themselves; agencies, people, groups and companies as their
   * country. Unknown ids fold like the scorer does (the three-letter prefix of a slug).
   */
  foldToCountry(id: string): string {
    const r = this.records.get(id);
    if (!r) {
      const prefix = id.split('.')[0];
      return /^[a-z]{3}$/.test(prefix) && id.includes('.') ? prefix.toUpperCase() : id;
    }
    if (r.kind === 'state' || r.kind === 'entity' || SCORED_BODIES.has(r.id)) return r.id;
    return r.country ?? r.id;
  }

  /**
   * The state a place name stands for, in any language: a capital or other metonym ("Astana",
   * "Hanoi"), or with `names` also a state's own name ("الجزائر", "Kazakhstan"). Case- and
   * accent-insensitive; null when unknown or when the text names more than one state.
   */
  placeState(text: string, names = false): string | null {
    if (!this.places) {
      const map = new Map<string, string | null>();
      for (const e of this.entries) {
        if (e.exclusion || e.actorIds.length !== 1 || (e.kind !== 'metonym' && e.kind !== 'name')) continue;
        const id = e.actorIds[0];
        if (this.records.get(id)?.kind !== 'state') continue;
        const key = `${e.kind === 'metonym' ? 'm' : 'n'}|${foldString(e.text.trim())}`;
        const had = map.get(key);
        map.set(key, had === undefined || had === id ? id : null);
      }
      this.places = map;
    }
    const key = foldString(text.trim());
    const metonym = this.places.get(`m|${key}`);
    if (metonym !== undefined || !names) return metonym ?? null;
    return this.places.get(`n|${key}`) ?? null;
  }

  /** Whether the actor may be output as an article actor (false for unscored bodies). */
  isEmitted(id: string): boolean {
    return this.records.get(id)?.emit ?? false;
  }

  /** The aliases of every actor in one language (exclusions left out). */
  aliasesFor(lang: string): { actorId: string; text: string; kind: MentionKind }[] {
    const out: { actorId: string; text: string; kind: MentionKind }[] = [];
    for (const e of this.entries)
      if (!e.exclusion && e.langs.includes(lang))
        for (const id of e.actorIds) out.push({ actorId: id, text: e.text, kind: e.kind });
    return out;
  }

  /** Aliases starting with a prefix (case- and accent-insensitive), for actor search; one hit per actor. */
  searchByPrefix(
    prefix: string,
    opts: { lang?: string; limit?: number } = {},
  ): { actorId: string; alias: string; name: string }[] {
    const want = foldString(prefix).trim();
    if (!want) return [];
    if (!this.sortedKeys) {
      this.sortedKeys = this.entries
        .filter((e) => !e.exclusion && e.actorIds.length === 1)
        .map((e) => ({ key: foldString(e.text), entry: e }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid].key < want) lo = mid + 1;
      else hi = mid;
    }
    const limit = opts.limit ?? 20;
    const seen = new Set<string>();
    const out: { actorId: string; alias: string; name: string }[] = [];
    for (let i = lo; i < keys.length && keys[i].key.startsWith(want) && out.length < limit; i++) {
      const { entry } = keys[i];
      const id = entry.actorIds[0];
      if (opts.lang && !entry.langs.includes(opts.lang)) continue;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ actorId: id, alias: entry.text, name: this.records.get(id)?.name ?? id });
    }
    return out;
  }
}

let shared: ActorRegistry | null = null;

/** The registry, loaded once per process. */
export function actorRegistry(): ActorRegistry {
  if (!shared) shared = ActorRegistry.load();
  return shared;
}
