/**
 * Month and weekday names (lower case, with their inflected forms) for the languages the engine
 * reads. Shared by publication-date parsing and event-date resolution; zones are in
 * time-zone-lexicon.ts.
 */

const MONTH_NAMES: Record<string, string[][]> = {
  // index 0 = January; every spelling of that month in the language
  en: [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  id: [
    ['januari'],
    ['februari', 'pebruari'],
    ['maret'],
    ['april'],
    ['mei'],
    ['juni'],
    ['juli'],
    ['agustus', 'agu', 'agt', 'ags'],
    ['september'],
    ['oktober', 'okt'],
    ['november', 'nop', 'nopember'],
    ['desember', 'des'],
  ],
  ms: [
    ['januari'],
    ['februari'],
    ['mac'],
    ['april'],
    ['mei'],
    ['jun'],
    ['julai'],
    ['ogos'],
    ['september'],
    ['oktober'],
    ['november'],
    ['disember'],
  ],
  fr: [
    ['janvier', 'janv'],
    ['février', 'fevrier', 'févr', 'fevr'],
    ['mars'],
    ['avril', 'avr'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil'],
    ['août', 'aout'],
    ['septembre'],
    ['octobre'],
    ['novembre'],
    ['décembre', 'decembre', 'déc'],
  ],
  es: [
    ['enero', 'ene'],
    ['febrero'],
    ['marzo'],
    ['abril', 'abr'],
    ['mayo'],
    ['junio'],
    ['julio'],
    ['agosto', 'ago'],
    ['septiembre', 'setiembre', 'sept'],
    ['octubre'],
    ['noviembre'],
    ['diciembre', 'dic'],
  ],
  pt: [
    ['janeiro'],
    ['fevereiro'],
    ['março', 'marco'],
    ['abril'],
    ['maio'],
    ['junho'],
    ['julho'],
    ['agosto'],
    ['setembro'],
    ['outubro'],
    ['novembro'],
    ['dezembro'],
  ],
  it: [
    ['gennaio'],
    ['febbraio'],
    ['marzo'],
    ['aprile'],
    ['maggio'],
    ['giugno'],
    ['luglio'],
    ['agosto'],
    ['settembre'],
    ['ottobre'],
    ['novembre'],
    ['dicembre'],
  ],
  de: [
    ['januar', 'jänner'],
    ['februar'],
    ['märz', 'maerz'],
    ['april'],
    ['mai'],
    ['juni'],
    ['juli'],
    ['august'],
    ['september'],
    ['oktober', 'okt'],
    ['november'],
    ['dezember', 'dez'],
  ],
  nl: [
    ['januari'],
    ['februari'],
    ['maart'],
    ['april'],
    ['mei'],
    ['juni'],
    ['juli'],
    ['augustus'],
    ['september'],
    ['oktober'],
    ['november'],
    ['december'],
  ],
  tr: [
    ['ocak'],
    ['şubat'],
    ['mart'],
    ['nisan'],
    ['mayıs'],
    ['haziran'],
    ['temmuz'],
    ['ağustos'],
    ['eylül'],
    ['ekim'],
    ['kasım'],
    ['aralık'],
  ],
  ru: [
    ['январь', 'января', 'январе', 'янв'],
    ['февраль', 'февраля', 'феврале', 'фев'],
    ['март', 'марта', 'марте'],
    ['апрель', 'апреля', 'апреле', 'апр'],
    ['май', 'мая', 'мае'],
    ['июнь', 'июня', 'июне'],
    ['июль', 'июля', 'июле'],
    ['август', 'августа', 'августе', 'авг'],
    ['сентябрь', 'сентября', 'сентябре', 'сен', 'сент'],
    ['октябрь', 'октября', 'октябре', 'окт'],
    ['ноябрь', 'ноября', 'ноябре', 'нояб'],
    ['декабрь', 'декабря', 'декабре', 'дек'],
  ],
  uk: [
    ['січень', 'січня', 'січні'],
    ['лютий', 'лютого', 'лютому'],
    ['березень', 'березня', 'березні'],
    ['квітень', 'квітня', 'квітні'],
    ['травень', 'травня', 'травні'],
    ['червень', 'червня', 'червні'],
    ['липень', 'липня', 'липні'],
    ['серпень', 'серпня', 'серпні'],
    ['вересень', 'вересня', 'вересні'],
    ['жовтень', 'жовтня', 'жовтні'],
    ['листопад', 'листопада', 'листопаді'],
    ['грудень', 'грудня', 'грудні'],
  ],
  el: [
    ['ιανουάριος', 'ιανουαρίου'],
    ['φεβρουάριος', 'φεβρουαρίου'],
    ['μάρτιος', 'μαρτίου'],
    ['απρίλιος', 'απριλίου'],
    ['μάιος', 'μαΐου', 'μαίου'],
    ['ιούνιος', 'ιουνίου'],
    ['ιούλιος', 'ιουλίου'],
    ['αύγουστος', 'αυγούστου'],
    ['σεπτέμβριος', 'σεπτεμβρίου'],
    ['οκτώβριος', 'οκτωβρίου'],
    ['νοέμβριος', 'νοεμβρίου'],
    ['δεκέμβριος', 'δεκεμβρίου'],
  ],
  ar: [
    ['يناير', 'كانون الثاني'],
    ['فبراير', 'شباط'],
    ['مارس', 'آذار'],
    ['أبريل', 'ابريل', 'نيسان'],
    ['مايو', 'أيار'],
    ['يونيو', 'حزيران'],
    ['يوليو', 'تموز'],
    ['أغسطس', 'اغسطس', 'آب'],
    ['سبتمبر', 'أيلول'],
    ['أكتوبر', 'اكتوبر', 'تشرين الأول'],
    ['نوفمبر', 'تشرين الثاني'],
    ['ديسمبر', 'كانون الأول'],
  ],
};

const WEEKDAY_NAMES: Record<string, string[][]> = {
  // index 0 = Sunday (as Date.getUTCDay)
  en: [
    ['sunday', 'sun'],
    ['monday', 'mon'],
    ['tuesday', 'tue', 'tues'],
    ['wednesday', 'wed'],
    ['thursday', 'thu', 'thur', 'thurs'],
    ['friday', 'fri'],
    ['saturday', 'sat'],
  ],
  id: [
    ['minggu', 'ahad'],
    ['senin'],
    ['selasa'],
    ['rabu'],
    ['kamis'],
    ['jumat', "jum'at", 'jumaat'],
    ['sabtu'],
  ],
  ms: [['ahad'], ['isnin'], ['selasa'], ['rabu'], ['khamis'], ['jumaat'], ['sabtu']],
  fr: [['dimanche'], ['lundi'], ['mardi'], ['mercredi'], ['jeudi'], ['vendredi'], ['samedi']],
  es: [
    ['domingo'],
    ['lunes'],
    ['martes'],
    ['miércoles', 'miercoles'],
    ['jueves'],
    ['viernes'],
    ['sábado', 'sabado'],
  ],
  de: [
    ['sonntag'],
    ['montag'],
    ['dienstag'],
    ['mittwoch'],
    ['donnerstag'],
    ['freitag'],
    ['samstag', 'sonnabend'],
  ],
  ru: [
    ['воскресенье'],
    ['понедельник'],
    ['вторник'],
    ['среда', 'среду'],
    ['четверг'],
    ['пятница', 'пятницу'],
    ['суббота', 'субботу'],
  ],
};

function index(names: Record<string, string[][]>): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of Object.values(names)) list.forEach((forms, i) => forms.forEach((f) => out.set(f, i)));
  return out;
}

/** Every month spelling -> month number 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  [...index(MONTH_NAMES)].map(([k, v]) => [k, v + 1]),
);
/** Every weekday spelling -> 0 (Sunday) .. 6 (Saturday). */
export const WEEKDAYS: ReadonlyMap<string, number> = index(WEEKDAY_NAMES);

/** Spellings that are also ordinary words; they count as months only next to a number. */
export const AMBIGUOUS_MONTHS = new Set([
  'may',
  'mar',
  'jan',
  'mai',
  'mac',
  'des',
  'ago',
  'dic',
  'jun',
  'jul',
  'apr',
  'dec',
  'oct',
  'nov',
  'sep',
  'aug',
  'feb',
  'sept',
  'ene',
  'abr',
  'agu',
  'okt',
  'dez',
]);

/**
 * Time-zone abbreviations with a fixed offset. Ambiguous ones (CST, IST, AST, BST outside the UK
 * sense) are left out: the engine does not guess an offset. ET/PT are resolved by US DST rules.
 */
/** Days in a month of a year (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const EASTERN_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19]/g;

/** Arabic-Indic, Persian and full-width digits to ASCII ("٢٠٢٣", "２０２３" -> "2023"); other characters untouched. */
export function toAsciiDigits(s: string): string {
  return s.replace(EASTERN_DIGITS, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(48 + c - (c >= 0xff10 ? 0xff10 : c >= 0x6f0 ? 0x6f0 : 0x660));
  });
}
