import { MONTHS, daysInMonth, toAsciiDigits } from './calendar-lexicon';
import { letterWordEnd } from './letters';
import { ZoneMention, findZoneMentions, resolveZone } from './time-zones';

/** A calendar date (day may be unknown), with the time and UTC offset where the text gives them. */
export interface DateParts {
  year: number;
  month: number;
  day: number | null;
  hour: number | null;
  minute: number | null;
  second: number | null;
  /** "+07:00", or null when the text names no zone (the time is then local, as stated). */
  offset: string | null;
  /** The words that named the zone ("WIB", "GMT+3", "heure de Paris"), or null. */
  zone?: string | null;
  /** A numeric date both ways possible ("03/04/2023") read by `dayFirst`, not by its own numbers. */
  orderGuessed?: boolean;
  /** Where the date (without the time) was found in the text. */
  start: number;
  end: number;
}

export interface ParseOptions {
  /**
   * For numeric dates both ways possible with slashes or hyphens (03/04/2023): day first unless
   * the language is English. Dotted dates (08.10.2025) are always day first (no month-first
   * convention writes dots).
   */
  dayFirst?: boolean;
  /** The page's likely zone (its dateline's or language's): picks among zones sharing an abbreviation (IST, AST, CST). */
  hintZone?: string | null;
}

const ISO =
  /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)/;
const KOREAN = /(\d{4})\s?년\s?(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?/;
// Japanese and Chinese: 2025年3月4日.
const CJK = /(\d{4})\s?年\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?/;
// 18時30分, 18时30分, 오후 3시 20분, 午後6時30分.
const CJK_TIME = /(?:(오전|오후|午前|午後|上午|下午)\s?)?(\d{1,2})\s?(?:時|时|시)\s?(\d{1,2})\s?(?:分|분)/;
// Arabic "صباحاً" (morning) and "مساءً" (evening) after a time.
const ARABIC_AM = /^\s?صباح/;
const ARABIC_PM = /^\s?(?:مساء|ليلا|ليلاً|عصرا|عصراً)/;
const YMD = /(?<![\d.])(\d{4})([./])(\d{1,2})\2(\d{1,2})(?![\d])/;
const DMY_NUMERIC = /(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d.])/;
const DAY_BEFORE = /(?<!\d)(\d{1,2})(?:\.|er|º|st|nd|rd|th)?\s{0,2}(?:de\s)?$/;
const YEAR_AFTER = /^\.?,?\s{0,2}(?:de\s|del\s)?(\d{4})(?!\d)/;
const DAY_YEAR_AFTER = /^\.?\s{1,2}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,2}(\d{4})(?!\d)/;
const TIME = /(?<![\d.,:])(\d{1,2})([:.h])(\d{2})(?:[:.](\d{2}))?(?![\d])(?:\s?([ap])\.?\s?m\b\.?)?/i;
/** What may stand between a date and its time: spaces and a separator ("12/09/2025 16h20", "… 2025 - 16h20"). */
const AFTER_DATE_GAP = /^[\s,|·•–—-]{0,5}$/;
const TIME_LABEL_BEFORE = /(?:pukul|jam|à|às|as|a las|alle|um|saat|godz\.?|в)\s?$/i;
const EXPLICIT_OFFSET = /^\s?([+-])(\d{1,2})(?::?(\d{2}))?(?!\d)/;

function valid(y: number, m: number, d: number | null): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12) return false;
  return d == null || (d >= 1 && d <= daysInMonth(y, m));
}

const pad = (n: number): string => String(n).padStart(2, '0');

function offsetOf(sign: string, h: string, m: string | undefined): string | null {
  const hh = Number(h);
  const mm = m ? Number(m) : 0;
  if (hh > 14 || mm > 59) return null;
  return `${sign}${pad(hh)}:${pad(mm)}`;
}

/** Finds the calendar date in a short text (a date line, a dateline, a URL path). */
function findDate(s: string, opts: ParseOptions): DateParts | null {
  const base = { hour: null, minute: null, second: null, offset: null };
  let m = ISO.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) {
      const parts: DateParts = { ...base, year: y, month: mo, day: d, start: m.index, end: m.index + 10 };
      if (m[4] && Number(m[4]) < 24 && Number(m[5]) < 60) {
        parts.hour = Number(m[4]);
        parts.minute = Number(m[5]);
        parts.second = m[6] ? Number(m[6]) : 0;
        parts.end = m.index + m[0].length;
        if (m[7])
          parts.offset =
            m[7] === 'Z'
              ? '+00:00'
              : offsetOf(m[7][0], m[7].slice(1, 3), m[7].slice(3).replace(':', '') || undefined);
      }
      return parts;
    }
  }
  m = KOREAN.exec(s) ?? CJK.exec(s);
  if (m && valid(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null)) {
    return {
      ...base,
      year: Number(m[1]),
      month: Number(m[2]),
      day: m[3] ? Number(m[3]) : null,
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  m = YMD.exec(s);
  if (m && valid(Number(m[1]), Number(m[3]), Number(m[4]))) {
    return {
      ...base,
      year: Number(m[1]),
      month: Number(m[3]),
      day: Number(m[4]),
      start: m.index,
      end: m.index + m[0].length,
    };
  }
  const words = findWordDate(s);
  if (words) return words;
  m = DMY_NUMERIC.exec(s);
  if (m) {
    let [a, b] = [Number(m[1]), Number(m[3])];
    const y = m[4].length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    const guessed = a <= 12 && b <= 12 && a !== b && m[2] !== '.';
    const dayFirst = a > 12 ? true : b > 12 ? false : m[2] === '.' || opts.dayFirst !== false;
    if (!dayFirst) [a, b] = [b, a];
    if (valid(y, b, a))
      return {
        ...base,
        year: y,
        month: b,
        day: a,
        start: m.index,
        end: m.index + m[0].length,
        orderGuessed: guessed,
      };
  }
  return null;
}

/** "07 September 2022", "7 de septiembre de 2022", "February 1, 2023", "Jan 16, 2024", "September 2017". */
function findWordDate(s: string): DateParts | null {
  const base = { hour: null, minute: null, second: null, offset: null };
  let monthOnly: DateParts | null = null;
  // The words of /\p{L}[\p{L}']*/gu: a letter, then letters and apostrophes (one table scan, no regex).
  for (let i = 0; i < s.length;) {
    const at = i;
    i = letterWordEnd(s, at);
    if (i === at) {
      i++;
      continue;
    }
    const month = MONTHS.get(s.slice(at, i).toLowerCase());
    if (!month) continue;
    const end = i;
    const before = s.slice(Math.max(0, at - 8), at);
    const after = s.slice(end, end + 14);
    const dayBefore = DAY_BEFORE.exec(before);
    const yearAfter = YEAR_AFTER.exec(after);
    if (dayBefore && yearAfter && valid(Number(yearAfter[1]), month, Number(dayBefore[1]))) {
      const start = at - (before.length - dayBefore.index);
      return {
        ...base,
        year: Number(yearAfter[1]),
        month,
        day: Number(dayBefore[1]),
        start,
        end: end + yearAfter[0].length,
      };
    }
    const dayYear = DAY_YEAR_AFTER.exec(after);
    if (dayYear && valid(Number(dayYear[2]), month, Number(dayYear[1]))) {
      return {
        ...base,
        year: Number(dayYear[2]),
        month,
        day: Number(dayYear[1]),
        start: at,
        end: end + dayYear[0].length,
      };
    }
    if (yearAfter && !dayBefore && !monthOnly && valid(Number(yearAfter[1]), month, null)) {
      monthOnly = {
        ...base,
        year: Number(yearAfter[1]),
        month,
        day: null,
        start: at,
        end: end + yearAfter[0].length,
      };
    }
  }
  return monthOnly;
}

/**
 * The date, time and offset stated in a short text such as a page's date line:
 * "Rabu, 07 September 2022, 07:47 WIB", "February 1, 2023 - 18:59", "2023-09-15T04:47:42+03:00",
 * "Published 3:04 PM EDT, Tue September 13, 2022", "2023.12.16", "29 Oktober 2024 | 19.00 WIB".
 * A month and year alone ("September 2017") come back with a null day; null when no date is found.
 */
export function parseDateText(text: string, opts: ParseOptions = {}): DateParts | null {
  const s = toAsciiDigits(text.length > 400 ? text.slice(0, 400) : text);
  const date = findDate(s, opts);
  if (!date) return null;
  if (date.offset != null) return date;
  // The time may stand before or after the date; blank the date out so its digits are not read as a time.
  let rest = s.slice(0, date.start) + ' '.repeat(date.end - date.start) + s.slice(date.end);
  // ISO "2025-08-21 15:00" carries its time: the zone may follow it.
  const timeEnd = date.hour != null ? date.end : readTime(date, rest);
  if (date.hour == null || date.day == null) return date;
  if (date.offset == null) {
    rest = s.slice(0, date.start) + ' '.repeat(date.end - date.start) + s.slice(date.end);
    const zone = pickZone(findZoneMentions(rest), timeEnd);
    if (zone) {
      const wall = {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: date.hour,
        minute: date.minute ?? 0,
      };
      date.offset = resolveZone(zone, wall, opts.hintZone ?? null);
      date.zone = date.offset ? zone.label : null;
    }
  }
  return date;
}

// Two-letter US zones are also common capitalised words ("PT Pindad", "MT Sea Star"): only right after the time.
const SHORT_ZONE = /^[A-Z]{2}$/;

/** A stated offset ("GMT+3", "+03:00") beats an abbreviation beside it ("AST, GMT+3"); else the first zone. */
function pickZone(mentions: ZoneMention[], timeEnd: number): ZoneMention | null {
  const usable = mentions.filter(
    (z) => !SHORT_ZONE.test(z.label) || (timeEnd >= 0 && z.index >= timeEnd && z.index <= timeEnd + 2),
  );
  return usable.find((z) => z.explicit) ?? usable[0] ?? null;
}

/**
 * Reads the time of a date line into `date` (with an offset written right after it, "14:00 +03:00");
 * returns where the time ends in the text, or -1.
 */
function readTime(date: DateParts, rest: string): number {
  const t = TIME.exec(rest);
  if (t) {
    let hour = Number(t[1]);
    const minute = Number(t[3]);
    const ampm = t[5]?.toLowerCase();
    const after = rest.slice(t.index + t[0].length, t.index + t[0].length + 12);
    const zoneNext = findZoneMentions(after)[0];
    const labelled = TIME_LABEL_BEFORE.test(rest.slice(Math.max(0, t.index - 8), t.index));
    // "14h05" right after the date ("12/09/2025 16h20", "12 septembre 2025, 16h20") is its time.
    const besideDate =
      t[2] === 'h' && t.index >= date.end && AFTER_DATE_GAP.test(rest.slice(date.end, t.index));
    // "19.00" or "14h05" only count as a time when a zone, am/pm or a label ("pukul") vouches for it.
    const plausible =
      t[2] === ':' || ampm != null || (zoneNext != null && zoneNext.index <= 2) || labelled || besideDate;
    if (plausible && minute < 60 && (ampm ? hour >= 1 && hour <= 12 : hour < 24)) {
      if (ampm === 'p' && hour < 12) hour += 12;
      if (ampm === 'a' && hour === 12) hour = 0;
      if (!ampm && hour < 12 && ARABIC_PM.test(after)) hour += 12;
      if (!ampm && hour === 12 && ARABIC_AM.test(after)) hour = 0;
      date.hour = hour;
      date.minute = minute;
      date.second = t[4] ? Number(t[4]) : 0;
      const explicit = EXPLICIT_OFFSET.exec(after);
      if (explicit && explicit[2].length === 2) {
        date.offset = offsetOf(explicit[1], explicit[2], explicit[3]);
        date.zone = explicit[0].trim();
      }
      return t.index + t[0].length;
    }
  }
  const c = CJK_TIME.exec(rest);
  if (c && Number(c[2]) < 24 && Number(c[3]) < 60) {
    let hour = Number(c[2]);
    if ((c[1] === '오후' || c[1] === '午後' || c[1] === '下午') && hour < 12) hour += 12;
    date.hour = hour;
    date.minute = Number(c[3]);
    date.second = 0;
    return c.index + c[0].length;
  }
  return -1;
}

/** ISO 8601 of parsed parts: "2022-09-07T07:47:00+07:00", "2023-02-01T18:59:00" (local), "2024-01-16", "2024-04". */
export function formatDateParts(p: DateParts): string {
  const date = p.day == null ? `${p.year}-${pad(p.month)}` : `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  if (p.day == null || p.hour == null || p.minute == null) return date;
  return `${date}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second ?? 0)}${p.offset ?? ''}`;
}
