/**
 * Words of relative time expressions, by language (lower case, as token sequences).
 * A phrase resolves against the publication date: unit and signed offset ("bulan lalu" = month -1).
 */
export type RelativeUnit = 'day' | 'week' | 'month' | 'year';

export interface RelativePhrase {
  tokens: string[];
  unit: RelativeUnit;
  delta: number;
}

const RELATIVE: [string, RelativeUnit, number][] = [
  // English
  ['yesterday', 'day', -1],
  ['today', 'day', 0],
  ['last week', 'week', -1],
  ['this week', 'week', 0],
  ['last month', 'month', -1],
  ['this month', 'month', 0],
  ['next month', 'month', 1],
  ['last year', 'year', -1],
  ['this year', 'year', 0],
  ['next year', 'year', 1],
  // Indonesian / Malay
  ['kemarin', 'day', -1],
  ['semalam', 'day', -1],
  ['hari ini', 'day', 0],
  ['pekan lalu', 'week', -1],
  ['minggu lalu', 'week', -1],
  ['pekan ini', 'week', 0],
  ['minggu ini', 'week', 0],
  ['bulan lalu', 'month', -1],
  ['bulan ini', 'month', 0],
  ['bulan depan', 'month', 1],
  ['tahun lalu', 'year', -1],
  ['tahun ini', 'year', 0],
  ['tahun depan', 'year', 1],
  // French
  ['hier', 'day', -1],
  ["aujourd'hui", 'day', 0],
  ['aujourd’hui', 'day', 0],
  ['la semaine dernière', 'week', -1],
  ['le mois dernier', 'month', -1],
  ['ce mois-ci', 'month', 0],
  ["l'an dernier", 'year', -1],
  ['l’an dernier', 'year', -1],
  ["l'année dernière", 'year', -1],
  ['l’année dernière', 'year', -1],
  ['cette année', 'year', 0],
  // Spanish
  ['ayer', 'day', -1],
  ['hoy', 'day', 0],
  ['la semana pasada', 'week', -1],
  ['el mes pasado', 'month', -1],
  ['este mes', 'month', 0],
  ['el año pasado', 'year', -1],
  ['este año', 'year', 0],
  // German
  ['gestern', 'day', -1],
  ['heute', 'day', 0],
  ['letzte woche', 'week', -1],
  ['vergangene woche', 'week', -1],
  ['letzten monat', 'month', -1],
  ['vergangenen monat', 'month', -1],
  ['diesen monat', 'month', 0],
  ['letztes jahr', 'year', -1],
  ['vergangenes jahr', 'year', -1],
  ['dieses jahr', 'year', 0],
  // Russian
  ['вчера', 'day', -1],
  ['сегодня', 'day', 0],
  ['на прошлой неделе', 'week', -1],
  ['в прошлом месяце', 'month', -1],
  ['в этом месяце', 'month', 0],
  ['в прошлом году', 'year', -1],
  ['в этом году', 'year', 0],
  // Korean
  ['어제', 'day', -1],
  ['오늘', 'day', 0],
  ['지난주', 'week', -1],
  ['지난달', 'month', -1],
  ['이번 달', 'month', 0],
  ['이달', 'month', 0],
  ['지난해', 'year', -1],
  ['작년', 'year', -1],
  ['올해', 'year', 0],
];

function tokensOf(phrase: string): string[] {
  return phrase.match(/[\p{L}'’-]+/gu) ?? [];
}

/** Relative phrases indexed by their first token. */
export const RELATIVE_PHRASES: ReadonlyMap<string, RelativePhrase[]> = (() => {
  const map = new Map<string, RelativePhrase[]>();
  for (const [text, unit, delta] of RELATIVE) {
    const tokens = tokensOf(text);
    const list = map.get(tokens[0]) ?? [];
    list.push({ tokens, unit, delta });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    map.set(tokens[0], list);
  }
  return map;
})();

/** Words after or before a month or weekday that mean "the last one" ("Juli lalu", "last July"). */
export const PAST_MARKERS = new Set([
  'lalu',
  'last',
  'past',
  'previous',
  'dernier',
  'dernière',
  'pasado',
  'pasada',
  'letzten',
  'vergangenen',
  'прошлом',
  'прошлого',
  '지난',
]);
/** Words that mean "the next one" ("next July", "Juli mendatang"). */
export const FUTURE_MARKERS = new Set([
  'next',
  'coming',
  'mendatang',
  'depan',
  'prochain',
  'prochaine',
  'próximo',
  'próxima',
  'nächsten',
  'kommenden',
  'следующем',
  'следующего',
  '다음',
]);
/** Qualifiers that stay part of a month phrase ("late June", "akhir Juni", "fin février"). */
export const MONTH_QUALIFIERS = new Set([
  'early',
  'late',
  'mid',
  'end',
  'beginning',
  'start',
  'awal',
  'akhir',
  'pertengahan',
  'medio',
  'début',
  'fin',
  'mi',
  'principios',
  'finales',
  'mediados',
  'anfang',
  'ende',
  'mitte',
  'начале',
  'конце',
  'середине',
  'bulan',
]);
/** Prepositions that make a bare year or an ambiguous month name a date ("in 2006", "pada tahun 2006", "in May"). */
export const DATE_PREPOSITIONS = new Set([
  'in',
  'on',
  'since',
  'until',
  'by',
  'from',
  'during',
  'before',
  'after',
  'of',
  'pada',
  'sejak',
  'hingga',
  'sampai',
  'tahun',
  'sebelum',
  'setelah',
  'en',
  'depuis',
  'desde',
  'im',
  'seit',
  'bis',
  'в',
  'с',
  'до',
  'году',
  'jahr',
]);
/** Verbs and phrases of reporting: a date right next to them is when something was said, not done. */
export const REPORTING_WORDS = new Set([
  'said',
  'says',
  'told',
  'announced',
  'reported',
  'stated',
  'added',
  'noted',
  'wrote',
  'tweeted',
  'confirmed',
  'claimed',
  'revealed',
  'disclosed',
  'mengatakan',
  'kata',
  'katanya',
  'ujar',
  'ujarnya',
  'ucapnya',
  'tuturnya',
  'dikutip',
  'dilansir',
  'melansir',
  'melaporkan',
  'menyatakan',
  'mengumumkan',
  'menegaskan',
  'sebut',
  'déclaré',
  'annoncé',
  'affirmé',
  'dijo',
  'afirmó',
  'anunció',
  'informó',
  'sagte',
  'erklärte',
  'teilte',
  'заявил',
  'заявила',
  'сообщил',
  'сообщила',
  'сообщает',
  'сообщили',
  '밝혔다',
  '말했다',
  '전했다',
  '보도했다',
]);
