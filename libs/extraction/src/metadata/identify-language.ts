import { detect } from 'tinyld';

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
 * (Hangul, kana, Greek, Thai ...); tinyld chooses among that script's languages otherwise, and
 * "ms"/"id" are settled by spelling markers. "und" when there is no letter to go by.
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
  const lang = detect(sample, { only }) || only[0];
  if (lang === 'ms' || lang === 'id') return indonesianOrMalay(sample);
  return lang;
}

/** A sample from the start of the text, cut at a word boundary, without digits and URLs. */
function samplePlainText(text: string): string {
  let s = text.length > SAMPLE * 2 ? text.slice(0, SAMPLE * 2) : text;
  s = s.replace(/https?:\/\/\S{0,500}/g, ' ').replace(/[\d\s]+/g, ' ');
  if (s.length > SAMPLE) {
    const cut = s.lastIndexOf(' ', SAMPLE);
    s = s.slice(0, cut > SAMPLE / 2 ? cut : SAMPLE);
  }
  return s;
}
