import { ActorMention, CleanedArticle, Sentence } from '../model';
import { AliasEntry, HOME_GOVERNMENT, actorRegistry } from './actor-registry';
import { AliasMatch, AliasMatcher } from './alias-matcher';
import { assignMentionRoles } from './mention-role';
import { foldString, foldText, isUpperCase } from './text-fold';

export { selectArticleActors } from './select-article-actors';

let matcher: AliasMatcher | null = null;

/** The alias matcher over the whole registry, built once per process. */
function aliasMatcher(): AliasMatcher {
  if (!matcher) matcher = new AliasMatcher(actorRegistry().aliasEntries(), actorRegistry().koreanParticles);
  return matcher;
}

// "Georgia" is the US state where the article speaks of its cities, officials or neighbours.
const US_GEORGIA =
  /\b(?:Atlanta|Savannah|Augusta|Macon|Fulton County|Gov\.|governor|Kemp|Raffensperger|Warnock|Ossoff|Peach State|Alabama|Florida|Tennessee|South Carolina|county|Senate race|GOP)\b/;
const COUNTRY_GEORGIA =
  /Tbilisi|Caucasus|Abkhaz|Ossetia|Georgian Dream|Kobakhidze|Zourabichvili|Saakashvili|Ivanishvili|Batumi|Тбилиси|Грузи/;
// Bare "Donetsk"/"Luhansk" name the separatist entity only where the sentence speaks of it as one.
const SEPARATIST_CUES =
  /republi|recogni|independen|separatis|self-proclaimed|so-called|kemerdekaan|mengakui|diakui|pengakuan|pemberontak|reconn|indépendan|reconoc|independencia|anerkenn|unabhängig|республик|призна|независим|сепарат|δημοκρατ|ανεξαρτησ|αναγν|جمهوري|اعتراف|استقلال|انفصال|공화국|독립|승인|분리/i;
const DIGIT_NEAR = /\d/;
// Capitalised words that start sentences or titles rather than names ("In Jordan", "The Chad").
const FUNCTION_WORDS = new Set([
  'the',
  'in',
  'and',
  'of',
  'from',
  'to',
  'with',
  'for',
  'on',
  'at',
  'by',
  'as',
  'but',
  'while',
  'since',
  'after',
  'before',
  'both',
  'neither',
  'nor',
  'or',
]);

/** The article's language, or a cheap guess from the script and common words when it is unknown. */
export function effectiveLanguage(article: CleanedArticle): string {
  const l = (article.language ?? '').toLowerCase().slice(0, 2);
  if (l && l !== 'un') return l;
  const sample = article.text.slice(0, 3000);
  if (/[\uac00-\ud7a3]/.test(sample)) return 'ko';
  if (/[\u0600-\u06ff]/.test(sample)) return 'ar';
  if (/[\u0400-\u04ff]/.test(sample)) return /[іїєґ]/.test(sample) ? 'uk' : 'ru';
  if (/[\u0370-\u03ff]/.test(sample)) return 'el';
  const count = (re: RegExp): number => sample.match(re)?.length ?? 0;
  const scores: [string, number][] = [
    ['en', count(/\b(?:the|and|of|that|with)\b/gi)],
    ['id', count(/\b(?:yang|dan|di|dengan|untuk|dari)\b/gi)],
    ['fr', count(/\b(?:le|les|des|du|une|est)\b/gi)],
    ['es', count(/\b(?:el|los|las|del|una|por)\b/gi)],
    ['de', count(/\b(?:der|die|das|und|nicht|mit)\b/gi)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] > 0 ? scores[0][0] : 'und';
}

/** Language gates: onlyLang aliases in their languages; library names in theirs, English ones everywhere. */
function usableIn(e: AliasEntry, lang: string): boolean {
  if (e.onlyLang) return e.langs.includes(lang);
  if (e.generated) return lang === 'und' || e.langs.includes(lang) || e.langs.includes('en');
  return true;
}

interface Candidate extends ActorMention {
  rule?: AliasEntry['rule'];
  /** For a descriptor ("the kingdom"), every actor it may stand for. */
  among?: readonly string[];
}

/**
 * Finds every actor mention in the cleaned text: registry aliases matched over the folded text
 * (case, accents, homoglyphs and zero-width characters neutralised; offsets into the original),
 * ambiguities resolved from the article's context, and each mention given its role.
 */
export function recognizeActors(article: CleanedArticle, sentences: Sentence[]): ActorMention[] {
  const text = article.text;
  if (!text) return [];
  const lang = effectiveLanguage(article);
  const folded = foldText(text);
  const matches = aliasMatcher().scan(text, folded, (e) => usableIn(e, lang));
  const candidates: Candidate[] = [];
  for (const m of matches) for (const id of m.entry.actorIds) candidates.push(toCandidate(text, m, id));
  const mentions = resolveAmbiguities(text, candidates, sentences, lang);
  const registry = actorRegistry();
  assignMentionRoles(text, folded, mentions, (id) => registry.kindOf(id));
  return mentions;
}

function toCandidate(text: string, m: AliasMatch, actorId: string): Candidate {
  return {
    actorId,
    start: m.start,
    end: m.end,
    surface: text.slice(m.start, m.end),
    kind: m.entry.kind,
    rule: m.entry.rule,
    among: m.entry.rule === 'descriptor' ? m.entry.actorIds : undefined,
  };
}

function resolveAmbiguities(
  text: string,
  candidates: Candidate[],
  sentences: Sentence[],
  lang: string,
): ActorMention[] {
  const registry = actorRegistry();
  const plain = new Map<string, number>();
  for (const c of candidates)
    if (!c.rule)
      plain.set(registry.foldToCountry(c.actorId), (plain.get(registry.foldToCountry(c.actorId)) ?? 0) + 1);
  const northOnly = (plain.get('PRK') ?? 0) > 0 && (plain.get('KOR') ?? 0) === 0;
  const usGeorgia =
    candidates.some((c) => c.rule === 'georgia') && US_GEORGIA.test(text) && !COUNTRY_GEORGIA.test(text);

  const out: ActorMention[] = [];
  const seen = new Set<string>();
  const named = new Set<string>();
  const shortForms = new Set<number>();
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    let actorId: string | null = c.actorId;
    switch (c.rule) {
      case 'korea':
        actorId = northOnly ? 'PRK' : 'KOR';
        break;
      case 'georgia':
        if (usGeorgia) actorId = null;
        break;
      case 'person-name':
        if (looksLikePersonName(text, c, candidates)) actorId = null;
        break;
      case 'separatist-context':
        if (!SEPARATIST_CUES.test(sentenceAt(text, c.start, sentences).text)) actorId = null;
        break;
      case 'not-currency':
        if (
          DIGIT_NEAR.test(text.slice(Math.max(0, c.start - 3), c.start)) ||
          DIGIT_NEAR.test(text.slice(c.end, c.end + 3))
        )
          actorId = null;
        break;
      case 'surname':
        if (!seen.has(c.actorId)) actorId = null;
        break;
      case 'generic': {
        const country = registry.countryOf(c.actorId);
        if (!country || !plain.has(country)) actorId = null;
        break;
      }
      case 'descriptor': {
        // The one of its actors the article named most recently before it; nothing when none was named.
        const among = c.among ?? [];
        let recent: string | null = null;
        for (let k = out.length - 1; k >= 0 && !recent; k--) {
          const id = out[k].actorId;
          if (among.includes(id)) recent = id;
          else if (among.includes(registry.foldToCountry(id))) recent = registry.foldToCountry(id);
        }
        if (recent !== c.actorId) actorId = null;
        break;
      }
      case 'home-government':
        actorId = homeGovernment(text, candidates, i, sentences, lang);
        break;
      case 'home-ko': {
        // "러시아 국방부": a ministry right after a state's name is that state's.
        const prev = candidates[i - 1];
        if (
          prev &&
          prev.end <= c.start &&
          /^\s{0,2}$/.test(text.slice(prev.end, c.start)) &&
          registry.kindOf(prev.actorId) === 'state'
        )
          actorId = prev.actorId;
        break;
      }
      default:
        break;
    }
    if (!actorId) continue;
    seen.add(actorId);
    if (c.rule === 'named-in-full') shortForms.add(out.length);
    else named.add(actorId);
    out.push({ actorId, start: c.start, end: c.end, surface: c.surface, kind: c.kind });
  }
  // "DPR" is also Indonesia's parliament: a short form counts only where the article names the entity in full.
  return shortForms.size ? out.filter((m, i) => !shortForms.has(i) || named.has(m.actorId)) : out;
}

/**
 * An office title right before a state's name: "Menteri Keuangan Israel Bezalel Smotrich", "Perdana Menteri
 * Israel Benjamin Netanyahu", "Foreign Minister Israel Katz" is an official of the state, not a person named Israel.
 */
const TITLE_BEFORE = wordsBeforeName(
  'menteri|presiden|wakil|duta|dubes|kepala|panglima|juru|jubir|kementerian|pemerintah|militer|tentara|angkatan|minister|ministry|president|ambassador|envoy|ministre|ministro|minister(?:in)?|président|presidente|präsident(?:in)?|embajador|ambassadeur',
  3,
);

/** One of `titles`, then up to `names` capitalised words, right before the end of the text it tests. */
function wordsBeforeName(titles: string, names: number): RegExp {
  return new RegExp(`(?:^|[\\s(])(?:${titles})(?:\\s+[\\p{Lu}][\\p{L}\\p{M}]*){0,${names}}\\s+$`, 'iu');
}

/** "Jordan Peterson", "Michael Jordan": a capitalised name word right before or after. */
function looksLikePersonName(text: string, c: Candidate, all: Candidate[]): boolean {
  if (TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 60), c.start))) return false;
  const next = /^ ([\p{Lu}][\p{Ll}\p{M}]+)/u.exec(text.slice(c.end, c.end + 30));
  if (next && !all.some((o) => o.start === c.end + 1)) return true;
  const prev = /(?:^|[^.!?:\n"“])\s([\p{Lu}][\p{Ll}\p{M}]+) $/u.exec(
    text.slice(Math.max(0, c.start - 30), c.start),
  );
  if (prev && !FUNCTION_WORDS.has(prev[1].toLowerCase()) && !all.some((o) => o.end === c.start - 1)) {
    const word = prev[1];
    return isUpperCase(word.charCodeAt(0));
  }
  return false;
}

// The capitalised name of an office up to a state's name: "Kepala Badan Pelindungan Pekerja Migran Indonesia".
const OFFICE_BEFORE = wordsBeforeName(
  'menteri|kementerian|kepala|badan|direktorat|kantor|minister|ministry|agency|department|office|bureau|ministre|ministère|ministro|ministerio|ministério|agence|agencia',
  5,
);

// "JAKARTA - ", "NAIROBI, July 3 (Reuters) -", "MOGADISHU — ": a dateline city opening the text.
const DATELINE = /^\s*[\p{Lu}][\p{Lu}\p{M} .'-]{2,40}(?:\s*\([^)\n]{1,40}\))?(?:,[^\n]{0,40}?)?\s*[-–—:]\s/u;

/**
 * The state "the government" (`candidates[i]`, no state named) stands for: that of the agency, official
 * or office ("Kementerian … Indonesia") named nearest in its sentence, else that of the dateline, else the
 * state whose press writes the article's language (`languageHome`); null when a state or demonym stands
 * right next to it ("the Indonesian government", "pemerintah Jepang"), when the next word makes it
 * another government ("pemerintah daerah", "the government of"), or when none of these names a state.
 */
function homeGovernment(
  text: string,
  candidates: Candidate[],
  i: number,
  sentences: Sentence[],
  lang: string,
): string | null {
  const registry = actorRegistry();
  const c = candidates[i];
  const prev = candidates[i - 1];
  const next = candidates.slice(i + 1).find((o) => o.actorId !== HOME_GOVERNMENT && o.start >= c.end);
  if (prev && prev.end <= c.start && c.start - prev.end <= 2) return null;
  if (next && next.start - c.end <= 2) return null;
  const word = /^\s+([\p{L}\p{M}]+)/u.exec(text.slice(c.end, c.end + 30));
  if (word && registry.homeNotAfter.has(foldString(word[1]))) return null;
  const sentence = sentenceAt(text, c.start, sentences);
  let best: string | null = null;
  let distance = Infinity;
  for (const o of candidates) {
    if (o.start < sentence.start || o.end > sentence.end || o.rule) continue;
    const kind = registry.kindOf(o.actorId);
    // An agency, an official, or a state closing an office's name ("Kementerian Pelindungan Pekerja Migran Indonesia").
    const office =
      kind === 'agency' ||
      kind === 'person' ||
      (kind === 'state' && OFFICE_BEFORE.test(text.slice(Math.max(0, o.start - 80), o.start)));
    if (!office) continue;
    const country = registry.countryOf(o.actorId);
    const d = Math.abs(o.start - c.start);
    if (country && d < distance) {
      best = country;
      distance = d;
    }
  }
  if (best) return best;
  const dateline = DATELINE.exec(text.slice(0, 120));
  const place = dateline
    ? candidates.find((o) => !o.rule && o.start < dateline[0].length && o.end <= dateline[0].length)
    : undefined;
  // Else the state whose press writes the language ("정부는" in Korean news is Seoul's).
  return place ? registry.foldToCountry(place.actorId) : (registry.languageHome.get(lang) ?? null);
}

/** The sentence holding `pos`, else its line. */
function sentenceAt(
  text: string,
  pos: number,
  sentences: Sentence[],
): { start: number; end: number; text: string } {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  const ls = text.lastIndexOf('\n', pos) + 1;
  const le = text.indexOf('\n', pos);
  const end = le < 0 ? text.length : le;
  return { start: ls, end, text: text.slice(ls, end) };
}
