import { actorRegistry } from '../actors/actor-registry';
import { ZONE_ABBREVIATIONS, ZONE_PHRASES, cityZones } from './time-zone-lexicon';

/** A wall-clock time of a date line, to find a zone's offset on that day. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A zone named in a text: a fixed offset ("+07:00") or an IANA zone, and the words that named it. */
export interface ZoneMention {
  /** "+07:00" or "Europe/Paris"; for an ambiguous abbreviation, every zone it may mean (usual first). */
  zones: readonly string[];
  /** The text that named it ("WIB", "GMT+3", "heure de Paris"). */
  label: string;
  /** Where it was found in the text. */
  index: number;
  /** Stated as an offset ("GMT+3", "UTC-04:00", "+03:00"): it beats an abbreviation beside it. */
  explicit: boolean;
}

const FIXED = /^[+-]\d{2}:\d{2}$/;
const pad = (n: number): string => String(n).padStart(2, '0');

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes east of UTC of an IANA zone at an instant ("GMT+06:30" -> 390). */
function offsetMinutesAt(f: Intl.DateTimeFormat, utcMs: number): number {
  const name = f.formatToParts(new Date(utcMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The UTC offset ("+02:00") of a zone at a local wall time: fixed offsets as they are; IANA zones
 * with their daylight-saving rules on that day (Europe/Paris is +01:00 in February, +02:00 in
 * April). Null for an unknown zone.
 */
export function zoneOffset(zone: string, wall: WallTime): string | null {
  if (FIXED.test(zone)) return zone;
  const f = formatterFor(zone);
  if (!f) return null;
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offset at the wall time read as UTC, then at the instant that offset gives (DST edges).
  let off = offsetMinutesAt(f, asUtc);
  const second = offsetMinutesAt(f, asUtc - off * 60_000);
  if (second !== off) off = second;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Chooses among an ambiguous abbreviation's zones the one whose offset the hint zone has that day. */
export function resolveZone(mention: ZoneMention, wall: WallTime, hintZone: string | null): string | null {
  const offsets = mention.zones.map((z) => zoneOffset(z, wall));
  if (offsets.length > 1 && hintZone) {
    const hint = zoneOffset(hintZone, wall);
    const i = hint ? offsets.indexOf(hint) : -1;
    if (i >= 0) return offsets[i];
  }
  return offsets[0] ?? null;
}

function offsetText(sign: string, h: string, m: string | undefined): string | null {
  const hh = Number(h);
  const mm = m ? Number(m) : 0;
  if (hh > 14 || mm > 59) return null;
  return `${sign}${pad(hh)}:${pad(mm)}`;
}

// "GMT+3", "UTC-04:00", "GMT +7", "UTC+05:30"; an abbreviation in capitals; or an offset on its own.
const ABBREVIATION = new RegExp(
  `(?<![\\p{L}])(${[...ZONE_ABBREVIATIONS.keys()].sort((a, b) => b.length - a.length).join('|')})` +
    `(?:\\s?([+-−])\\s?(\\d{1,2})(?::?(\\d{2}))?(?!\\d))?(?![\\p{L}])`,
  'gu',
);
const BARE_OFFSET = /(?<![\d\p{L}])([+-−])(\d{2}):?(\d{2})(?!\d)/gu;
// "heure de Paris", "hora de La Paz", "horário de Brasília", "hora en Madrid".
const OF_CITY =
  /\b(?:heure|hora|horário|horario|ora)\s+(?:de\s+|d'|del\s+|en\s+|di\s+)(\p{L}[\p{L}' .-]{1,30})/giu;
const ARABIC_CITY = /بتوقيت\s+([\p{L} ]{2,30})/gu;
// "Moscow time", "Beijing time" (the city capitalised).
const CITY_TIME = /(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)?)\s+time\b/gu;

// Two instants a year apart by half: a country keeps one offset when all its zones agree on both.
const WINTER = Date.UTC(2025, 0, 15, 12);
const SUMMER = Date.UTC(2025, 6, 15, 12);
const countryZones = new Map<string, string | null>();

/**
 * The zone of a country (ISO alpha-2) when the whole country keeps one offset (CLDR's zones of the
 * region all agree winter and summer: Kazakhstan, Algeria, Vietnam), else null (Russia, the US, Brazil).
 */
export function countryZone(alpha2: string): string | null {
  let zone = countryZones.get(alpha2);
  if (zone !== undefined) return zone;
  zone = null;
  try {
    const locale = new Intl.Locale(`und-${alpha2}`) as Intl.Locale & {
      timeZones?: string[];
      getTimeZones?: () => string[];
    };
    const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
    const offsets = new Set<string>();
    for (const z of zones) {
      const f = formatterFor(z);
      if (f) for (const t of [WINTER, SUMMER]) offsets.add(`${t}|${offsetMinutesAt(f, t)}`);
    }
    if (zones.length && offsets.size === 2) zone = zones[0];
  } catch {
    zone = null;
  }
  countryZones.set(alpha2, zone);
  return zone;
}

/**
 * The zone of a place: a city of the zone table, else a state's capital (or, with `names`, a state)
 * from the actor registry in any language, when that state keeps one offset ("Astana", "الجزائر").
 */
function placeZone(place: string, names: boolean): string | null {
  const city = cityZones().get(place.toLowerCase());
  if (city) return city;
  const state = actorRegistry().placeState(place, names);
  const alpha2 = state ? actorRegistry().get(state)?.alpha2 : undefined;
  return alpha2 ? countryZone(alpha2) : null;
}

/** The longest known place at the start of a phrase ("La Paz)" -> La Paz, "مكة المكرمة" -> Mecca, "Astana"). */
function cityAtStart(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).slice(0, 4);
  for (let n = words.length; n > 0; n--) {
    const key = words
      .slice(0, n)
      .join(' ')
      .replace(/[)\],.;:]+$/, '');
    const zone = placeZone(key, true);
    if (zone) return zone;
  }
  return null;
}

/**
 * Every zone a date line names, in text order: abbreviations ("WIB", "(MMT)", "CEST"), stated
 * offsets ("GMT+7", "UTC-3", "+03:00"), city phrases ("heure de Paris", "hora de La Paz",
 * "بتوقيت مكة المكرمة", "Moscow time") and zone phrases ("по московскому времени", "北京时间").
 */
export function findZoneMentions(text: string): ZoneMention[] {
  const out: ZoneMention[] = [];
  const s = text.length > 400 ? text.slice(0, 400) : text;
  for (const m of s.matchAll(ABBREVIATION)) {
    if (m[2]) {
      const offset = offsetText(m[2] === '−' ? '-' : m[2], m[3], m[4]);
      if (offset) out.push({ zones: [offset], label: m[0], index: m.index, explicit: true });
      continue;
    }
    const z = ZONE_ABBREVIATIONS.get(m[1]);
    if (z) out.push({ zones: typeof z === 'string' ? [z] : z, label: m[1], index: m.index, explicit: false });
  }
  for (const m of s.matchAll(BARE_OFFSET)) {
    // Part of "GMT+3" already, or a number range ("10-12"): only "+hh:mm" / "-hhmm" forms count.
    if (out.some((o) => o.explicit && m.index >= o.index && m.index < o.index + o.label.length)) continue;
    const offset = offsetText(m[1] === '−' ? '-' : m[1], m[2], m[3]);
    if (offset) out.push({ zones: [offset], label: m[0], index: m.index, explicit: true });
  }
  for (const re of [OF_CITY, ARABIC_CITY, CITY_TIME]) {
    for (const m of s.matchAll(re)) {
      const zone = cityAtStart(m[1]);
      if (zone) out.push({ zones: [zone], label: m[0], index: m.index, explicit: false });
    }
  }
  const lower = s.toLowerCase();
  for (const [phrase, zone] of ZONE_PHRASES) {
    const i = lower.indexOf(phrase);
    if (i >= 0) out.push({ zones: [zone], label: phrase, index: i, explicit: false });
  }
  return out.sort((a, b) => a.index - b.index);
}

// A dateline: a capitalised place, maybe "A/B", then a separator ("YANGON, Nov 5 (Asia Wire) —",
// "DURBAN —", "New Delhi:", "LA PAZ.–", "Berlin/Kiew.", "МОСКВА, 22 мая", "الرياض - ").
const DATELINE =
  /^[\s【[(]*([\p{Lu}\p{Lo}][\p{L}\p{M}'’. -]{1,30}?)(?:\s?\/\s?[\p{L}\p{M} ]{2,30}?)?\s*(?:[,:=【(]|\.\s?[–—-]|\s[–—-]|[–—]|\.(?=\s\p{Lu})|\.$|$)/u;

/** The zone of the city a dateline opens with (a zone's city, or a capital of a one-offset state), or null. */
export function datelineZone(line: string): string | null {
  const m = DATELINE.exec(line.length > 80 ? line.slice(0, 80) : line);
  if (!m) return null;
  const name = m[1].trim().replace(/\.$/, '');
  if (!name || name.split(' ').length > 4) return null;
  return placeZone(name, false);
}
