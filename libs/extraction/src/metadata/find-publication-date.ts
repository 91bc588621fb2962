import { DateParts, ParseOptions, formatDateParts, parseDateText } from '../temporal/parse-date-text';
import { LANGUAGE_HINT_ZONES, LANGUAGE_HOME_ZONES } from '../temporal/time-zone-lexicon';
import { countryZone, datelineZone, zoneOffset } from '../temporal/time-zones';

/** A line of the page as the date finder sees it. */
export interface DateLine {
  text: string;
  /** Running text (a date there is only taken at the very start of the line, as in "date 2025-06-26 ..."). */
  body: boolean;
}

// A date written into the URL path: /2024/01/16/, /2023-06-12/, /20241023/, /2024/04/.
const URL_YMD = /\/(20\d{2}|19\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/;
const URL_COMPACT = /\/(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/;
const URL_YM = /\/(20\d{2})\/(0[1-9]|1[0-2])\//;
// Only a label and separators may stand before a date at the start of a body line.
const LEADING_LABEL =
  /^[\s\p{P}]*(?:date|published|posted|updated|diterbitkan|dipublikasikan|publié|publicado|veröffentlicht|опубликовано)?[\s:\p{P}]*$/iu;
const ISO_INPUT =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(Z|[+-]\d{2}:?\d{2})?)?)?$/;

/** A caller-given published_at, kept as it is when it is ISO 8601, else parsed like a date line. */
export function normalizePublishedAt(value: string | null | undefined): string | null {
  if (!value || typeof value !== 'string') return null;
  const v = value.trim();
  const m = ISO_INPUT.exec(v);
  if (m) {
    if (!m[4]) return v;
    const offset = m[7]
      ? m[7] === 'Z'
        ? 'Z'
        : m[7].length === 5
          ? `${m[7].slice(0, 3)}:${m[7].slice(3)}`
          : m[7]
      : '';
    return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${offset === 'Z' ? '+00:00' : offset}`;
  }
  const parts = parseDateText(v);
  return parts ? formatDateParts(parts) : null;
}

const UPDATED =
  /\b(?:updated?|diperbarui|pembaruan|mis à jour|actualizado|atualizado|aktualisiert|güncelleme)\b|обновлено|수정|更新/i;

function score(p: DateParts): number {
  return (p.day != null ? 4 : 0) + (p.hour != null ? 2 : 0) + (p.offset != null ? 1 : 0);
}

/**
 * The publication time of a page: the best-stated date among its date lines (a day, a time and
 * a zone beat a bare day), else a date opening the first lines, else a date in the URL path.
 * The offset is the one the date line states (WIB, EDT, "GMT+3", "heure de Paris"); when it states
 * a time but no zone, the zone its language is written in (Indonesian WIB, Japanese JST, French
 * Paris time: `LANGUAGE_HOME_ZONES`), else the zone of the dateline's city ("YANGON, Nov 5 —");
 * else the time stays local, without an offset.
 */
export function findPublicationDate(lines: DateLine[], url: string | null, language: string): string | null {
  const dateline = findDatelineZone(lines) ?? siteZone(url);
  const homeZone = LANGUAGE_HOME_ZONES.get(language) ?? null;
  const hintZone = dateline ?? homeZone ?? LANGUAGE_HINT_ZONES.get(language) ?? null;
  const opts: ParseOptions = { dayFirst: language !== 'en', hintZone };
  let best: DateParts | null = null;
  let bestScore = 0;
  let bodyLines = 0;
  const consider = (p: DateParts | null, text: string): void => {
    if (!p || p.day == null) return;
    // "Updated ..." loses to the first publication when both are stated as precisely.
    const sc = score(p) - (UPDATED.test(text) ? 0.5 : 0);
    if (sc > bestScore) [best, bestScore] = [p, sc];
  };
  const parse = (text: string): DateParts | null => {
    const p = parseDateText(text, opts);
    // English outside the Americas (a zone or dateline says so) writes numeric dates day first.
    if (p?.orderGuessed && language === 'en' && outsideAmericas(p, hintZone))
      return parseDateText(text, { ...opts, dayFirst: true });
    return p;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.body) {
      // Past the first paragraphs any date is about the story, not the page.
      if (++bodyLines > 3) break;
      const p = parse(line.text.slice(0, 60));
      if (p && LEADING_LABEL.test(line.text.slice(0, p.start))) consider(p, line.text);
      continue;
    }
    if (line.text.length > 160) continue;
    let p = parse(line.text);
    // The time may stand on the next line ("Rabu, 07 September 2022" / "07:47 WIB").
    const next = lines[i + 1];
    if (p && p.day != null && p.hour == null && next && !next.body && next.text.length <= 30) {
      p = parse(`${line.text} ${next.text}`) ?? p;
    }
    consider(p, line.text);
  }
  if (best) return formatDateParts(withDefaultZone(best, homeZone ?? dateline));
  return url ? dateFromUrl(url) : null;
}

/** A time stated without a zone gets the page's zone, when one is known. */
function withDefaultZone(p: DateParts, zone: string | null): DateParts {
  if (p.offset != null || p.hour == null || p.day == null || !zone) return p;
  const offset = zoneOffset(zone, {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute ?? 0,
  });
  return offset ? { ...p, offset } : p;
}

function outsideAmericas(p: DateParts, hintZone: string | null): boolean {
  if (p.offset != null)
    return !p.offset.startsWith('-') && p.offset !== '+00:00' ? true : p.offset === '+00:00';
  return hintZone != null && !hintZone.startsWith('America/');
}

// Country-code domains that sites anywhere use for their letters, not their country.
const GENERIC_CCTLDS = new Set([
  'ac',
  'ai',
  'am',
  'cc',
  'co',
  'fm',
  'gg',
  'io',
  'is',
  'la',
  'ly',
  'me',
  'nu',
  'sh',
  'so',
  'tk',
  'to',
  'tv',
  'vc',
  'ws',
]);
const HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i;

/**
 * The zone of a site's country, from its country-code domain ("inquirer.com.ph", "dawn.com.pk"),
 * when that country keeps one offset; null for generic domains (.com, .org, .io, .tv) and countries
 * of several zones.
 */
function siteZone(url: string | null): string | null {
  const host = url ? HOST.exec(url.length > 300 ? url.slice(0, 300) : url)?.[1].toLowerCase() : undefined;
  const tld = host?.slice(host.lastIndexOf('.') + 1);
  if (!tld || tld.length !== 2 || GENERIC_CCTLDS.has(tld)) return null;
  return countryZone(tld === 'uk' ? 'GB' : tld.toUpperCase());
}

/** The zone of the dateline city opening one of the first lines of the story ("MOSCOW, Dec 4 (TASS) -"). */
function findDatelineZone(lines: DateLine[]): string | null {
  let body = 0;
  for (const line of lines) {
    if (line.body && ++body > 2) break;
    const zone = datelineZone(line.text);
    if (zone) return zone;
  }
  return null;
}

function dateFromUrl(url: string): string | null {
  const path = url.length > 500 ? url.slice(0, 500) : url;
  const m = URL_YMD.exec(path) ?? URL_COMPACT.exec(path);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const ym = URL_YM.exec(path);
  return ym ? `${ym[1]}-${ym[2]}` : null;
}
