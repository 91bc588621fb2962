import { MONTHS, WEEKDAYS } from '../temporal/calendar-lexicon';
import { parseDateText } from '../temporal/parse-date-text';
import { ZONE_ABBREVIATIONS } from '../temporal/time-zone-lexicon';
import { endsWithTerminal } from './line-shape';

/** Words that label a date line rather than say something: "Published", "Mis à jour le", "Stand", "Uhr". */
const DATE_LINE_WORDS = new Set(
  [
    'published on at by last updated update posted modified time local min read reading',
    'a.m am p.m pm',
    'diterbitkan diperbarui dipublikasikan pukul jam waktu setempat dibaca menit',
    'publié publiée le mis à jour heure heures lecture',
    'publicado actualizado atualizado el de del a las às hora horário horas minutos lectura leitura',
    'veröffentlicht aktualisiert stand uhr am um zuletzt lesezeit',
    'опубликовано обновлено обновлён мин время',
    'güncelleme güncellenme yayınlanma tarih saat dakika',
    'نشر في تحديث آخر بتوقيت الساعة صباحا صباحاً مساء مساءً دقائق',
    '입력 수정 기사입력 업데이트 更新 公開 配信 发布 發布',
  ]
    .join(' ')
    .split(' '),
);

const DATEISH = /\d{4}|\d{1,2}[./-]\d{1,2}|\d年/;
const SPLIT = /[\s|·•,;()[\]{}–—\-/]+/;

/**
 * A line that only states when the page was published or updated, possibly with a byline or a
 * reading time beside it: "Tuesday, November 5, 2024 — 4:45 p.m. (MMT)", "Publié le 13 février
 * 2025 à 18h05 · Mis à jour le 13 février 2025 à 19h40", "By X staff | September 29, 2025, 11:10
 * a.m. (PHT)", "Published 08.10.2025, 21:40 (AST, GMT+3) · 5 min read". At most four words are
 * neither date words nor labels, and the line does not end a sentence.
 */
export function isDateLine(text: string): boolean {
  if (text.length > 200 || !DATEISH.test(text) || endsWithTerminal(text)) return false;
  let other = 0;
  for (const raw of text.split(SPLIT)) {
    if (!raw) continue;
    // "2025年3月4日", "18時30分", "21:40" are date tokens; a run of unspaced text with a number is not.
    if (/\d/.test(raw)) {
      if ((raw.match(/\p{L}/gu)?.length ?? 0) > 4) return false;
      continue;
    }
    const w = raw.replace(/[.:,]+$/, '');
    const lower = w.toLowerCase();
    if (!w || MONTHS.has(lower) || WEEKDAYS.has(lower) || DATE_LINE_WORDS.has(lower)) continue;
    if (ZONE_ABBREVIATIONS.has(w) || /^(?:GMT|UTC)[+-−]?\d*$/.test(w)) continue;
    if (!/\p{L}/u.test(w)) continue;
    if (++other > 4) return false;
  }
  const p = parseDateText(text);
  return p != null && p.day != null;
}
