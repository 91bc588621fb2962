import { AMBIGUOUS_MONTHS, MONTHS, WEEKDAYS, daysInMonth, toAsciiDigits } from './calendar-lexicon';
import { ASCII_DIGIT, HIGH_SURROGATE, SPACE, UNIT_CLASS } from '../text/char-class';
import { letterAt } from './letters';
import {
  DATE_PREPOSITIONS,
  FUTURE_MARKERS,
  MONTH_QUALIFIERS,
  PAST_MARKERS,
  RELATIVE_PHRASES,
  REPORTING_WORDS,
  RelativeUnit,
} from './temporal-lexicon';

export type DateGranularity = 'day' | 'month' | 'year';

/** A date expression of a sentence, resolved against the publication date. */
export interface DatePhrase {
  /** Offsets in the sentence: sentence.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
  /** ISO date "2022-09-06", month "2022-08" or year "2006". */
  value: string;
  granularity: DateGranularity;
  /** Stated relative to the publication date ("bulan lalu", "last week", "Tuesday"). */
  relative: boolean;
  /** Next to a reporting verb ("said Tuesday", "dikutip Rabu (7/9)"): when it was said, not done. */
  reporting: boolean;
  /** Opens a period ("since 2014", "sejak 2022"): a start, not the event's date. */
  since: boolean;
}

export interface Token {
  t: string;
  l: string;
  s: number;
  e: number;
  num: boolean;
}

interface Pub {
  y: number;
  m: number | null;
  d: number | null;
}

const ORDINALS = new Set(['st', 'nd', 'rd', 'th', 'er', 'e', 'º', 'de', 'del']);
const SINCE = new Set(['since', 'sejak', 'depuis', 'desde', 'seit', 'с', 'semenjak']);
const PUB = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

function parsePub(publishedAt: string | null): Pub | null {
  const m = publishedAt ? PUB.exec(publishedAt.trim()) : null;
  if (!m) return null;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const ym = (y: number, m: number): string => `${y}-${pad(m)}`;

function addDays(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const isJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d;

/**
 * The tokens of the regex `\p{L}+(?:['’-]\p{L}+)*|\d+|[^\s\p{L}\d]` (flags gu), found in one scan over
 * precomputed character classes: no regex run and no match array per token.
 */
export function tokenize(s: string): Token[] {
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const start = i;
    let len = letterAt(s, i);
    if (len > 0) {
      // Letters, and more letters after an apostrophe or hyphen.
      i += len;
      for (;;) {
        while (i < n && (len = letterAt(s, i)) > 0) i += len;
        if (i + 1 < n && isJoiner(s.charCodeAt(i)) && (len = letterAt(s, i + 1)) > 0) i += 1 + len;
        else break;
      }
    } else {
      const k = UNIT_CLASS[s.charCodeAt(i)];
      if (k & SPACE) {
        i++;
        continue;
      }
      if (k & ASCII_DIGIT) while (i < n && UNIT_CLASS[s.charCodeAt(i)] & ASCII_DIGIT) i++;
      else {
        // Any other character (a surrogate pair is one code point).
        const lo = s.charCodeAt(i + 1);
        i += k === HIGH_SURROGATE && i + 1 < n && lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
      }
    }
    const t = s.slice(start, i);
    const c0 = t.charCodeAt(0);
    out.push({ t, l: t.toLowerCase(), s: start, e: i, num: c0 >= 48 && c0 <= 57 });
  }
  return out;
}

const isUpper = (t: string): boolean => t[0] !== t[0].toLowerCase();
const asDay = (tok: Token | undefined): number | null =>
  tok && tok.num && tok.t.length <= 2 && Number(tok.t) >= 1 && Number(tok.t) <= 31 ? Number(tok.t) : null;
const asYear = (tok: Token | undefined): number | null =>
  tok && tok.num && tok.t.length === 4 && Number(tok.t) >= 1900 && Number(tok.t) <= 2100
    ? Number(tok.t)
    : null;

/** The year of a day and month without a year: the occurrence nearest the publication, the past preferred. */
function yearOfDayMonth(pub: Pub, m: number, d: number): number {
  const ref = Date.UTC(pub.y, (pub.m ?? 6) - 1, pub.d ?? 15);
  let best = pub.y;
  let bestCost = Infinity;
  for (const y of [pub.y - 1, pub.y, pub.y + 1]) {
    const diff = Date.UTC(y, m - 1, Math.min(d, daysInMonth(y, m))) - ref;
    // A future date costs three times a past one: news mostly reports what already happened.
    const cost = diff > 0 ? diff * 3 : -diff;
    if (cost < bestCost) [best, bestCost] = [y, cost];
  }
  return best;
}

/** The year of a month without a year: the latest not after publication; "last"/"lalu" strictly before; "next" after. */
function yearOfMonth(pub: Pub, m: number, mode: 'bare' | 'past' | 'future'): number {
  const pm = pub.m ?? 12;
  if (mode === 'past') return m < pm ? pub.y : pub.y - 1;
  if (mode === 'future') return m > pm ? pub.y : pub.y + 1;
  return m <= pm ? pub.y : pub.y - 1;
}

interface Draft {
  i: number;
  j: number;
  value: string;
  granularity: DateGranularity;
  relative: boolean;
}

/**
 * Every date expression of a sentence with its resolved value: explicit dates ("24 Februari 2022",
 * "June 8", "Selasa (6/9)", "2023.12.16"), months ("pada Agustus", "Juli lalu", "late June",
 * "September 2017", "в августе"), years ("pada tahun 2006", "in 2006"), weekdays ("on Tuesday") and
 * relative phrases ("bulan lalu", "last week", "지난달"). Without a publication date only
 * expressions that state their year resolve. Linear in the sentence length.
 */
export function findDatePhrases(
  sentence: string,
  publishedAt: string | null,
  language: string,
): DatePhrase[] {
  if (!sentence) return [];
  const text = toAsciiDigits(sentence);
  const toks = tokenize(text);
  const pub = parsePub(publishedAt);
  const dayFirst = language !== 'en';
  const drafts: Draft[] = [];
  const used = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const d = matchAt(toks, i, pub, dayFirst, language);
    if (!d) continue;
    for (let k = d.i; k <= d.j; k++) used[k] = 1;
    drafts.push(d);
  }
  return drafts.map((d) => {
    const start = toks[d.i].s;
    const end = toks[d.j].e;
    return {
      start,
      end,
      text: sentence.slice(start, end),
      value: d.value,
      granularity: d.granularity,
      relative: d.relative,
      reporting: nearReporting(toks, d.i, d.j),
      since:
        d.i > 0 &&
        (SINCE.has(toks[d.i - 1].l) ||
          (d.i > 1 && SINCE.has(toks[d.i - 2].l) && toks[d.i - 1].l === 'tahun')),
    };
  });
}

// Words that may stand between a reporting verb and its date ("said in a statement on Tuesday").
const REPORT_FILLERS = new Set([
  'on',
  'in',
  'at',
  'a',
  'the',
  'to',
  'from',
  'statement',
  'reporters',
  'pada',
  'kepada',
  'wartawan',
  'dari',
  'dalam',
  'pernyataan',
  'le',
  'lors',
  'el',
  'en',
  'am',
  'в',
  'на',
]);

/** A reporting verb just before the phrase (two words, fillers not counted) or right after it; or a dateline. */
function nearReporting(toks: Token[], i: number, j: number): boolean {
  // Dateline: "Minsk, June 11 (EFE) –", "PYONGYANG, July 28. /TASS/."
  if (toks[j + 1]?.t === '(' && toks[j + 3]?.t === ')' && toks[j + 2].t === toks[j + 2].t.toUpperCase())
    return true;
  if (toks[j + 1]?.t === '.' && toks[j + 2]?.t === '/') return true;
  let seen = 0;
  for (let k = i - 1; k >= 0 && seen < 2; k--) {
    if (!/\p{L}/u.test(toks[k].t[0])) continue;
    if (REPORTING_WORDS.has(toks[k].l)) return true;
    if (!REPORT_FILLERS.has(toks[k].l)) seen++;
  }
  for (let k = j + 1; k < toks.length; k++) {
    if (!/\p{L}/u.test(toks[k].t[0])) continue;
    return REPORTING_WORDS.has(toks[k].l);
  }
  return false;
}

function matchAt(
  toks: Token[],
  i: number,
  pub: Pub | null,
  dayFirst: boolean,
  language: string,
): Draft | null {
  const tok = toks[i];
  if (tok.num) return matchNumeric(toks, i, pub, dayFirst, language);
  const rel = matchRelative(toks, i, pub);
  if (rel) return rel;
  if (MONTHS.has(tok.l)) return matchMonth(toks, i, pub);
  if (WEEKDAYS.has(tok.l)) {
    // "Selasa (6/9)": the date in parentheses decides; the weekday only joins its span.
    if (toks[i + 1]?.t === '(' && toks[i + 2]?.num) return matchNumeric(toks, i + 2, pub, dayFirst, language);
    return matchWeekday(toks, i, pub);
  }
  return null;
}

/** "2022-02-24", "24/02/2022", "(6/9)", "2023.12.16", "8월", "17일", "2024년", "in 2006", and "24 Februari ..." via the month. */
function matchNumeric(
  toks: Token[],
  i: number,
  pub: Pub | null,
  dayFirst: boolean,
  language: string,
): Draft | null {
  const a = toks[i];
  const sep = toks[i + 1]?.t;
  const b = toks[i + 2];
  // A day before a month name is handled when the month token is reached, so leave it.
  if ((sep === '/' || sep === '-' || sep === '.') && b?.num) {
    const c = toks[i + 4];
    const threePart = toks[i + 3]?.t === sep && c?.num;
    if (a.t.length === 4 && threePart) {
      const [y, m, d] = [Number(a.t), Number(b.t), Number(c.t)];
      if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) {
        return { i, j: i + 4, value: ymd(y, m, d), granularity: 'day', relative: false };
      }
      return null;
    }
    if (sep === '/' || sep === '.' || (sep === '-' && threePart)) {
      let [d, m] = [Number(a.t), Number(b.t)];
      let y: number | null = null;
      let j = i + 2;
      if (threePart && (c.t.length === 4 || c.t.length === 2)) {
        y = c.t.length === 2 ? 2000 + Number(c.t) : Number(c.t);
        j = i + 4;
      }
      // Bare "6/9" is a date only in parentheses or after a weekday ("Selasa (6/9)"); "6.9" never.
      const inParens = toks[i - 1]?.t === '(' && toks[j + 1]?.t === ')';
      const afterWeekday =
        WEEKDAYS.has(toks[i - 1]?.l ?? '') || (toks[i - 1]?.t === '(' && WEEKDAYS.has(toks[i - 2]?.l ?? ''));
      if (y == null && (!(inParens || afterWeekday) || sep !== '/')) return null;
      if (a.t.length > 2 || b.t.length > 2) return null;
      const first = dayFirst || d > 12 || language === 'id' || language === 'ms';
      if (!first && m <= 12) [d, m] = [m, d];
      if (m < 1 || m > 12 || d < 1) return null;
      if (y == null) {
        if (!pub) return null;
        y = yearOfDayMonth(pub, m, d);
      }
      if (d > daysInMonth(y, m)) return null;
      let start = i;
      let end = j;
      // Take the weekday and parentheses along: "Selasa (6/9)".
      if (inParens) {
        start = i - 1;
        end = j + 1;
        if (WEEKDAYS.has(toks[i - 2]?.l ?? '')) start = i - 2;
      } else if (afterWeekday) start = i - 1;
      return { i: start, j: end, value: ymd(y, m, d), granularity: 'day', relative: false };
    }
  }
  const next = toks[i + 1];
  // Korean: 2024년 (9월 (7일)), 9월, 17일
  if (next && !next.num && (next.l === '년' || next.l === '월' || next.l === '일'))
    return matchKorean(toks, i, pub);
  const year = asYear(a);
  if (year != null) {
    const prev = toks[i - 1]?.l ?? '';
    const prev2 = toks[i - 2]?.l ?? '';
    const after = next?.l ?? '';
    if (
      DATE_PREPOSITIONS.has(prev) ||
      (prev === 'the' && DATE_PREPOSITIONS.has(prev2)) ||
      after === 'году' ||
      after === 'г'
    ) {
      return {
        i,
        j: after === 'году' || after === 'г' ? i + 1 : i,
        value: String(year),
        granularity: 'year',
        relative: false,
      };
    }
  }
  return null;
}

function matchKorean(toks: Token[], i: number, pub: Pub | null): Draft | null {
  let k = i;
  let y: number | null = null;
  let m: number | null = null;
  let d: number | null = null;
  if (toks[k + 1]?.l === '년' && asYear(toks[k]) != null) {
    y = Number(toks[k].t);
    k += 2;
  }
  if (toks[k]?.num && toks[k + 1]?.l === '월' && Number(toks[k].t) >= 1 && Number(toks[k].t) <= 12) {
    m = Number(toks[k].t);
    k += 2;
  }
  if (toks[k]?.num && toks[k + 1]?.l === '일' && asDay(toks[k]) != null) {
    d = Number(toks[k].t);
    k += 2;
  }
  const j = k - 1;
  if (j < i) return null;
  const past = PAST_MARKERS.has(toks[i - 1]?.l ?? '');
  const start = past ? i - 1 : i;
  if (m == null && d == null)
    return y != null ? { i: start, j, value: String(y), granularity: 'year', relative: false } : null;
  if (m == null && d != null) {
    // "지난 17일": a day of the publication month, or of the month before when it is still ahead.
    if (!pub || pub.m == null) return null;
    let [yy, mm] = [y ?? pub.y, pub.m];
    if (pub.d != null && d > pub.d) [yy, mm] = mm === 1 ? [yy - 1, 12] : [yy, mm - 1];
    if (d > daysInMonth(yy, mm)) return null;
    return { i: start, j, value: ymd(yy, mm, d), granularity: 'day', relative: true };
  }
  const month = m as number;
  if (y == null) {
    if (!pub) return null;
    y = d != null ? yearOfDayMonth(pub, month, d) : yearOfMonth(pub, month, past ? 'past' : 'bare');
  }
  if (d != null && d > daysInMonth(y, month)) return null;
  return {
    i: start,
    j,
    value: d != null ? ymd(y, month, d) : ym(y, month),
    granularity: d != null ? 'day' : 'month',
    relative: false,
  };
}

function matchRelative(toks: Token[], i: number, pub: Pub | null): Draft | null {
  const list = RELATIVE_PHRASES.get(toks[i].l);
  if (!list) return null;
  for (const p of list) {
    let ok = true;
    for (let k = 1; k < p.tokens.length && ok; k++) ok = toks[i + k]?.l === p.tokens[k];
    if (!ok) continue;
    const j = i + p.tokens.length - 1;
    if (!pub) return null;
    const value = resolveRelative(pub, p.unit, p.delta);
    if (!value) return null;
    return { i, j, value: value.value, granularity: value.granularity, relative: true };
  }
  return null;
}

/**
 * "yesterday" -> the day before publication; "bulan lalu" -> the month before; "tahun ini" -> the
 * year; "last week"/"pekan lalu" -> the month that day fell in (a week is not an ISO date or month,
 * and the month is what the claims stage stores).
 */
function resolveRelative(
  pub: Pub,
  unit: RelativeUnit,
  delta: number,
): { value: string; granularity: DateGranularity } | null {
  if (unit === 'year') return { value: String(pub.y + delta), granularity: 'year' };
  if (pub.m == null) return null;
  if (unit === 'month') {
    const idx = pub.y * 12 + (pub.m - 1) + delta;
    return { value: ym(Math.floor(idx / 12), (idx % 12) + 1), granularity: 'month' };
  }
  if (pub.d == null)
    return unit === 'week' && delta === 0 ? { value: ym(pub.y, pub.m), granularity: 'month' } : null;
  const [y, m, d] = addDays(pub.y, pub.m, pub.d, unit === 'day' ? delta : delta * 7);
  return unit === 'day'
    ? { value: ymd(y, m, d), granularity: 'day' }
    : { value: ym(y, m), granularity: 'month' };
}

/** "24 Februari 2022", "24 Februari", "5. Juli", "5 de julio de 2022", "June 8", "Jan. 11, 2024", "Agustus", "Juli lalu", "late June". */
function matchMonth(toks: Token[], i: number, pub: Pub | null): Draft | null {
  const tok = toks[i];
  const month = MONTHS.get(tok.l) as number;
  let start = i;
  let end = i;
  let day: number | null = null;
  let year: number | null = null;
  // Day before: "24 Februari", "5. Juli", "5 de julio", "1er mars".
  let k = i - 1;
  if (toks[k] && (toks[k].t === '.' || ORDINALS.has(toks[k].l))) k--;
  if (asDay(toks[k]) != null && !(toks[k - 1]?.t === '/' || toks[k - 1]?.t === '.')) {
    day = asDay(toks[k]);
    start = k;
  }
  // After: "June 8", "Jan. 11, 2024", "Februari 2022", "de 2022".
  k = i + 1;
  if (toks[k]?.t === '.') k++;
  if (day == null && asDay(toks[k]) != null && asYear(toks[k]) == null) {
    day = asDay(toks[k]);
    end = k;
    k++;
    if (toks[k] && ORDINALS.has(toks[k].l) && toks[k].l !== 'de') end = k++;
  }
  if (toks[k]?.t === ',') k++;
  if (toks[k] && (toks[k].l === 'de' || toks[k].l === 'del' || toks[k].l === 'года' || toks[k].l === 'tahun'))
    k++;
  if (asYear(toks[k]) != null) {
    year = asYear(toks[k]);
    end = k;
    if (toks[k + 1]?.l === 'года' || toks[k + 1]?.l === 'г') end = k + 1;
  }
  // Ordinary-word spellings ("may", "march", "mar", "jun") need a capital and a number or a preposition.
  if (AMBIGUOUS_MONTHS.has(tok.l) || tok.l === 'march' || tok.l === 'may') {
    const prev = toks[i - 1]?.l ?? '';
    const framed =
      day != null ||
      year != null ||
      DATE_PREPOSITIONS.has(prev) ||
      MONTH_QUALIFIERS.has(prev) ||
      PAST_MARKERS.has(prev) ||
      FUTURE_MARKERS.has(prev);
    if (!isUpper(tok.t) || !framed) return null;
    if (
      tok.l.length <= 4 &&
      day == null &&
      year == null &&
      tok.l !== 'may' &&
      tok.l !== 'mai' &&
      tok.l !== 'juni' &&
      tok.l !== 'juli'
    ) {
      if (toks[i + 1]?.t !== '.') return null;
    }
  }
  // Qualifiers and markers around a month without a day: "late June", "akhir Juni", "Juli lalu", "last July".
  let mode: 'bare' | 'past' | 'future' = 'bare';
  if (day == null) {
    const prev = toks[start - 1]?.l ?? '';
    if (PAST_MARKERS.has(prev)) {
      mode = 'past';
      start--;
    } else if (FUTURE_MARKERS.has(prev)) {
      mode = 'future';
      start--;
    }
    if (MONTH_QUALIFIERS.has(toks[start - 1]?.l ?? '')) start--;
    else if (toks[start - 1]?.t === '-' && MONTH_QUALIFIERS.has(toks[start - 2]?.l ?? '')) start -= 2;
    const next = toks[end + 1]?.l ?? '';
    if (year == null && PAST_MARKERS.has(next)) {
      mode = 'past';
      end++;
    } else if (year == null && FUTURE_MARKERS.has(next)) {
      mode = 'future';
      end++;
    }
  }
  const inferred = year == null;
  if (day != null) {
    if (year == null) {
      if (!pub) return null;
      year = yearOfDayMonth(pub, month, day);
    }
    if (day > daysInMonth(year, month)) return null;
    return { i: start, j: end, value: ymd(year, month, day), granularity: 'day', relative: inferred };
  }
  if (year == null) {
    if (!pub) return null;
    year = yearOfMonth(pub, month, mode);
  }
  return { i: start, j: end, value: ym(year, month), granularity: 'month', relative: inferred };
}

/** "on Tuesday", "Selasa", "Jumat lalu": the latest such day up to publication ("lalu"/"last": strictly before). */
function matchWeekday(toks: Token[], i: number, pub: Pub | null): Draft | null {
  const tok = toks[i];
  // A lower-case "minggu" is "week"; English abbreviations ("sat", "sun", "wed") only capitalised and alone.
  if (!isUpper(tok.t)) return null;
  if (tok.l.length <= 4 && tok.l !== 'rabu' && tok.l !== 'hier') {
    if (!/^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/.test(tok.l) || toks[i + 1]?.t !== '.')
      return null;
  }
  const w = WEEKDAYS.get(tok.l) as number;
  let end = i;
  let strict = false;
  if (PAST_MARKERS.has(toks[i + 1]?.l ?? '')) {
    strict = true;
    end = i + 1;
  }
  let start = i;
  if (PAST_MARKERS.has(toks[i - 1]?.l ?? '')) {
    strict = true;
    start = i - 1;
  }
  if (!pub || pub.m == null || pub.d == null) return null;
  const pubDow = new Date(Date.UTC(pub.y, pub.m - 1, pub.d)).getUTCDay();
  let back = (pubDow - w + 7) % 7;
  if (strict && back === 0) back = 7;
  const [y, m, d] = addDays(pub.y, pub.m, pub.d, -back);
  return { i: start, j: end, value: ymd(y, m, d), granularity: 'day', relative: true };
}

const RANK: Record<DateGranularity, number> = { day: 3, month: 2, year: 1 };

/** The phrase that best dates the event of a sentence: not a reporting date, not a "since", the most specific. */
export function pickEventPhrase(phrases: DatePhrase[]): DatePhrase | null {
  let best: DatePhrase | null = null;
  for (const p of phrases) {
    if (p.reporting) continue;
    if (
      !best ||
      (best.since && !p.since) ||
      (best.since === p.since && RANK[p.granularity] > RANK[best.granularity])
    )
      best = p;
  }
  return best;
}

/**
 * The date phrase nearest a character offset of the sentence (for a sentence with two events and
 * two dates, the one closest to the claim's words). Reporting dates are skipped unless asked for.
 */
export function nearestDatePhrase(
  sentence: string,
  offset: number,
  publishedAt: string | null,
  language: string,
  opts: { includeReporting?: boolean } = {},
): DatePhrase | null {
  let best: DatePhrase | null = null;
  let bestDist = Infinity;
  for (const p of findDatePhrases(sentence, publishedAt, language)) {
    if (p.reporting && !opts.includeReporting) continue;
    const dist = offset < p.start ? p.start - offset : offset > p.end ? offset - p.end : 0;
    if (dist < bestDist) [best, bestDist] = [p, dist];
  }
  return best;
}
