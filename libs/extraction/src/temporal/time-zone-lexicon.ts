/**
 * Time-zone words of date lines: abbreviations ("WIB", "CEST", "(MMT)"), city names for phrases
 * such as "heure de Paris", "hora de La Paz", "بتوقيت مكة المكرمة" and for datelines, and the home
 * zone of languages spoken in one zone (or in zones that share an offset).
 *
 * A zone is an IANA name ("Asia/Yangon"), whose offset on a given day comes from the IANA database
 * built into Node (ICU, through Intl), or a fixed offset ("+06:30") for abbreviations that name
 * standard or summer time themselves (CET, CEST, EDT).
 */

/**
 * Abbreviations, upper case as written. A list names an abbreviation several zones use; its first
 * zone is the usual one in news, the others win when the page's dateline or language points to them.
 */
export const ZONE_ABBREVIATIONS: ReadonlyMap<string, string | readonly string[]> = new Map<
  string,
  string | readonly string[]
>([
  // Indonesia (Waktu Indonesia Barat / Tengah / Timur)
  ['WIB', '+07:00'],
  ['WITA', '+08:00'],
  ['WIT', '+09:00'],
  ['GMT', '+00:00'],
  ['UTC', '+00:00'],
  ['WET', '+00:00'],
  ['WEST', '+01:00'],
  // British Summer Time; Bangladesh Standard Time.
  ['BST', ['+01:00', '+06:00']],
  ['CET', '+01:00'],
  ['CEST', '+02:00'],
  // German: Mitteleuropäische (Sommer)zeit, Osteuropäische (Sommer)zeit.
  ['MEZ', '+01:00'],
  ['MESZ', '+02:00'],
  ['OEZ', '+02:00'],
  ['OESZ', '+03:00'],
  ['EET', '+02:00'],
  ['EEST', '+03:00'],
  ['MSK', '+03:00'],
  ['МСК', '+03:00'],
  // Turkey: Türkiye saati; Turkey Time.
  ['TSİ', '+03:00'],
  ['TSI', '+03:00'],
  ['TRT', '+03:00'],
  // Africa: East, Central, West, South Africa.
  ['EAT', '+03:00'],
  ['CAT', '+02:00'],
  ['WAT', '+01:00'],
  ['SAST', '+02:00'],
  // Arabia Standard Time; Atlantic Standard Time.
  ['AST', ['+03:00', '-04:00']],
  ['ADT', '-03:00'],
  ['IDT', '+03:00'],
  ['IRST', '+03:30'],
  ['IRDT', '+04:30'],
  ['GST', '+04:00'],
  ['AZT', '+04:00'],
  ['AMT', ['+04:00', '-04:00']],
  ['PKT', '+05:00'],
  // India; Ireland in summer; Israel.
  ['IST', ['+05:30', '+01:00', '+02:00']],
  ['NPT', '+05:45'],
  ['MMT', '+06:30'],
  ['ICT', '+07:00'],
  ['MYT', '+08:00'],
  ['SGT', '+08:00'],
  ['HKT', '+08:00'],
  ['PHT', '+08:00'],
  ['PHST', '+08:00'],
  ['AWST', '+08:00'],
  ['KST', '+09:00'],
  ['JST', '+09:00'],
  ['ACST', '+09:30'],
  ['AEST', '+10:00'],
  ['AEDT', '+11:00'],
  ['NZST', '+12:00'],
  ['NZDT', '+13:00'],
  ['EST', '-05:00'],
  ['EDT', '-04:00'],
  // US Central; China Standard Time.
  ['CST', ['-06:00', '+08:00']],
  ['CDT', '-05:00'],
  ['MST', '-07:00'],
  ['MDT', '-06:00'],
  ['PST', '-08:00'],
  ['PDT', '-07:00'],
  ['AKST', '-09:00'],
  ['AKDT', '-08:00'],
  ['HST', '-10:00'],
  ['BRT', '-03:00'],
  // US zones without standard/daylight: the date decides.
  ['ET', 'America/New_York'],
  ['CT', 'America/Chicago'],
  ['MT', 'America/Denver'],
  ['PT', 'America/Los_Angeles'],
]);

/** Phrases that name a zone without a city: "по московскому времени", "北京时间", "waktu Indonesia Barat". */
export const ZONE_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['московскому времени', 'Europe/Moscow'],
  ['по москве', 'Europe/Moscow'],
  ['киевскому времени', 'Europe/Kyiv'],
  ['за київським часом', 'Europe/Kyiv'],
  ['hora peninsular', 'Europe/Madrid'],
  ['heure française', 'Europe/Paris'],
  ['mitteleuropäischer sommerzeit', '+02:00'],
  ['mitteleuropäischer zeit', '+01:00'],
  ['waktu indonesia barat', '+07:00'],
  ['waktu indonesia tengah', '+08:00'],
  ['waktu indonesia timur', '+09:00'],
  ['غرينتش', '+00:00'],
  ['北京时间', 'Asia/Shanghai'],
  ['北京時間', 'Asia/Shanghai'],
  ['日本時間', 'Asia/Tokyo'],
  ['한국시간', 'Asia/Seoul'],
  ['한국 시간', 'Asia/Seoul'],
];

/**
 * City names, lower case, that the IANA zone names do not give (other languages, capitals without a
 * zone of their own). Every zone's own city ("La Paz" from America/La_Paz) is added from Intl.
 */
const CITY_ALIASES: Record<string, string[]> = {
  'Asia/Jakarta': ['jakarta', 'джакарта'],
  'Europe/Moscow': [
    'moscow',
    'moskow',
    'moskva',
    'moscou',
    'moscú',
    'moskau',
    'mosca',
    'moskova',
    'москва',
    'موسكو',
    '모스크바',
    'モスクワ',
    '莫斯科',
  ],
  'Europe/Kyiv': ['kyiv', 'kiev', 'kiew', 'kijów', 'kyïv', 'київ', 'киев', 'كييف', '키이우', 'キーウ'],
  'Europe/Minsk': ['минск', 'мінск'],
  'Asia/Kolkata': [
    'new delhi',
    'delhi',
    'mumbai',
    'bombay',
    'kolkata',
    'bengaluru',
    'chennai',
    'nueva delhi',
    'nouvelle-delhi',
    'new-delhi',
    'neu-delhi',
    'nova délhi',
  ],
  'Asia/Shanghai': [
    'beijing',
    'peking',
    'pékin',
    'pekín',
    'pequim',
    'pechino',
    '北京',
    '베이징',
    'пекин',
    'بكين',
  ],
  'Asia/Tokyo': ['tokyo', 'tokio', 'tóquio', '東京', '도쿄', 'токио', 'طوكيو'],
  'Asia/Seoul': ['seoul', 'séoul', 'seúl', '서울', 'ソウル', 'сеул', 'سيول'],
  'Asia/Pyongyang': ['pyongyang', 'pjöngjang', 'pionyang', '평양', '平壌', '平壤', 'пхеньян'],
  'America/New_York': [
    'washington',
    'washington, d.c.',
    'new york',
    'nueva york',
    'united nations',
    'вашингтон',
    'нью-йорк',
    'واشنطن',
    '워싱턴',
    'ワシントン',
    '华盛顿',
  ],
  'America/Los_Angeles': ['san francisco'],
  'America/Sao_Paulo': ['brasília', 'brasilia', 'são paulo', 'rio de janeiro'],
  'Asia/Riyadh': [
    'riad',
    'riyad',
    'er-riad',
    'jeddah',
    'makkah',
    'mecca',
    'الرياض',
    'جدة',
    'مكة',
    'مكة المكرمة',
  ],
  'Africa/Cairo': ['le caire', 'el cairo', 'kairo', 'القاهرة'],
  'Asia/Dubai': ['abu dhabi', 'دبي', 'أبوظبي', 'أبو ظبي'],
  'Asia/Qatar': ['doha', 'الدوحة'],
  'Asia/Aden': ['sanaa', "sana'a", 'صنعاء', 'عدن'],
  'Asia/Baghdad': ['بغداد'],
  'Asia/Damascus': ['دمشق'],
  'Asia/Beirut': ['بيروت', 'beyrouth'],
  'Asia/Jerusalem': ['tel aviv', 'القدس'],
  'Asia/Tehran': ['teheran', 'téhéran', 'teherán', 'تهران', 'طهران', 'тегеран'],
  'Asia/Yangon': ['yangon', 'naypyitaw', 'naypyidaw', 'nay pyi taw'],
  'Asia/Ho_Chi_Minh': ['hanoi', 'hanoï', 'ha noi', 'ho chi minh city'],
  'Africa/Johannesburg': ['pretoria', 'durban', 'cape town'],
  'Europe/Istanbul': ['ankara', 'i̇stanbul', 'стамбул', 'анкара'],
  'Asia/Karachi': ['islamabad', 'lahore', 'rawalpindi'],
  'Europe/Brussels': ['bruxelles', 'brüssel', 'bruselas', 'bruxelas', 'брюссель'],
  'Europe/Paris': ['parís', 'париж'],
  'Europe/Berlin': ['berlín', 'берлин'],
  'Europe/London': ['londres', 'londra', 'лондон'],
  'Europe/Rome': ['roma', 'rom'],
  'Europe/Vienna': ['wien', 'viena', 'vienne'],
  'Europe/Warsaw': ['varsovie', 'varsovia', 'warschau', 'warszawa'],
  'Europe/Zurich': ['geneva', 'genève', 'ginebra', 'genf', 'bern', 'berne'],
  'Europe/Amsterdam': ['the hague', 'den haag', 'la haye'],
  'Australia/Sydney': ['canberra'],
  'Pacific/Auckland': ['wellington'],
  'Asia/Manila': ['manille'],
  'America/Mexico_City': ['ciudad de méxico'],
  'America/Toronto': ['ottawa'],
  'America/Bogota': ['bogotá'],
  'Africa/Lagos': ['abuja'],
  'Africa/Khartoum': ['port sudan'],
};

/**
 * The zone of pages in a language written in one zone (or in zones with one offset: German in
 * Germany, Austria and Switzerland), used when a date line states a time but no zone. English,
 * Spanish, Portuguese and Arabic are written in many zones and have none here.
 */
export const LANGUAGE_HOME_ZONES: ReadonlyMap<string, string> = new Map([
  ['id', 'Asia/Jakarta'],
  ['ms', 'Asia/Kuala_Lumpur'],
  ['ja', 'Asia/Tokyo'],
  ['ko', 'Asia/Seoul'],
  ['zh', 'Asia/Shanghai'],
  ['tr', 'Europe/Istanbul'],
  ['ru', 'Europe/Moscow'],
  ['uk', 'Europe/Kyiv'],
  ['be', 'Europe/Minsk'],
  ['de', 'Europe/Berlin'],
  ['fr', 'Europe/Paris'],
  ['it', 'Europe/Rome'],
  ['nl', 'Europe/Amsterdam'],
  ['pl', 'Europe/Warsaw'],
  ['el', 'Europe/Athens'],
  ['he', 'Asia/Jerusalem'],
  ['fa', 'Asia/Tehran'],
  ['vi', 'Asia/Ho_Chi_Minh'],
  ['th', 'Asia/Bangkok'],
]);

/** For languages of many zones: the zone that decides between zones sharing an abbreviation (Arabic AST). */
export const LANGUAGE_HINT_ZONES: ReadonlyMap<string, string> = new Map([['ar', 'Asia/Riyadh']]);

let cities: Map<string, string> | null = null;

/** City (lower case) -> IANA zone: every zone's own city from Intl, then the aliases above. */
export function cityZones(): ReadonlyMap<string, string> {
  if (cities) return cities;
  const map = new Map<string, string>();
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  for (const zone of supported) {
    if (!/^(?:Africa|America|Asia|Atlantic|Australia|Europe|Indian|Pacific)\//.test(zone)) continue;
    const city = zone
      .slice(zone.lastIndexOf('/') + 1)
      .replace(/_/g, ' ')
      .toLowerCase();
    if (!map.has(city)) map.set(city, zone);
  }
  for (const [zone, names] of Object.entries(CITY_ALIASES)) for (const n of names) map.set(n, zone);
  cities = map;
  return map;
}
