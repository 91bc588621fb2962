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
function indonesianOrMalay(words: string[]): 'id' | 'ms' {
  let id = 0;
  let ms = 0;
  for (const w of words) {
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
  const sample = sampleOf(text);
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
  const words = lowerWords(sample);
  const votes = stopwordVotes(words, only);
  const lang =
    (top === 'cyrillic'
      ? cyrillicByLetters(sample)
      : top === 'arabic'
        ? arabicByLetters(sample)
        : turkishByLetters(sample)) ??
    stopwordVote(votes) ??
    thinVoteOver(votes, detect(forTinyld(sample), { only }) || only[0]);
  if (lang === 'ms' || lang === 'id') return indonesianOrMalay(words);
  if (lang === 'es' || lang === 'pt') return spanishOrPortuguese(sample, words) ?? lang;
  return lang;
}

/**
 * Spanish against Portuguese by spellings only one of them has, for short texts the models confuse
 * ("Argentina compró aviones F-16 a Dinamarca" is no Portuguese): ñ ¿ ¡, -ción, a preterite in -ó
 * against ã õ ç, -ção/-ções, -ões, a preterite in -ou. Null when both or neither show.
 */
function spanishOrPortuguese(sample: string, words: string[]): 'es' | 'pt' | null {
  let es = countIn(sample, 'ñ¿¡');
  let pt = countIn(sample, 'ãõç');
  for (const w of words) {
    if (/(?:ción|ciones)$/u.test(w) || (w.length >= 5 && w.endsWith('ó'))) es++;
    else if (/(?:ção|ções|ões)$/u.test(w) || (w.length >= 5 && /[^aeiou]ou$/u.test(w))) pt++;
  }
  return es > 0 && pt === 0 ? 'es' : pt > 0 && es === 0 ? 'pt' : null;
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

/** Turkish by its dotless ı and its ğ, which no other language of the Latin set writes; null when absent. */
function turkishByLetters(s: string): string | null {
  return countIn(s, 'ığİ') >= 2 && countIn(s, 'əƏ') === 0 ? 'tr' : null;
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
function stopwordVote(votes: Map<string, number>): string | null {
  let best: string | null = null;
  let first = 0;
  let second = 0;
  for (const [l, n] of votes) {
    if (n > first) [best, first, second] = [l, n, first];
    else if (n > second) second = n;
  }
  return best && first >= MIN_VOTES && first >= MIN_LEAD * second ? best : null;
}

/** Each candidate language's function-word votes in the sample (a word several languages share splits its vote). */
function stopwordVotes(words: string[], only: string[]): Map<string, number> {
  const votes = new Map<string, number>();
  for (const w of words) {
    const langs = STOPWORD_INDEX.get(w);
    if (langs)
      for (const l of langs) if (only.includes(l)) votes.set(l, (votes.get(l) ?? 0) + 1 / langs.length);
  }
  return votes;
}

/**
 * A short text ("Russia sent drones to Belarus.") gives the n-gram model too little to go on: where its
 * answer has no function word in the text and exactly one language has some, that language wins.
 */
function thinVoteOver(votes: Map<string, number>, model: string): string {
  if (votes.has(model) || votes.size === 0) return model;
  // "Missiles and munitions arrived in Syria.": "and" is English only, "in" is shared; the model heard
  // French in "missiles" and "munitions", but the one language with a clear lead of function words wins.
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [lead, second] = [ranked[0][1], ranked[1]?.[1] ?? 0];
  return lead >= THIN_LEAD * second ? ranked[0][0] : model;
}

/** How far the leading language's function-word vote must outweigh the next one's to overrule the model. */
const THIN_LEAD = 2;

/** Non-ASCII characters that separate words: general and CJK punctuation, guillemets, Arabic punctuation. */
const NOT_LETTERS = (c: number): boolean =>
  (c >= 0x2000 && c <= 0x206f) ||
  (c >= 0x3000 && c <= 0x303f) ||
  c === 0xab ||
  c === 0xbb ||
  c === 0xa0 ||
  c === 0x060c ||
  c === 0x061b ||
  c === 0x061f ||
  c === 0x06d4;

/** The first SAMPLE characters of the text, cut at a word boundary. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE) return text;
  const cut = text.lastIndexOf(' ', SAMPLE);
  return text.slice(0, cut > SAMPLE / 2 ? cut : SAMPLE);
}

/** The sample without URLs and digits, which only confuse the n-gram model. */
function forTinyld(sample: string): string {
  return (sample.includes('http') ? sample.replace(/https?:\/\/\S{0,500}/g, ' ') : sample).replace(
    /[\d\s]+/g,
    ' ',
  );
}

/**
 * Lower-case words of a sample, split by a character loop rather than a Unicode-property regex:
 * ASCII letters, apostrophes inside words and every non-ASCII character outside the general
 * punctuation and CJK punctuation blocks count as word characters.
 */
function lowerWords(sample: string): string[] {
  const lower = sample.toLowerCase();
  // Acronyms are no function words: "UN" is not French "un", "US" not English "us", "AS" not "as".
  const cased = lower.length === sample.length ? sample : null;
  const acronym = (word: string, from: number): boolean => {
    if (cased === null || word.length < 2) return false;
    const written = cased.slice(from, from + word.length);
    return written !== word && written === written.toUpperCase();
  };
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const letter = (c >= 97 && c <= 122) || (c > 127 && !NOT_LETTERS(c));
    if (letter) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const word = lower.slice(start, i);
      if (!acronym(word, start)) out.push(word);
      start = -1;
    }
  }
  return out;
}
