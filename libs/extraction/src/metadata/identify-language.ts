import { detect } from 'tinyld';
import { STOPWORD_INDEX } from './language-stopwords';

/** Candidate languages by script: tinyld only chooses among these, which keeps it fast and sane. */
const LATIN = [
  'en',
  'id',
  'ms',
  'fr',
  'es',
  'de',
  'it',
  'pt',
  'nl',
  'tr',
  'pl',
  'vi',
  'ro',
  'sv',
  'cs',
  'tl',
  'da',
  'fi',
  'hu',
];
const CYRILLIC = ['ru', 'uk', 'bg', 'sr', 'be', 'mk', 'kk'];
const ARABIC = ['ar', 'fa', 'ur'];
const DEVANAGARI = ['hi', 'mr', 'ne'];

/** How many characters of the body tinyld reads: enough for a stable answer, cheap to score. */
const SAMPLE = 400;

// Words common in Indonesian and rare or spelt differently in Malay (bahawa, kerana, kerajaan, wang ...).
const INDONESIAN_MARKERS = new Set([
  'bahwa',
  'karena',
  'pemerintah',
  'bisa',
  'uang',
  'serikat',
  'kemarin',
  'tapi',
  'saja',
  'banyak',
  'mengatakan',
  'sejak',
  'menurut',
  'terhadap',
  'kepada',
  'dilansir',
  'dikutip',
  'ujarnya',
  'katanya',
  'tersebut',
  'adalah',
  'telah',
  'akan',
  'juga',
  'yang',
  'dengan',
]);
const MALAY_MARKERS = new Set([
  'bahawa',
  'kerana',
  'kerajaan',
  'syarikat',
  'boleh',
  'wang',
  'semalam',
  'iaitu',
  'ialah',
  'beliau',
]);

function countScripts(sample: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    let script: string | null = null;
    if (c < 0x250)
      script = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0 ? 'latin' : null;
    else if (c >= 0x370 && c <= 0x3ff) script = 'greek';
    else if (c >= 0x400 && c <= 0x52f) script = 'cyrillic';
    else if (c >= 0x590 && c <= 0x5ff) script = 'hebrew';
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff))
      script = 'arabic';
    else if (c >= 0x900 && c <= 0x97f) script = 'devanagari';
    else if (c >= 0xe00 && c <= 0xe7f) script = 'thai';
    else if (c >= 0x10a0 && c <= 0x10ff) script = 'georgian';
    else if (c >= 0x530 && c <= 0x58f) script = 'armenian';
    else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
      script = 'hangul';
    else if (c >= 0x3040 && c <= 0x30ff) script = 'kana';
    else if (c >= 0x4e00 && c <= 0x9fff) script = 'han';
    else if (c >= 0x1e00 && c <= 0x1eff) script = 'latin';
    if (script) counts[script] = (counts[script] ?? 0) + 1;
  }
  return counts;
}

/** Indonesian unless Malay spellings outnumber Indonesian ones (tinyld often says "ms" for short Indonesian). */
function indonesianOrMalay(text: string): 'id' | 'ms' {
  let id = 0;
  let ms = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (MALAY_MARKERS.has(w)) ms++;
    else if (INDONESIAN_MARKERS.has(w)) id++;
  }
  return ms > id / 4 && ms >= 2 ? 'ms' : 'id';
}

/**
 * ISO 639-1 language of a cleaned body: the dominant script decides where it is unambiguous
 * (Hangul, kana, Greek, Thai ...); otherwise a vote over function words decides when it is clear,
 * and tinyld (restricted to that script's languages) when it is not. "id" and "ms" are settled by
 * spelling markers, Indonesian unless Malay spellings show. "und" when there is no letter to go by.
 */
export function identifyLanguage(text: string): string {
  const sample = samplePlainText(text);
  const scripts = countScripts(sample);
  let top = '';
  let n = 0;
  for (const [s, c] of Object.entries(scripts)) if (c > n) [top, n] = [s, c];
  if (n < 3) return 'und';
  switch (top) {
    case 'hangul':
      return 'ko';
    case 'kana':
      return 'ja';
    case 'han':
      return scripts.kana ? 'ja' : scripts.hangul ? 'ko' : 'zh';
    case 'greek':
      return 'el';
    case 'hebrew':
      return 'he';
    case 'thai':
      return 'th';
    case 'georgian':
      return 'ka';
    case 'armenian':
      return 'hy';
  }
  const only =
    top === 'cyrillic' ? CYRILLIC : top === 'arabic' ? ARABIC : top === 'devanagari' ? DEVANAGARI : LATIN;
  const lang =
    (top === 'cyrillic' ? cyrillicByLetters(sample) : top === 'arabic' ? arabicByLetters(sample) : null) ??
    stopwordVote(sample, only) ??
    (detect(sample, { only }) || only[0]);
  if (lang === 'ms' || lang === 'id') return indonesianOrMalay(sample);
  return lang;
}

/** Counts of the characters of a string that are in a set. */
function countIn(s: string, set: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (set.includes(s[i])) n++;
  return n;
}

/** Russian and Ukrainian by letters only one of them has (ы э ё / і ї є ґ); null when unclear. */
function cyrillicByLetters(s: string): string | null {
  const ru = countIn(s, 'ыэёЫЭЁ');
  const uk = countIn(s, 'іїєґІЇЄҐ');
  const other = countIn(s, 'ўђћџљњјЎЂЋЏЉЊЈ');
  if (other) return null;
  // Ukrainian text uses і on almost every line, so its absence next to ы/э/ё is telling.
  if (ru >= 1 && uk === 0) return 'ru';
  if (uk >= 2 && ru === 0) return 'uk';
  return null;
}

/** Arabic against Persian and Urdu by letters (پ چ ژ گ ک ی / ے ں ٹ ڈ ڑ ہ); null when unclear. */
function arabicByLetters(s: string): string | null {
  const farsi = countIn(s, 'پچژگکی');
  const urdu = countIn(s, 'ےںٹڈڑہھ');
  const arabic = countIn(s, 'ةىيكإأ');
  return arabic >= 3 && farsi === 0 && urdu === 0 ? 'ar' : null;
}

/** Vote weight needed, and the lead over the runner-up, for the stop-word vote to decide on its own. */
const MIN_VOTES = 4;
const MIN_LEAD = 2;

/**
 * The language whose function words dominate the sample, or null when the vote is close or thin.
 * A word shared by several languages ("de", "la", "en") splits its vote among them.
 */
function stopwordVote(sample: string, only: string[]): string | null {
  const votes = new Map<string, number>();
  for (const w of sample.toLowerCase().split(/[^\p{L}\p{M}]+/u)) {
    const langs = w ? STOPWORD_INDEX.get(w) : undefined;
    if (langs) for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
  }
  let best: string | null = null;
  let first = 0;
  let second = 0;
  for (const [l, n] of votes) {
    if (!only.includes(l)) continue;
    if (n > first) [best, first, second] = [l, n, first];
    else if (n > second) second = n;
  }
  return best && first >= MIN_VOTES && first >= MIN_LEAD * second ? best : null;
}

/** A sample from the start of the text, cut at a word boundary, without digits and URLs. */
function samplePlainText(text: string): string {
  let s = text.length > SAMPLE * 2 ? text.slice(0, SAMPLE * 2) : text;
  if (s.includes('http')) s = s.replace(/https?:\/\/\S{0,500}/g, ' ');
  s = s.replace(/[\d\s]+/g, ' ');
  if (s.length > SAMPLE) {
    const cut = s.lastIndexOf(' ', SAMPLE);
    s = s.slice(0, cut > SAMPLE / 2 ? cut : SAMPLE);
  }
  return s;
}
