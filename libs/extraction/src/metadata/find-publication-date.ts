import { DateParts, formatDateParts, parseDateText } from '../temporal/parse-date-text';

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

const UPDATED = /\b(?:updated?|diperbarui|pembaruan|mis à jour|actualizado|aktualisiert)\b|обновлено|수정/i;

function score(p: DateParts): number {
  return (p.day != null ? 4 : 0) + (p.hour != null ? 2 : 0) + (p.offset != null ? 1 : 0);
}

/**
 * The publication time of a page: the best-stated date among its date lines (a day, a time and
 * a zone beat a bare day), else a date opening the first lines, else a date in the URL path.
 * Offsets come only from the page (WIB, EDT, +03:00); a time without a zone stays local.
 */
export function findPublicationDate(lines: DateLine[], url: string | null, language: string): string | null {
  const dayFirst = language !== 'en';
  let best: DateParts | null = null;
  let bestScore = 0;
  let bodyLines = 0;
  const consider = (p: DateParts | null, text: string): void => {
    if (!p || p.day == null) return;
    // "Updated ..." loses to the first publication when both are stated as precisely.
    const sc = score(p) - (UPDATED.test(text) ? 0.5 : 0);
    if (sc > bestScore) [best, bestScore] = [p, sc];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.body) {
      // Past the first paragraphs any date is about the story, not the page.
      if (++bodyLines > 3) break;
      const p = parseDateText(line.text.slice(0, 60), { dayFirst });
      if (p && LEADING_LABEL.test(line.text.slice(0, p.start))) consider(p, line.text);
      continue;
    }
    if (line.text.length > 160) continue;
    let p = parseDateText(line.text, { dayFirst });
    // The time may stand on the next line ("Rabu, 07 September 2022" / "07:47 WIB").
    const next = lines[i + 1];
    if (p && p.day != null && p.hour == null && next && !next.body && next.text.length <= 30) {
      p = parseDateText(`${line.text} ${next.text}`, { dayFirst }) ?? p;
    }
    consider(p, line.text);
  }
  if (best) return formatDateParts(best);
  return url ? dateFromUrl(url) : null;
}

function dateFromUrl(url: string): string | null {
  const path = url.length > 500 ? url.slice(0, 500) : url;
  const m = URL_YMD.exec(path) ?? URL_COMPACT.exec(path);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const ym = URL_YM.exec(path);
  return ym ? `${ym[1]}-${ym[2]}` : null;
}
