import { ClaimType } from '../model';
import { extractArticle } from '../engine/extract-article';
import { eventTiming } from './extract-claims';

/**
 * Constructions beyond the first verbs of each claim type, through the whole engine (cleaning, actors,
 * claims). Every sentence here was written for this test; none comes from an evaluation set.
 * Each case lists the (type, source, target) triples the text must give, country-folded, and no others.
 */
type Case = [language: string, text: string, triples: string[]];

const fold = (id: string | null) =>
  id && /^[a-z]{3}\.(?!dpr$|lpr$)/.test(id) ? id.slice(0, 3).toUpperCase() : id;

/** The whole engine over `text` as the body of an article with a headline and a publication date. */
function engineOn(language: string, text: string) {
  return extractArticle({
    id: 't',
    raw: `Test headline for the engine\n2025-03-04T10:00:00+00:00\n${text}`,
    language,
  });
}

function triples(language: string, text: string): string[] {
  const r = engineOn(language, text);
  return [
    ...new Set(
      r.claims.map((c) => {
        const ends = [fold(c.source) ?? 'null', fold(c.target) ?? 'null'];
        if (c.type === 'military_cooperation') ends.sort();
        return `${c.type} ${ends.join(' ')}`;
      }),
    ),
  ].sort();
}

function expected(list: string[]): string[] {
  return list
    .map((s) => {
      const [type, a, b] = s.split(' ') as [ClaimType, string, string];
      const ends = [a, b];
      if (type === 'military_cooperation') ends.sort();
      return `${type} ${ends.join(' ')}`;
    })
    .sort();
}

function check(cases: Case[]): void {
  it.each(cases)('[%s] %s', (language, text, list) => {
    expect(triples(language, text)).toEqual(expected(list));
  });
}

describe('claim constructions (whole engine)', () => {
  describe('lists: coordinated subjects, by-lists, "from" lists and lists after an article', () => {
    check([
      [
        'en',
        'Sweden and Finland have delivered air defence systems to Estonia.',
        ['arms_transfer SWE EST', 'arms_transfer FIN EST'],
      ],
      [
        'en',
        'Serbia bought drones from China, Turkey, Israel and France last year.',
        ['arms_transfer CHN SRB', 'arms_transfer TUR SRB', 'arms_transfer ISR SRB', 'arms_transfer FRA SRB'],
      ],
      [
        'id',
        'Serbia membeli drone dari China, Turki dan Israel tahun lalu.',
        ['arms_transfer CHN SRB', 'arms_transfer TUR SRB', 'arms_transfer ISR SRB'],
      ],
      [
        'en',
        'Chile and Peru have also sent troops to Bolivia for the border mission.',
        ['military_cooperation CHL BOL', 'military_cooperation PER BOL'],
      ],
      [
        'en',
        'The Su-25 attack jet is also operated by Sudan, Chad and Peru.',
        ['arms_transfer RUS SDN', 'arms_transfer RUS TCD', 'arms_transfer RUS PER'],
      ],
      [
        'en',
        'Polish troops took part in the exercise alongside units from Lithuania and the Netherlands.',
        ['military_cooperation POL LTU', 'military_cooperation POL NLD', 'military_cooperation LTU NLD'],
      ],
      [
        'en',
        'Canada and the United Kingdom imposed sanctions on Belarus.',
        ['sanctions_imposed CAN BLR', 'sanctions_imposed GBR BLR'],
      ],
      [
        'id',
        'Latihan laut itu juga diikuti pasukan dari Malaysia dan Singapura.',
        ['military_cooperation MYS SGP'],
      ],
      // An article after a bare comma opens a new clause, not a list.
      ['en', 'After talks in Ukraine, the United States sent tanks to Poland.', ['arms_transfer USA POL']],
      [
        'en',
        'Kenya buys most of its armoured vehicles from Turkey and Israel.',
        ['arms_transfer TUR KEN', 'arms_transfer ISR KEN'],
      ],
      [
        'en',
        'Georgia is buying howitzers from Poland and air defence radars from Spain.',
        ['arms_transfer POL GEO', 'arms_transfer ESP GEO'],
      ],
      // Two buyers in two clauses: neither sells to the other.
      ['en', 'Chile has received three of its four frigates, and Peru took delivery of two in May.', []],
      // ", the" inside a list that a conjunction closes links its items too.
      [
        'en',
        'Norway, the European Union and Switzerland have imposed sanctions on Belarus.',
        ['sanctions_imposed NOR BLR', 'sanctions_imposed EU BLR', 'sanctions_imposed CHE BLR'],
      ],
      [
        'en',
        'The Su-25 is also flown by Sudan, the Gambia and Peru.',
        ['arms_transfer RUS SDN', 'arms_transfer RUS GMB', 'arms_transfer RUS PER'],
      ],
      // ... but not after a place: the list starts after it.
      [
        'en',
        'In Kenya, the United States and Canada have supplied armoured vehicles to Somalia.',
        ['arms_transfer USA SOM', 'arms_transfer CAN SOM'],
      ],
      // A short aside in brackets does not break a list.
      [
        'id',
        'Su-25 juga dioperasikan oleh Sudan (versi lama), Chad dan Peru.',
        ['arms_transfer RUS SDN', 'arms_transfer RUS TCD', 'arms_transfer RUS PER'],
      ],
      [
        'en',
        'Thailand and the Philippines conduct regular joint sailings in the Gulf of Thailand.',
        ['military_cooperation THA PHL'],
      ],
    ]);
  });

  describe('a comma clause opened by its verb: the sentence subject acts, every demonym of a list gives', () => {
    check([
      [
        'en',
        'Algeria has scaled back its dependence on China, buying Turkish and Italian frigates.',
        ['arms_transfer CHN DZA', 'arms_transfer TUR DZA', 'arms_transfer ITA DZA'],
      ],
      [
        'en',
        'Egypt has been cutting its reliance on Russian jets, buying Italian, German and French warships.',
        ['arms_transfer RUS EGY', 'arms_transfer ITA EGY', 'arms_transfer DEU EGY', 'arms_transfer FRA EGY'],
      ],
      [
        'id',
        'Mesir mengurangi ketergantungan pada Rusia, membeli fregat dari Italia dan Jerman.',
        ['arms_transfer ITA EGY', 'arms_transfer DEU EGY'],
      ],
      // A clause with a subject of its own keeps it.
      [
        'en',
        'Algeria relies on Russia for arms, and Morocco is buying Israeli drones.',
        ['arms_transfer RUS DZA', 'arms_transfer ISR MAR'],
      ],
    ]);
  });

  describe('a relative clause after a noun: its subject is that noun, a state only where it qualifies it', () => {
    check([
      ['en', 'Canada fined the brokers who sold rifles to Venezuela.', []],
      ['en', 'Canada fined Belarusian brokers who sold rifles to Venezuela.', ['arms_transfer BLR VEN']],
      ['id', 'Kanada mendenda para pialang yang menjual senapan ke Venezuela.', []],
      ['id', 'Kanada mendenda pialang Belarus yang menjual senapan ke Venezuela.', ['arms_transfer BLR VEN']],
      // A passive relative is about its object: the main clause's subject buys.
      [
        'en',
        'Indonesia is waiting for two submarines which were ordered from France.',
        ['arms_transfer FRA IDN'],
      ],
      ['id', 'Indonesia menunggu dua kapal selam yang dipesan dari Prancis.', ['arms_transfer FRA IDN']],
    ]);
  });

  describe('weapons flown or ferried, and a recipient that is the seller itself', () => {
    check([
      ['en', 'Belarus has been flying drones to Russia on cargo planes.', ['arms_transfer BLR RUS']],
      ['en', 'Two Syrian airlines flew rockets to Lebanon.', ['arms_transfer SYR LBN']],
      ['en', 'Smugglers ferried Iranian rockets to Yemen by boat.', ['arms_transfer IRN YEM']],
      ['id', 'Kapal kargo itu membawa peluru artileri dari Belarus ke Rusia.', ['arms_transfer BLR RUS']],
      ['id', 'Pesawat Iran mengangkut drone ke Sudan.', ['arms_transfer IRN SDN']],
      // Carrying with no destination tells no transfer.
      ['id', 'Drone Ukraina yang membawa bahan peledak menyerang kilang Rusia.', []],
      // Without a destination, flying a type is operating it.
      ['en', 'Egypt flies French Rafale jets.', ['arms_transfer FRA EGY']],
      // Aircraft that fly somewhere are not what is handed over.
      ['en', 'Russian fighter jets flew to Syria on Monday.', []],
      // The recipient named is the seller's own army: the article's other partner of Serbia is no recipient.
      [
        'en',
        'The EU listed 12 Serbian companies and three firms in Turkey accused of shipping drone parts to the Serbian army. Belarus sent drones to Serbia.',
        ['arms_transfer BLR SRB'],
      ],
    ]);
  });

  describe('systems known by their maker, and equipment in service', () => {
    check([
      // Military assistance is aid given, like military aid.
      [
        'en',
        'Norway has committed about 1.2 billion dollars in military assistance to Moldova, including armoured vehicles.',
        ['arms_transfer NOR MDA'],
      ],
      // A dotted abbreviation before the weapons names their origin, and its full stop ends no clause.
      ['en', 'Qatar bought U.S. fighter jets last year.', ['arms_transfer USA QAT']],
      ['en', 'Qatar is one of the largest buyers of U.S. arms.', ['arms_transfer USA QAT']],
      // A state does not buy what it makes: the maker of every named system is the supplier.
      [
        'en',
        'President Prabowo and President Macron agreed on the purchase of four Scorpene submarines.',
        ['arms_transfer FRA IDN'],
      ],
      [
        'id',
        'Presiden Prabowo dan Presiden Macron menyepakati pembelian dua kapal selam Scorpene.',
        ['arms_transfer FRA IDN'],
      ],
      [
        'en',
        'The JF-17 has since been sold to Azerbaijan and Iraq.',
        ['arms_transfer PAK AZE', 'arms_transfer PAK IRQ'],
      ],
      [
        'en',
        'Morocco signed for new helicopters last spring. Its navy also operates French FREMM frigates.',
        ['arms_transfer FRA MAR'],
      ],
      ['en', 'Peru has relied for decades on Russian-built Mi-17 helicopters.', ['arms_transfer RUS PER']],
      // A second-hand system passed on is not sent by its maker.
      ['en', 'The old jets, long retired from service, will be sold to Ghana next year.', []],
    ]);
  });

  describe('relative clauses: the state before the pronoun is the subject', () => {
    check([
      [
        'en',
        'Vietnam competes with Nepal and Myanmar, which also send workers to Thailand.',
        ['labor_export NPL THA', 'labor_export MMR THA'],
      ],
      [
        'id',
        'Filipina bersaing dengan Nepal dan Bangladesh yang juga mengirim ribuan pekerja ke Qatar.',
        ['labor_export NPL QAT', 'labor_export BGD QAT'],
      ],
      ['en', 'Belarus, which sold rifles to Sudan, denied the report.', ['arms_transfer BLR SDN']],
    ]);
  });

  describe('military bases abroad, and weapons seen at a base', () => {
    check([
      ['en', 'Turkey, which has a military base in Qatar, urged calm.', ['military_cooperation TUR QAT']],
      ['en', "France's naval base in Djibouti was expanded last year.", ['military_cooperation FRA DJI']],
      [
        'id',
        'Prancis, yang memiliki pangkalan militer di Djibouti, menyerukan gencatan senjata.',
        ['military_cooperation FRA DJI'],
      ],
      // Landing at a base does not own it.
      ['en', 'Two Omani cargo flights landed at an air base in southern Jordan.', []],
      ['id', 'Dua drone buatan Turki terlihat di pangkalan udara militer Mali.', ['arms_transfer TUR MLI']],
      // Debris in a country at war is no delivery to it.
      ['id', 'Puing rudal Korea Utara ditemukan di Kharkiv, Ukraina.', []],
    ]);
  });

  describe('words and labels: hand-overs, grants, trainers, plurals, recognition, blacklists, resolutions', () => {
    check([
      ['en', 'Spain will hand over four coastal radars to Mauritania in May.', ['arms_transfer ESP MRT']],
      [
        'id',
        'Korea Selatan berencana menghibahkan dua kapal patroli kepada Vietnam.',
        ['arms_transfer KOR VNM'],
      ],
      [
        'en',
        'Nicaragua broke off ties with Taiwan and recognised China in 2021.',
        ['diplomatic_recognition NIC CHN'],
      ],
      // Jet fuel is no jet.
      ['en', 'Two Thai firms kept supplying jet fuel to Myanmar, the report said.', []],
      [
        'id',
        'Inggris sebelumnya juga memasukkan dua perusahaan Iran ke dalam daftar hitamnya.',
        ['sanctions_imposed GBR IRN'],
      ],
      [
        'en',
        'A 2017 Security Council resolution bars North Korea from exporting textiles.',
        ['sanctions_imposed UN PRK'],
      ],
      // A label's word opens a real sentence without its colon.
      ['id', 'Laporan PBB menyebut Iran mengirim drone ke Sudan.', ['arms_transfer IRN SDN']],
      ['id', 'Sumber di kementerian mengatakan Iran mengirim drone ke Sudan.', ['arms_transfer IRN SDN']],
      ['id', 'Sumber: Iran mengirim drone ke Sudan.', []],
      [
        'en',
        'Hanoi signed two defence agreements with Canberra last year.',
        ['military_cooperation VNM AUS'],
      ],
      ['id', 'Laos membeli enam pesawat latih tempur dari China.', ['arms_transfer CHN LAO']],
      ['en', 'Cambodia bought four trainer jets from China last year.', ['arms_transfer CHN KHM']],
    ]);
  });

  describe('lists of sanctioning states', () => {
    check([
      // "released", "revealed" speak only before punctuation or "that": here they release and reveal plans.
      ['en', 'The Pentagon released a list of weapons it will send to Ukraine.', ['arms_transfer USA UKR']],
      ['en', 'Iran revealed plans to sell drones to Venezuela.', ['arms_transfer IRN VEN']],
      // "adding" speaks only before punctuation or "that": here it adds companies to a list.
      [
        'en',
        'The EU is considering adding Kyrgyz and Kazakh companies to its next sanctions package against Russia.',
        ['sanctions_imposed EU KGZ', 'sanctions_imposed EU KAZ', 'sanctions_imposed EU RUS'],
      ],
      // A short term in quotes stays inside its clause and its phrase.
      [
        'en',
        'China on Thursday added seven U.S. defence companies to its "unreliable entity" list.',
        ['sanctions_imposed CHN USA'],
      ],
      [
        'en',
        'Britain, the EU, Japan and Canada imposed new sanctions on Belarus.',
        [
          'sanctions_imposed GBR BLR',
          'sanctions_imposed EU BLR',
          'sanctions_imposed JPN BLR',
          'sanctions_imposed CAN BLR',
        ],
      ],
      [
        'id',
        'Inggris, Uni Eropa, Jepang dan Kanada menjatuhkan sanksi baru terhadap Belarus.',
        [
          'sanctions_imposed GBR BLR',
          'sanctions_imposed EU BLR',
          'sanctions_imposed JPN BLR',
          'sanctions_imposed CAN BLR',
        ],
      ],
      [
        'en',
        'Britain and Norway imposed sanctions on Israel on Tuesday over settler violence.',
        ['sanctions_imposed GBR ISR', 'sanctions_imposed NOR ISR'],
      ],
      [
        'en',
        "Canada, Australia, New Zealand and Norway imposed sanctions on Israel's finance minister.",
        [
          'sanctions_imposed CAN ISR',
          'sanctions_imposed AUS ISR',
          'sanctions_imposed NZL ISR',
          'sanctions_imposed NOR ISR',
        ],
      ],
      [
        'id',
        'Menteri Keuangan Israel Bezalel Smotrich dikenai sanksi oleh Inggris, Kanada dan Norwegia pada Selasa.',
        ['sanctions_imposed GBR ISR', 'sanctions_imposed CAN ISR', 'sanctions_imposed NOR ISR'],
      ],
      [
        'en',
        "Serbia is a candidate for membership of the European Union but has refused to align with the bloc's sanctions against Russia.",
        ['sanctions_imposed EU RUS'],
      ],
      [
        'en',
        "Iran's foreign ministry condemned Washington's new sanctions on Tuesday.",
        ['sanctions_imposed USA IRN'],
      ],
      [
        'en',
        'The European Union met on Monday. The EU added three Kyrgyz and two Kazakh companies to its sanctions package against Russia.',
        ['sanctions_imposed EU RUS', 'sanctions_imposed EU KGZ', 'sanctions_imposed EU KAZ'],
      ],
      [
        'en',
        'Officials met on Monday. Washington sanctioned three firms in Iran.',
        ['sanctions_imposed USA IRN'],
      ],
      [
        'id',
        'Pejabat bertemu pada Senin. Uni Eropa mengesahkan paket sanksi terhadap Rusia, yang juga menyasar sejumlah perusahaan di China dan Iran.',
        ['sanctions_imposed EU RUS', 'sanctions_imposed EU CHN', 'sanctions_imposed EU IRN'],
      ],
      // Firms in a state that a sanctioned party dealt with are not listed by the sanctions.
      [
        'en',
        'Officials met on Monday. Washington sanctioned two Burmese banks that paid entities in Russia.',
        ['sanctions_imposed USA MMR'],
      ],
    ]);
  });

  describe('weapons arriving in a state', () => {
    check([
      ['en', 'A first batch of Turkish drones arrived in Chad on Wednesday.', ['arms_transfer TUR TCD']],
      ['en', 'Two Rafale jets landed at an air base in Croatia on Thursday.', ['arms_transfer FRA HRV']],
      ['id', 'Dua jet tempur Rafale buatan Prancis tiba di Yunani pada Senin.', ['arms_transfer FRA GRC']],
      // People arriving are no weapons.
      ['en', 'The Iranian foreign minister arrived in Moscow on Monday.', []],
      [
        'en',
        'Rifles made in Bulgarian factories have ended up in Yemen, investigators said.',
        ['arms_transfer BGR YEM'],
      ],
      ['en', 'Weapons reached Libya from Egypt last year.', ['arms_transfer EGY LBY']],
      ['en', 'The delegation reached Moscow on Monday.', []],
    ]);
  });

  describe('buyers named without their seller', () => {
    check([
      // "its six aircraft", "its first two" refer back to the system named just before: its maker sells.
      [
        'en',
        "The KC-390 is Embraer's best seller. Chile has received two of its three aircraft, and Peru took delivery of its first two in May.",
        ['arms_transfer BRA CHL', 'arms_transfer BRA PER'],
      ],
      // Demonyms of every state (world-countries), English and French.
      [
        'en',
        'Salvadoran troops trained with Honduran forces near the border.',
        ['military_cooperation SLV HND'],
      ],
      ['fr', 'Le Bénin a reçu des blindés sud-africains.', ['arms_transfer ZAF BEN']],
      // Spanish and Portuguese demonyms (the registry's overlay).
      ['es', 'Tropas chilenas participaron en maniobras con Bolivia.', ['military_cooperation CHL BOL']],
      ['pt', 'Soldados angolanos participaram de manobras com a Namíbia.', ['military_cooperation AGO NAM']],

      // A nationality before "army" or "navy" names the buyer, not where the weapons come from.
      ['en', 'The Peruvian army bought drones from Israel.', ['arms_transfer ISR PER']],
      ['en', "Kenya's navy received two patrol ships from Turkey.", ['arms_transfer TUR KEN']],
      [
        'en',
        'Ghana is modernising its air force, with four more trainer jets due from Brazil.',
        ['arms_transfer BRA GHA'],
      ],
      ['en', 'Croatia has bought a dozen used Rafale jets for its air force.', ['arms_transfer FRA HRV']],
      ['en', 'Romania signed a contract last year for 54 K9 howitzers.', ['arms_transfer KOR ROU']],
      ['en', 'Norway chose German-made tanks for its army in 2023.', ['arms_transfer DEU NOR']],
      [
        'id',
        'Pemerintah Polandia dan Filipina tertarik membeli jet tempur KF-21 versi ekspor.',
        ['arms_transfer KOR POL', 'arms_transfer KOR PHL'],
      ],
      [
        'en',
        'Officials met on Monday. Ukraine used HIMARS launchers against Russian depots.',
        ['arms_transfer USA UKR'],
      ],
      [
        'en',
        'Officials met on Monday. The Philippines received a BrahMos battery last week. Vietnam wants to buy the missile too.',
        ['arms_transfer IND PHL', 'arms_transfer IND VNM'],
      ],
      // The maker is no seller when the sentence names one.
      ['en', 'Slovakia bought Rafale jets from Greece, officials said.', ['arms_transfer GRC SVK']],
    ]);
  });

  describe('joint development, licences and partners', () => {
    check([
      [
        'en',
        'The cruise missile, developed by Egypt and Turkey, has a range of 300 km.',
        ['military_cooperation EGY TUR'],
      ],
      [
        'en',
        'Serbia plans local assembly of Chinese drones under a licence agreement.',
        ['military_cooperation CHN SRB'],
      ],
      [
        'id',
        'Kapal selam itu dibangun di Surabaya dengan alih teknologi dari Prancis untuk Indonesia.',
        ['military_cooperation FRA IDN'],
      ],
      [
        'en',
        "Vietnam is one of Japan's closest defence partners in the region.",
        ['military_cooperation JPN VNM'],
      ],
      // One maker is no cooperation.
      ['en', 'The drone, developed by Turkey, was shown at the fair.', []],
    ]);
  });

  describe('sanctions on those involved in a transfer just told', () => {
    check([
      [
        'en',
        'North Korea has sent millions of artillery shells to Russia. Washington and Seoul have sanctioned the companies involved in the arms shipments.',
        ['arms_transfer PRK RUS', 'sanctions_imposed USA PRK', 'sanctions_imposed KOR PRK'],
      ],
    ]);
  });

  describe('"do the same", "followed suit"', () => {
    check([
      [
        'en',
        'Officials met on Monday. Australia said it would recognise Palestine this week, and Canada and Britain have announced they will do the same.',
        [
          'diplomatic_recognition AUS PSE',
          'diplomatic_recognition CAN PSE',
          'diplomatic_recognition GBR PSE',
        ],
      ],
      [
        'en',
        'Officials met on Monday. Britain imposed sanctions on Iran, and France followed suit.',
        ['sanctions_imposed GBR IRN', 'sanctions_imposed FRA IRN'],
      ],
    ]);
  });

  describe('relying on suppliers', () => {
    check([
      [
        'en',
        'Officials met on Monday. Moscow turned to Pyongyang and Tehran for shells and drones.',
        ['arms_transfer PRK RUS', 'arms_transfer IRN RUS'],
      ],
      // No buyer named: the states leaned on are suppliers, not a buyer.
      [
        'en',
        'Officials met on Monday. The ruling junta has leaned heavily on Russia and China for weapons.',
        [],
      ],
    ]);
  });

  describe('workers living abroad', () => {
    check([
      [
        'en',
        'Officials met on Monday. Thousands of North Korean IT workers are living in China and Laos.',
        ['labor_export PRK CHN', 'labor_export PRK LAO'],
      ],
      [
        'id',
        'Pejabat bertemu pada Senin. Ribuan pekerja Korea Utara bermukim di China dan Laos.',
        ['labor_export PRK CHN', 'labor_export PRK LAO'],
      ],
      // Citizens are workers where the sentence says they work, not where they only travel.
      ['en', 'Nearly 400,000 Tajik citizens are currently working in Kazakhstan.', ['labor_export TJK KAZ']],
      ['en', 'Some 2,000 Kenyan nationals are employed in Qatar.', ['labor_export KEN QAT']],
      ['en', 'Tajik citizens travelled to Kazakhstan for the holidays.', []],
      // Workers hired "from" a state come from it, whoever the clause's subject is; "10,000" is one number.
      ['en', 'Laos imports workers from Vietnam.', ['labor_export VNM LAO']],
      ['en', 'Malaysia recruited 12,000 workers from Nepal last year.', ['labor_export NPL MYS']],
    ]);
  });

  describe('asides between commas', () => {
    check([
      [
        'en',
        'Officials met on Monday. Egypt, for example, operates Russian-made fighter jets.',
        ['arms_transfer RUS EGY'],
      ],
      [
        'id',
        'Pejabat bertemu pada Senin. Thailand, misalnya, mengoperasikan kapal induk buatan Spanyol sejak 1997.',
        ['arms_transfer ESP THA'],
      ],
    ]);
  });

  describe('descriptors as parties', () => {
    check([
      [
        'en',
        'Ethiopia signed a labour deal with Saudi Arabia last year. Kenya now sends thousands of domestic workers to the kingdom.',
        ['labor_export KEN SAU'],
      ],
    ]);
  });

  describe('military cooperation beyond drills and visits', () => {
    check([
      // A named exercise is a military one, with no military word in the sentence; a day is no name.
      [
        'en',
        'Chile and Peru held the Pacific Shield exercises off Arica on Monday.',
        ['military_cooperation CHL PER'],
      ],
      ['en', 'Chile and Peru held the exercises on Monday.', []],
      [
        'id',
        'Indonesia dan Brunei menggelar latihan Elang Nusa di Balikpapan.',
        ['military_cooperation IDN BRN'],
      ],
      ['id', 'Indonesia dan Brunei menggelar latihan Senin lalu.', []],
      // Armed services between the items of a list keep them a list: "TNI AD dan Angkatan Darat AS".
      [
        'id',
        'TNI AD dan Angkatan Darat Brunei menggelar latihan Elang Nusa di Balikpapan.',
        ['military_cooperation IDN BRN'],
      ],
      [
        'en',
        'The Chilean Navy and the Peruvian Navy held the Pacific Shield drills off Arica.',
        ['military_cooperation CHL PER'],
      ],
      // Taking part in an exercise beside another state's forces, in four languages; pilots and air
      // exercises are military context too.
      [
        'en',
        'Chilean pilots took part in an air exercise alongside forces from Peru and Ecuador.',
        ['military_cooperation CHL PER', 'military_cooperation CHL ECU', 'military_cooperation PER ECU'],
      ],
      [
        'pt',
        'Angola participou de manobras navais ao lado de forças da Namíbia.',
        ['military_cooperation AGO NAM'],
      ],
      [
        'es',
        'Chile participó en unas maniobras junto a fuerzas de Bolivia.',
        ['military_cooperation CHL BOL'],
      ],
      [
        'fr',
        'Le Sénégal a participé à un exercice naval aux côtés des forces de la Mauritanie.',
        ['military_cooperation SEN MRT'],
      ],
      [
        'id',
        'Marinir Indonesia berlatih dengan Angkatan Laut Thailand di Laut Andaman.',
        ['military_cooperation IDN THA'],
      ],
      // An armed force named by its acronym is its state.
      [
        'id',
        'TUDM masih mengandalkan jet tempur Su-30 buatan Rusia dan F/A-18D Hornet buatan AS.',
        ['arms_transfer RUS MYS', 'arms_transfer USA MYS'],
      ],
      [
        'en',
        'Kenya and Turkey agreed to jointly produce armoured vehicles at a plant near Nairobi.',
        ['military_cooperation KEN TUR'],
      ],
      [
        'en',
        'Indonesia will co-produce fighter jets with South Korea under the deal.',
        ['military_cooperation IDN KOR'],
      ],
      ['en', 'Brazil and Sweden moved to deepen defence ties on Monday.', ['military_cooperation BRA SWE']],
      [
        'en',
        'Vietnamese officers are being trained at military academies in India.',
        ['military_cooperation VNM IND'],
      ],
      [
        'en',
        'Dozens of Argentine pilots completed their training in Denmark this spring.',
        ['military_cooperation ARG DNK'],
      ],
      [
        'en',
        'Peru and Colombia signed a memorandum of understanding on defence industry cooperation.',
        ['military_cooperation PER COL'],
      ],
      [
        'en',
        "Japan and the Philippines signed a reciprocal access agreement that lets their troops train on each other's soil.",
        ['military_cooperation JPN PHL'],
      ],
      [
        'en',
        'The navies of Pakistan and China conducted exercises in the Arabian Sea last week.',
        ['military_cooperation PAK CHN'],
      ],
      [
        'en',
        'Mali, Niger and Burkina Faso announced a joint force to fight insurgents.',
        ['military_cooperation MLI NER', 'military_cooperation MLI BFA', 'military_cooperation NER BFA'],
      ],
      [
        'en',
        'Chad has turned to Russia for security assistance after the French withdrawal.',
        ['military_cooperation TCD RUS'],
      ],
      [
        'en',
        'Azerbaijan and Turkey signed a defence framework agreement in Baku.',
        ['military_cooperation AZE TUR'],
      ],
      ['en', 'Ghana and Nigeria staged war games along the coast.', ['military_cooperation GHA NGA']],
      [
        'en',
        'Uganda and Kenya will hold a combined naval drill next month.',
        ['military_cooperation UGA KEN'],
      ],
      [
        'en',
        'Egyptian special forces took part in manoeuvres hosted by Saudi Arabia.',
        ['military_cooperation EGY SAU'],
      ],
      [
        'en',
        'Serbia and Hungary launched a joint venture to manufacture artillery ammunition.',
        ['military_cooperation SRB HUN'],
      ],
      [
        'en',
        'Thai officers attended a staff course at a Chinese military academy.',
        ['military_cooperation THA CHN'],
      ],
      [
        'id',
        'Indonesia dan Turki sepakat memproduksi bersama kapal perang di Surabaya.',
        ['military_cooperation IDN TUR'],
      ],
      [
        'id',
        'Pilot TNI AU menjalani pelatihan di Prancis selama enam bulan.',
        ['military_cooperation IDN FRA'],
      ],
      [
        'id',
        'Malaysia dan Indonesia sepakat memperkuat hubungan pertahanan kedua negara.',
        ['military_cooperation MYS IDN'],
      ],
      [
        'id',
        'Indonesia dan Australia menggelar latihan militer di Darwin pekan lalu.',
        ['military_cooperation IDN AUS'],
      ],
      [
        'id',
        'Filipina dan Jepang menandatangani nota kesepahaman di bidang pertahanan.',
        ['military_cooperation PHL JPN'],
      ],
      ['id', 'Perwira Vietnam mengikuti pendidikan militer di India.', ['military_cooperation VNM IND']],
    ]);
  });

  describe('arms told through an adjective of origin or operation', () => {
    check([
      ['en', 'Turkish-built drones were delivered to Ukraine in the spring.', ['arms_transfer TUR UKR']],
      ['en', 'Nigeria took delivery of Chinese-made fighter jets on Friday.', ['arms_transfer CHN NGA']],
      ['en', 'Morocco received its first batch of Israeli drones in March.', ['arms_transfer ISR MAR']],
      ['en', "Egypt's air force flies French Rafale jets.", ['arms_transfer FRA EGY']],
      ['en', 'The Philippine navy now operates Indian BrahMos missiles.', ['arms_transfer IND PHL']],
      [
        'en',
        "Venezuela's army fields Russian tanks and Iranian drones.",
        ['arms_transfer RUS VEN', 'arms_transfer IRN VEN'],
      ],
      ['id', 'TNI AU menerima jet tempur buatan Prancis pada Januari.', ['arms_transfer FRA IDN']],
      ['id', 'Drone buatan Iran dikirim ke Rusia melalui Laut Kaspia.', ['arms_transfer IRN RUS']],
      ['id', 'Filipina mengoperasikan rudal BrahMos buatan India.', ['arms_transfer IND PHL']],
      ['id', 'Indonesia membeli kapal selam buatan Korea Selatan.', ['arms_transfer KOR IDN']],
    ]);
  });

  describe('a defence visit: the place visited is the host', () => {
    check([
      ['en', 'The Russian defence minister visited Pyongyang in July.', ['military_cooperation PRK RUS']],
      [
        'en',
        'Indonesian Defence Minister Prabowo visited Ankara to discuss military cooperation.',
        ['military_cooperation IDN TUR'],
      ],
      [
        'fr',
        'Le ministre russe de la Défense a visité Pyongyang en juillet.',
        ['military_cooperation PRK RUS'],
      ],
      // No military word: a visit is no cooperation.
      ['en', 'Putin visited Beijing for trade talks.', []],
    ]);
  });

  describe('switching recognition, establishing relations', () => {
    check([
      [
        'en',
        'The Solomon Islands switched diplomatic recognition from Taiwan to China in 2019.',
        ['diplomatic_recognition SLB CHN'],
      ],
      ['en', 'Kiribati switched ties from Taipei to Beijing days later.', ['diplomatic_recognition KIR CHN']],
      [
        'en',
        'Panama cut ties with Taiwan and established relations with China in 2017.',
        ['diplomatic_recognition PAN CHN'],
      ],
      [
        'id',
        'Kepulauan Solomon mengalihkan pengakuan diplomatik dari Taiwan ke China pada 2019.',
        ['diplomatic_recognition SLB CHN'],
      ],
    ]);
  });

  describe('technology help', () => {
    check([
      ['en', 'Moscow is helping Pyongyang with its satellite technology.', ['military_cooperation PRK RUS']],
      ['id', 'Rusia membantu Korea Utara mengembangkan teknologi rudal.', ['military_cooperation PRK RUS']],
      // A state's own technology is no help; "any transfer of" it is no act.
      ['en', "Iran's missile technology is advancing fast.", []],
      ['en', 'Any transfer of missile technology from Belarus to Iran would be a concern.', []],
    ]);
  });

  describe('what a panel "found" or "reports" it stands behind; unverified reports are allegations', () => {
    it('should make the finder the claimant of a finding told after the claim', () => {
      const [claim] = engineOn(
        'en',
        'The Houthis have received Iranian missiles, the UN panel found.',
      ).claims;
      expect(claim).toMatchObject({ source: 'IRN', target: 'YEM', claimant: 'UN', modality: 'assessed' });
    });

    it.each([
      ['There were reports that Belarus sent shells to Russia.', 'alleged', null],
      [
        'Reuters could not independently verify the report that Belarus sent shells to Russia.',
        'alleged',
        null,
      ],
      ['Belarus sent shells to Russia, the Pentagon reports.', 'assessed', 'usa.dod'],
    ])('%s: %s, claimant %s', (text, modality, claimant) => {
      const [claim] = engineOn('en', text).claims;
      expect(claim).toMatchObject({ source: 'BLR', target: 'RUS', modality, claimant });
    });

    it.each([
      ['Ada laporan bahwa Belarus mengirim peluru ke Rusia.', 'alleged'],
      ['Belarus mengirim peluru ke Rusia, lapor Reuters.', 'alleged'],
    ])('[id] %s: %s', (text, modality) => {
      const [claim] = engineOn('id', text).claims;
      expect(claim).toMatchObject({ source: 'BLR', target: 'RUS', modality });
    });

    // "found" as "discovered", with an object of its own, speaks for no one.
    check([['en', 'Investigators found Iranian parts in drone wreckage in Ukraine.', []]]);
  });

  describe('acknowledging that something happened is no recognition', () => {
    check([
      [
        'id',
        'Pemerintah Korea Selatan mengakui bahwa Korut mengirim pekerja ke Rusia.',
        ['labor_export PRK RUS'],
      ],
      ['id', 'Indonesia mengakui kemerdekaan Timor Leste pada 2002.', ['diplomatic_recognition IDN TLS']],
      [
        'en',
        'Britain recognised that North Korea had sent troops to Russia.',
        ['military_cooperation PRK RUS'],
      ],
    ]);

    it.each([
      ['en', 'Seoul acknowledged that North Korea had sent workers to Russia.', 'KOR'],
      ['id', 'Pemerintah Korea Selatan mengakui bahwa Korut mengirim pekerja ke Rusia.', 'KOR'],
    ])('[%s] %s: the one who acknowledges is the claimant', (language, text, claimant) => {
      const [claim] = engineOn(language, text).claims;
      expect(claim).toMatchObject({ type: 'labor_export', claimant, modality: 'assessed' });
    });
  });

  describe('whom named sanctions hit', () => {
    check([
      // A target marked after the noun is hit, not the subject that blocks the sanctions.
      ['en', 'Slovakia blocked new EU sanctions against Belarus.', ['sanctions_imposed EU BLR']],
      // A comma clause with only the imposer before the noun hits the sentence's subject.
      [
        'en',
        'Egypt bought Su-35 jets from Russia in 2019, triggering US sanctions under CAATSA.',
        ['arms_transfer RUS EGY', 'sanctions_imposed USA EGY'],
      ],
      // One that names its own target keeps it.
      [
        'en',
        'Belarus backed the invasion in 2022, prompting EU sanctions against Minsk.',
        ['sanctions_imposed EU BLR'],
      ],
    ]);

    check([
      // A sanctioning verb that opens a comma clause imposes as the sentence's subject.
      [
        'en',
        'The Security Council of the UN adopted a resolution in 2016, banning North Korean coal exports.',
        ['sanctions_imposed UN PRK'],
      ],
      [
        'en',
        'Canada announced new measures on Monday, sanctioning two Iranian generals.',
        ['sanctions_imposed CAN IRN'],
      ],
    ]);

    it('should read "risking sanctions" as sanctions that may come', () => {
      const claim = engineOn('en', 'Egypt bought Su-35 jets from Russia, risking US sanctions.').claims.find(
        (c) => c.type === 'sanctions_imposed',
      );
      expect(claim).toMatchObject({ source: 'USA', target: 'EGY', modality: 'hypothetical' });
    });
  });

  describe('"US-sanctioned" is an adjective, "The US sanctioned" an act', () => {
    check([
      ['en', 'The US sanctioned three banks in Kyrgyzstan on Tuesday.', ['sanctions_imposed USA KGZ']],
      ['en', 'The US sanctioned Iran over its drone exports.', ['sanctions_imposed USA IRN']],
      ['en', 'A US-sanctioned tanker was seen off the coast of Venezuela.', []],
      ['en', 'Western sanctions hit the Venezuelan economy hard last year.', []],
    ]);
  });

  describe('passive and nominal sanctions', () => {
    check([
      // A second target after "and on"; a speech verb in a relative clause is no attribution of the whole.
      [
        'en',
        "Canada imposed sanctions on the commander of Libya's eastern forces and on four companies in Egypt that it says supplied them with weapons.",
        ['sanctions_imposed CAN LBY', 'sanctions_imposed CAN EGY'],
      ],
      // The nationality of the listed companies is whom "its" list hits; the state "its" points to imposes.
      [
        'en',
        'Beijing on Monday added five Canadian drone companies to its export control list.',
        ['sanctions_imposed CHN CAN'],
      ],
      [
        'en',
        'Three Sudanese firms were sanctioned by the United States on Monday.',
        ['sanctions_imposed USA SDN'],
      ],
      [
        'en',
        'Sanctions on Syria were extended by the European Union for another year.',
        ['sanctions_imposed EU SYR'],
      ],
      [
        'en',
        'The new US sanctions on Venezuelan officials took effect on Monday.',
        ['sanctions_imposed USA VEN'],
      ],
      ['en', "Britain's sanctions against Belarus now cover potash exports.", ['sanctions_imposed GBR BLR']],
      [
        'en',
        'Two Emirati shipping firms were added to the US sanctions list.',
        ['sanctions_imposed USA ARE'],
      ],
      ['en', 'Japan froze the assets of three Russian banks.', ['sanctions_imposed JPN RUS']],
      ['id', 'Rusia dikenai sanksi oleh Uni Eropa sejak 2014.', ['sanctions_imposed EU RUS']],
      ['id', 'Sanksi Amerika Serikat terhadap Iran diperpanjang.', ['sanctions_imposed USA IRN']],
      ['id', 'Uni Eropa menjatuhkan sanksi kepada tiga perusahaan Turki.', ['sanctions_imposed EU TUR']],
      [
        'id',
        'Tiga perusahaan asal Uni Emirat Arab dijatuhi sanksi oleh Amerika Serikat.',
        ['sanctions_imposed USA ARE'],
      ],
    ]);
  });

  describe('labour export without "send"', () => {
    check([
      // PMI / TKI: the Indonesian words for Indonesian migrant workers name the sending state too.
      [
        'id',
        'Sekitar 2.000 PMI telah bekerja di pabrik-pabrik di Ceko sejak 2022.',
        ['labor_export IDN CZE'],
      ],
      ['id', 'Tahun lalu sebanyak 5.400 TKI ditempatkan di Brunei.', ['labor_export IDN BRN']],
      [
        'en',
        'Thousands of North Korean workers were dispatched to Russia last year.',
        ['labor_export PRK RUS'],
      ],
      [
        'en',
        "About 2,000 Nepali workers are employed in Qatar's construction sector.",
        ['labor_export NPL QAT'],
      ],
      ['en', 'North Korean labourers in Russia earn money for Pyongyang.', ['labor_export PRK RUS']],
      ['en', 'Hundreds of Bangladeshi workers arrived in Malaysia last month.', ['labor_export BGD MYS']],
      ['en', 'Uzbek migrants working in Russia sent home record remittances.', ['labor_export UZB RUS']],
      ['en', 'Saudi Arabia plans to recruit 10,000 Filipino nurses next year.', ['labor_export PHL SAU']],
      ['id', 'Ribuan buruh Korea Utara bekerja di Rusia.', ['labor_export PRK RUS']],
      ['id', 'Pekerja Korea Utara dipekerjakan di proyek konstruksi Rusia.', ['labor_export PRK RUS']],
      [
        'id',
        'Sebanyak 500 tenaga kerja Indonesia diberangkatkan ke Jepang pekan lalu.',
        ['labor_export IDN JPN'],
      ],
      [
        'id',
        'Penempatan pekerja migran Indonesia ke Korea Selatan dibuka kembali.',
        ['labor_export IDN KOR'],
      ],
    ]);
  });

  describe('UN sanctions told as background', () => {
    check([
      [
        'en',
        'Under UN Security Council resolutions, North Korea is banned from exporting arms.',
        ['sanctions_imposed UN PRK'],
      ],
      ['en', 'North Korea has been under United Nations sanctions since 2006.', ['sanctions_imposed UN PRK']],
      ['en', 'UN resolutions prohibit Pyongyang from selling weapons abroad.', ['sanctions_imposed UN PRK']],
      [
        'id',
        'Korea Utara dilarang mengekspor senjata oleh resolusi Dewan Keamanan PBB.',
        ['sanctions_imposed UN PRK'],
      ],
      ['id', 'Libya berada di bawah embargo senjata PBB sejak 2011.', ['sanctions_imposed UN LBY']],
    ]);
  });

  describe('nominal violations and violations of the act just told', () => {
    check([
      // Sanctioning a firm for helping another state evade sanctions: an imposition and the firm's violation.
      [
        'en',
        'The United States sanctioned a Turkish company for helping Iran evade sanctions.',
        ['sanctions_imposed USA TUR', 'sanctions_violation TUR IRN'],
      ],
      [
        'id',
        'AS menjatuhkan sanksi kepada perusahaan Turki karena membantu Iran menghindari sanksi.',
        ['sanctions_imposed USA TUR', 'sanctions_violation TUR IRN'],
      ],
      // Those who help another party evade violate, with the one helped; firms count as the states they are in.
      [
        'en',
        "The firms in Armenia and Georgia helped Russian buyers circumvent the bloc's export ban on dual-use goods.",
        ['sanctions_violation ARM RUS', 'sanctions_violation GEO RUS'],
      ],
      // With no helper named, the one helped violates.
      [
        'en',
        'The transfers helped Pyongyang evade the cap on petroleum imports set by UN sanctions.',
        ['sanctions_violation PRK null', 'sanctions_imposed UN PRK'],
      ],
      // The sanctions a violation names are no act of imposing, also after "U.N.".
      ['en', 'Chad violated the U.N. arms embargo on Libya last year.', ['sanctions_violation TCD LBY']],
      // Every state of a subject list violates; the embargo's target is the counterparty.
      [
        'en',
        'Chad and Niger violated the arms embargo on Sudan last year, a UN panel said.',
        ['sanctions_violation TCD SDN', 'sanctions_violation NER SDN'],
      ],
      [
        'en',
        'Iran sold drones to Russia. The transfers were in breach of UN Security Council resolution 2231.',
        ['arms_transfer IRN RUS', 'sanctions_violation IRN RUS'],
      ],
      [
        'en',
        'North Korea shipped rifles to Libya in breach of the UN arms embargo.',
        ['arms_transfer PRK LBY', 'sanctions_violation PRK LBY'],
      ],
      [
        'id',
        'Korea Utara mengirim senjata ke Libya. Pengiriman itu melanggar resolusi PBB.',
        ['arms_transfer PRK LBY', 'sanctions_violation PRK LBY'],
      ],
      [
        'id',
        'Pengiriman senjata Korea Utara ke Libya merupakan pelanggaran embargo PBB.',
        ['arms_transfer PRK LBY', 'sanctions_violation PRK LBY'],
      ],
    ]);
  });

  describe('issuing verbs, evasion and passive accusations', () => {
    check([
      [
        'en',
        'The U.S. State Department has approved the possible sale of spare parts for F-16 fighters to Taiwan.',
        ['arms_transfer USA TWN'],
      ],
      [
        'en',
        'The Pentagon announced a new package of military aid to Ukraine on Tuesday.',
        ['arms_transfer USA UKR'],
      ],
      [
        'en',
        'According to Treasury, the transfers helped Pyongyang evade the cap on petroleum imports set by U.N. Security Council Resolution 2397.',
        ['sanctions_violation PRK null'],
      ],
      [
        'id',
        'Pemerintah Korea Selatan menjatuhkan sanksi terhadap 11 individu dan empat lembaga Korea Utara yang dituding mengelola jaringan pekerja.',
        ['sanctions_imposed KOR PRK'],
      ],
    ]);
  });

  describe('precision: no claim', () => {
    check([
      // A "to" of another clause is no sanctions target.
      [
        'en',
        'China froze the assets of seven defence firms in the country, a week after Washington approved the sale of air defence systems to Taiwan.',
        ['arms_transfer USA TWN'],
      ],
      // Sanctions of a group no one names say nothing of who imposed them.
      ['en', 'Kazakhstan says it complies with Western sanctions against Moscow.', []],
      ['id', 'Kazakhstan menyatakan mematuhi sanksi Barat terhadap Rusia.', []],
      ['en', 'Kenya and Turkey agreed to expand trade and tourism cooperation.', []],
      ['en', 'Brazil exported record volumes of soybeans to China.', []],
      ['en', "Indian workers' remittances rose sharply, the central bank said.", []],
      ['en', 'French and German ministers met in Paris to discuss climate finance.', []],
      ['id', 'Indonesia dan Malaysia sepakat memperkuat kerja sama ekonomi dan pariwisata.', []],
      ['id', 'Indonesia mengimpor beras dari Thailand dan Vietnam.', []],
      ['en', 'Qatar and Saudi Arabia signed an agreement to produce fertiliser jointly.', []],
    ]);
  });

  describe('lists of parties, orders, trainees abroad, recognition of a named state, resolutions', () => {
    check([
      ['en', 'Around 900 Nepali caregivers left for Israel in the first quarter.', ['labor_export NPL ISR']],
      ['en', 'Japan sent a team of 60 rescue workers to Turkey after the earthquake.', []],
      [
        'en',
        'The Kazakh air force has taken delivery of four transport aircraft from Spain.',
        ['arms_transfer ESP KAZ'],
      ],
      ['en', 'Chile has ordered six frigates from Britain, the navy said.', ['arms_transfer GBR CHL']],
      [
        'en',
        'Kenya has been buying Turkish, Chinese and Jordanian armoured vehicles.',
        ['arms_transfer TUR KEN', 'arms_transfer CHN KEN', 'arms_transfer JOR KEN'],
      ],
      [
        'en',
        'Sweden, Finland and Denmark have imposed sanctions on Belarusian potash firms.',
        ['sanctions_imposed SWE BLR', 'sanctions_imposed FIN BLR', 'sanctions_imposed DNK BLR'],
      ],
      [
        'en',
        'Canada and Australia have also sanctioned Iranian drone makers.',
        ['sanctions_imposed CAN IRN', 'sanctions_imposed AUS IRN'],
      ],
      [
        'en',
        'Resolution 1718 requires all states to prevent arms sales to North Korea, and Resolution 2397 ordered them to repatriate North Korean workers.',
        ['sanctions_imposed UN PRK'],
      ],
      [
        'id',
        'Eritrea dituduh melanggar resolusi Dewan Keamanan PBB yang melarang Somalia mengimpor senjata.',
        ['sanctions_imposed UN SOM', 'sanctions_violation ERI SOM'],
      ],
      [
        'en',
        'Fifty Kenyan marines completed a six-week course at a British base in Wales.',
        ['military_cooperation KEN GBR'],
      ],
      [
        'id',
        'Sebanyak 40 awak TNI AL menjalani pelatihan di Jerman sebelum kapal diserahkan.',
        ['military_cooperation IDN DEU'],
      ],
      [
        'fr',
        'Des soldats ukrainiens sont formés en Pologne depuis janvier.',
        ['military_cooperation UKR POL'],
      ],
      [
        'es',
        'Perú y Chile firmaron un memorando de entendimiento en materia de defensa.',
        ['military_cooperation PER CHL'],
      ],
      [
        'ru',
        'Египет и Россия договорились о совместном производстве бронетехники.',
        ['military_cooperation EGY RUS'],
      ],
      [
        'en',
        'Vanuatu formally recognised China as the sole legal government after cutting ties with Taiwan.',
        ['diplomatic_recognition VUT CHN'],
      ],
      [
        'id',
        'Nauru mengakui Republik Rakyat China sebagai satu-satunya pemerintah sah dan memutus hubungan dengan Taiwan.',
        ['diplomatic_recognition NRU CHN'],
      ],
      ['en', 'The Kremlin acknowledged Iran had been a reliable partner.', []],
    ]);
  });

  describe('warships, ties with a contested state, "the country" as a sanctions target', () => {
    check([
      [
        'en',
        "Chile's armed forces have deployed Swedish-made air defence radars along the coast.",
        ['arms_transfer SWE CHL'],
      ],
      ['en', 'Peru operates two aircraft carriers bought from Britain.', ['arms_transfer GBR PER']],
      ['id', 'Malaysia akan menerima tiga korvet dari Turki tahun depan.', ['arms_transfer TUR MYS']],
      [
        'en',
        'Belize and Haiti are among the few states that still maintain diplomatic ties with Taiwan.',
        ['diplomatic_recognition BLZ TWN', 'diplomatic_recognition HTI TWN'],
      ],
      [
        'id',
        'Guatemala dan Paraguay masih menjalin hubungan diplomatik dengan Taiwan.',
        ['diplomatic_recognition GTM TWN', 'diplomatic_recognition PRY TWN'],
      ],
      // Relations established with any state: its government is the one recognised.
      [
        'en',
        'Nicaragua established diplomatic relations with Beijing in 2021.',
        ['diplomatic_recognition NIC CHN'],
      ],
      [
        'es',
        'Panamá estableció relaciones diplomáticas con China en 2017.',
        ['diplomatic_recognition PAN CHN'],
      ],
      [
        'fr',
        'Le Burkina Faso a rétabli ses relations diplomatiques avec la Chine.',
        ['diplomatic_recognition BFA CHN'],
      ],
      ['en', 'Honduras severed diplomatic ties with Taiwan in March.', []],
      // Ending ties with Taipei is no recognition of it, by anyone.
      [
        'en',
        "Nauru said it now recognises the People's Republic of China as the sole legitimate government of China, ending 20 years of formal ties with Taiwan.",
        ['diplomatic_recognition NRU CHN'],
      ],
      ['id', 'Nikaragua memutuskan hubungan diplomatik dengan Taiwan pada 2021.', []],
      [
        'en',
        "Sudan's army bought drones from Iran. Canada imposed an arms embargo on the country in June.",
        ['arms_transfer IRN SDN', 'sanctions_imposed CAN SDN'],
      ],
    ]);
  });

  describe('precision: attacks, broken ties, halted drills, the Republic of China', () => {
    check([
      // "any" act that may happen is no claim; a denied one is.
      ['en', 'Any sale of fighter jets from Russia to Egypt would be a mistake, a U.S. official said.', []],
      ['en', 'Egypt denied any purchase of fighter jets from Russia.', ['arms_transfer RUS EGY']],
      // What an attack verb hits is no origin of weapons.
      ['en', 'Israel struck Syrian missile depots near Homs on Tuesday.', []],
      ['ru', 'После этого Грузия разорвала дипломатические отношения с Москвой.', []],
      ['id', 'Thailand sebelumnya menghentikan latihan militer bersama dengan AS pada 2014.', []],
      [
        'es',
        'Paraguay reconoce a la República de China como el único gobierno legítimo de China.',
        ['diplomatic_recognition PRY TWN'],
      ],
      // "as well as" is a list, not what the recognised one is recognised as.
      [
        'en',
        'Few governments recognise Abkhazia, among them Nicaragua as well as Venezuela.',
        ['diplomatic_recognition NIC GEO', 'diplomatic_recognition VEN GEO'],
      ],
    ]);
  });

  describe('"they" after a list of states that opens the sentence', () => {
    check([
      [
        'en',
        'Finland and Estonia said they would send howitzers to Ukraine.',
        ['arms_transfer FIN UKR', 'arms_transfer EST UKR'],
      ],
      [
        'en',
        'Chile and Peru said they will buy Gripen jets.',
        ['arms_transfer SWE CHL', 'arms_transfer SWE PER'],
      ],
      [
        'en',
        'Norway, Iceland and Denmark said on Monday that they would impose sanctions on Belarusian potash exporters.',
        ['sanctions_imposed NOR BLR', 'sanctions_imposed ISL BLR', 'sanctions_imposed DNK BLR'],
      ],
      [
        'id',
        'Jepang dan Kanada menyatakan mereka akan menjatuhkan sanksi terhadap Belarus.',
        ['sanctions_imposed JPN BLR', 'sanctions_imposed CAN BLR'],
      ],
    ]);
  });

  describe('"the government" with no state named: the home state of an office in the sentence or of the dateline', () => {
    check([
      [
        'id',
        'Kepala Badan Pelindungan Pekerja Migran Indonesia mengatakan pemerintah akan mengirim 400 perawat ke Belanda tahun depan.',
        ['labor_export IDN NLD'],
      ],
      ['en', 'MANILA - The government will send 2,000 nurses to Canada next year.', ['labor_export PHL CAN']],
      // A state named next to it is that government; another government, or no home, gives no party.
      ['id', 'Pemerintah Jepang akan mengirim 400 perawat ke Vietnam tahun depan.', ['labor_export JPN VNM']],
      ['id', 'Pemerintah daerah akan mengirim 400 perawat ke Belanda tahun depan.', []],
      ['en', 'The government will send 2,000 nurses to Canada next year.', []],
      // Korean and Japanese news: the government of last resort is Seoul's, Tokyo's.
      ['ko', '정부는 15일 북한 개인 8명을 독자 제재 대상으로 지정했다.', ['sanctions_imposed KOR PRK']],
    ]);
  });

  describe('confirming verbs with their object, rocket launchers, unloading weapons', () => {
    check([
      ['es', 'Argentina confirmó la compra de 12 helicópteros a Italia.', ['arms_transfer ITA ARG']],
      [
        'en',
        'The Argentine defence ministry confirmed the purchase of 12 helicopters from Italy.',
        ['arms_transfer ITA ARG'],
      ],
      ['ru', 'Казахстан закупает у Турции реактивные системы залпового огня.', ['arms_transfer TUR KAZ']],
      ['en', 'Kazakhstan is buying multiple rocket launchers from Turkey.', ['arms_transfer TUR KAZ']],
      ['en', 'An Egyptian ship unloaded weapons in Somalia on Monday.', ['arms_transfer EGY SOM']],
      // Names that Spanish or Portuguese also write as a demonym ("argentina", "serbia") stay names.
      ['en', 'Serbia bought drones from China.', ['arms_transfer CHN SRB']],
      ['en', 'Argentina bought jets from Denmark.', ['arms_transfer DNK ARG']],
      ['es', 'Indonesia compró aviones a Francia.', ['arms_transfer FRA IDN']],
      // "disebut-sebut" (reportedly) is no speech verb "sebut" with its subject as speaker.
      [
        'id',
        'Vietnam dan Thailand disebut-sebut tertarik membeli FA-50 versi terbaru.',
        ['arms_transfer KOR VNM', 'arms_transfer KOR THA'],
      ],
      ['en', 'Turkey and Qatar developed the armoured vehicle together.', ['military_cooperation TUR QAT']],
      // "buy it": the weapon named just before, or the transfer told in the sentence before.
      [
        'en',
        'The Czech air force received its first C-390 on Monday. Sweden will also buy it.',
        ['arms_transfer BRA CZE', 'arms_transfer BRA SWE'],
      ],
      [
        'en',
        'Bulgaria signed a contract last year for six transport aircraft from Brazil. Greece will also buy it.',
        ['arms_transfer BRA BGR', 'arms_transfer BRA GRC'],
      ],
      // A second "with" after a conjunction is another partner; Indonesian coastal combat ships are warships.
      [
        'id',
        'Tahun ini TNI AL berlatih dengan Angkatan Laut Jepang di Laut Jawa, serta dengan Angkatan Laut Prancis di Selat Sunda.',
        ['military_cooperation IDN JPN', 'military_cooperation IDN FRA'],
      ],
      [
        'en',
        "Vietnam's navy drilled with the Indian navy in May, and with the Japanese navy in June.",
        ['military_cooperation VNM IND', 'military_cooperation VNM JPN'],
      ],
      [
        'id',
        'Filipina meneken kontrak pembangunan dua kapal tempur pesisir dengan galangan dari Korea Selatan.',
        ['arms_transfer KOR PHL'],
      ],
      // Defence companies act for their country; the agent of a participle after the verb is not the verb's.
      ['en', 'Embraer delivered the third C-390 ordered by Hungary on Monday.', ['arms_transfer BRA HUN']],
      [
        'pt',
        'A Embraer entregou em agosto o quinto KC-390 encomendado pela Hungria.',
        ['arms_transfer BRA HUN'],
      ],
      ['en', 'Chile signed a contract with Naval Group for two submarines.', ['arms_transfer FRA CHL']],
      [
        'id',
        'Dua pesawat C-130J buatan Lockheed Martin, Amerika Serikat, tiba di Jakarta pada Kamis.',
        ['arms_transfer USA IDN'],
      ],
      // An agent noun's possessive is its customer: "India's largest arms supplier".
      ['en', "Russia is Laos's largest arms supplier.", ['arms_transfer RUS LAO']],
      ['en', "China became Cambodia's main supplier of weapons in 2015.", ['arms_transfer CHN KHM']],
      // "Turkey's drone sales": a noun of selling glued to its goods, whoever owns them.
      ['en', "Turkey's drone sales to Ethiopia grew last year.", ['arms_transfer TUR ETH']],
      // A pronoun subject is the other party of an arms industry word.
      [
        'en',
        "Serbia's defence ministry said it plans local assembly of Chinese drones under licence.",
        ['military_cooperation SRB CHN'],
      ],
      ['en', 'A Chinese navy ship docked in Colombo on Monday for a goodwill visit.', []],
    ]);
  });
});

describe('status of orders, contracts and choices of weapons', () => {
  const statuses = (language: string, text: string) =>
    engineOn(language, text)
      .claims.filter((c) => c.type === 'arms_transfer')
      .map((c) => c.status);

  it.each([
    ['en', 'Romania has signed a contract for 54 K9 howitzers.'],
    ['en', 'Serbia had also ordered 12 Rafale fighters from France.'],
    ['id', 'TNI AL juga memesan dua kapal selam Scorpène dari Prancis.'],
    // Units "due to arrive" are no delivery that would make the order completed.
    [
      'en',
      'Peru signed a contract last year for 24 K9 howitzers, and the first units are due to arrive in 2027.',
    ],
    ['fr', "Le Chili et la France ont signé mardi un contrat pour l'achat de 12 Rafale."],
    ['id', 'Amerika Serikat menyetujui penjualan 24 jet tempur F-16 ke Yunani.'],
  ])('[%s] %s is a planned transfer, whatever the tense', (language, text) => {
    expect(statuses(language, text)).toEqual(['planned']);
  });

  it('reads an approved sale as planned, with item kinds spelt as the contract spells them', () => {
    const r = extractArticle({
      id: 't',
      raw: 'Test headline for the engine\n2025-03-04T10:00:00+00:00\nWashington approved the sale of NASAMS air defence systems to Estonia.',
      language: 'en',
    });
    expect(r.claims.map((c) => [c.source, c.target, c.status, c.items])).toEqual([
      ['USA', 'EST', 'planned', ['air_defence', 'NASAMS']],
    ]);
  });

  it('keeps a delivery in the past completed', () => {
    expect(statuses('en', 'France delivered 12 Rafale fighters to Serbia in March.')).toEqual(['completed']);
  });
});

describe('an official the registry does not know', () => {
  const attributes = (text: string) =>
    engineOn('en', text).claims.map((c) => `${c.source}>${c.target} ${c.modality} ${c.claimant}`);

  it('speaks for the party that is the subject: its own act is asserted', () => {
    expect(
      attributes(
        'Chile will buy four frigates from Spain, Defence Minister Maria Soto announced on Tuesday.',
      ),
    ).toEqual(['ESP>CHL asserted CHL']);
  });

  it('speaks for nobody known when a nationality names a third state', () => {
    expect(
      attributes(
        'A Danish warship seized rifles that had been sent from Iran to Sudan, the Ministry of Defence said.',
      ),
    ).toContain('IRN>SDN assessed null');
  });
});

describe('French negation', () => {
  const modalities = (text: string) => engineOn('fr', text).claims.map((c) => c.modality);

  it("reads the N' that begins a name (N'Djamena) as no negation", () => {
    expect(
      modalities("La Hongrie et le Tchad ont signé mardi à N'Djamena un accord de coopération militaire."),
    ).toEqual(['asserted']);
  });

  it('denies with "ne … pas" even when "ne" stands far from the noun', () => {
    expect(modalities("La Hongrie n'a pas signé d'accord de coopération militaire avec le Tchad.")).toEqual([
      'denied',
    ]);
  });
});

describe('status of a recognition', () => {
  const statuses = (language: string, text: string) =>
    engineOn(language, text)
      .claims.filter((c) => c.type === 'diplomatic_recognition')
      .map((c) => c.status);

  // Recognition is done once: a state that still recognises Taipei has recognised it.
  it.each([
    ['en', 'Belize still recognises Taiwan.'],
    ['en', 'Haiti maintains diplomatic ties with Taiwan.'],
    ['id', 'Paraguay masih menjalin hubungan diplomatik dengan Taiwan.'],
  ])('[%s] %s is completed', (language, text) => {
    expect(statuses(language, text)).toEqual(['completed']);
  });

  it('keeps a recognition to come planned', () => {
    expect(statuses('en', 'Malta will recognise Palestine in September.')).toEqual(['planned']);
  });
});

describe('status from the sentence date when no tense word tells', () => {
  const statusOf = (text: string, type: string) =>
    engineOn('en', text)
      .claims.filter((c) => c.type === type)
      .map((c) => c.status);

  it('reads a pact signed in an earlier year as completed', () => {
    expect(
      statusOf(
        'Morocco and Israel signed a defence cooperation agreement in November 2021.',
        'military_cooperation',
      ),
    ).toEqual(['completed']);
  });

  it('reads an order told beside its delivery as completed', () => {
    expect(
      statusOf('Saab delivered the first two Gripen jets ordered by Thailand on Monday.', 'arms_transfer'),
    ).toEqual(['completed']);
    expect(statusOf('Thailand ordered two more Gripen jets on Monday.', 'arms_transfer')).toEqual([
      'planned',
    ]);
  });

  it('reads a possessive "has" as no perfect tense', () => {
    expect(statusOf('Nepal has about 400,000 workers employed in Qatar.', 'labor_export')).toEqual([
      'in_progress',
    ]);
    expect(statusOf('Nepal has sent 400,000 workers to Qatar.', 'labor_export')).toEqual(['completed']);
  });

  it('reads a delivery dated after the publication as planned', () => {
    expect(
      statusOf(
        'Under the deal, French deliveries of Rafale jets to Serbia in 2027 add to its air force.',
        'arms_transfer',
      ),
    ).toEqual(['planned']);
  });
});

describe('status words: tense of a violation, "continued to", negotiating and agreeing', () => {
  const statusIn = (language: string, text: string, type: string) =>
    engineOn(language, text)
      .claims.filter((c) => c.type === type)
      .map((c) => c.status);

  it.each([
    ['en', 'Eritrea violated the U.N. arms embargo on Sudan last year.', 'sanctions_violation', 'completed'],
    [
      'en',
      'Eritrea violates the U.N. arms embargo on Sudan, the panel said.',
      'sanctions_violation',
      'in_progress',
    ],
    ['en', 'Eritrea continued to supply weapons to Sudan, the panel said.', 'arms_transfer', 'in_progress'],
    ['en', 'Turkey and Qatar developed the armoured vehicle together.', 'military_cooperation', 'completed'],
    ['en', "Russia is Laos's largest arms supplier.", 'arms_transfer', 'in_progress'],
    [
      'id',
      'Filipina tengah bernegosiasi dengan Swedia untuk membeli jet Gripen.',
      'arms_transfer',
      'planned',
    ],
    [
      'id',
      'Filipina dan Vietnam sepakat memperluas kerja sama pelatihan pilot.',
      'military_cooperation',
      'planned',
    ],
  ])('[%s] %s: %s is %s', (language, text, type, status) => {
    expect(statusIn(language, text, type)).toEqual([status]);
  });
});

describe('status of an order that arrived, and of weapons in service', () => {
  const statusOf = (language: string, text: string, triple: string) =>
    engineOn(language, text).claims.find((c) => `${c.type} ${fold(c.source)} ${fold(c.target)}` === triple)
      ?.status;

  it.each([
    [
      'id',
      'Kapal korvet ketiga pesanan TNI AL dari galangan di Turki tiba di Surabaya.',
      'arms_transfer TUR IDN',
      'completed',
    ],
    [
      'id',
      'Menteri Pertahanan Indonesia tiba di Paris untuk memesan jet tempur dari Prancis.',
      'arms_transfer FRA IDN',
      'planned',
    ],
    [
      'en',
      'An Iranian cargo plane arrived in Port Sudan carrying drones.',
      'arms_transfer IRN SDN',
      'completed',
    ],
    // Weapons in service were delivered, whatever "still" says.
    ['en', 'Peru still operates Russian-made Mi-17 helicopters.', 'arms_transfer RUS PER', 'completed'],
    ['id', 'Vietnam masih mengoperasikan kapal selam buatan Rusia.', 'arms_transfer RUS VNM', 'completed'],
  ])('[%s] %s', (language, text, triple, status) => {
    expect(statusOf(language, text, triple)).toBe(status);
  });
});

describe('claimant: an official the registry does not know speaks for a party', () => {
  const claimantsOf = (language: string, text: string) =>
    engineOn(language, text).claims.map((c) => c.claimant);

  it.each([
    [
      'en',
      'Nepal will send 5,000 more workers to Malaysia by June, Labour Secretary Ram Thapa said on Monday.',
      'NPL',
    ],
    [
      'id',
      'Vietnam akan mengirim 3.000 pekerja ke Jepang tahun depan, kata Kepala Biro Humas Tran Van Minh.',
      'VNM',
    ],
    [
      'fr',
      'Le Tchad a reçu six drones en provenance de Turquie, a indiqué le président Idriss Mahamat.',
      'TCD',
    ],
    // A speech verb put before its subject after a comma: the state before the comma is no speaker.
    ['fr', 'Le Tchad a reçu six drones de la Turquie, a indiqué le ministère.', 'TCD'],
    ['es', 'Bolivia recibió seis drones de Irán, dijo el ministro.', 'BOL'],
    // Japanese: an office written on after its state's name is the topic that speaks.
    ['ja', '韓国軍合同参謀本部は4日、北朝鮮が砲弾をロシアに送ったとの分析を明らかにした。', 'KOR'],
  ])('[%s] %s', (language, text, claimant) => {
    expect(claimantsOf(language, text)).toEqual([claimant]);
  });

  it.each([
    ['en', 'Iran sent drones to Sudan, Western officials said.'],
    ['id', 'Iran mengirim drone ke Sudan, menurut intelijen Barat.'],
    ['fr', "L'Iran a envoyé des drones au Soudan, selon des responsables occidentaux."],
  ])('[%s] officials put outside the parties speak for none of them: %s', (language, text) => {
    const claims = engineOn(language, text).claims;
    expect(claims.map((c) => [c.claimant, c.modality])).toEqual([[null, 'assessed']]);
  });

  it.each([
    ['en', 'Iran sent drones to Sudan, according to three diplomats in the region.'],
    ['id', 'Iran mengirim drone ke Sudan, kata para diplomat di kawasan itu.'],
    ['fr', "L'Iran a envoyé des drones au Soudan, selon des diplomates."],
  ])('[%s] unnamed diplomats are unnamed sources, alleged with no claimant: %s', (language, text) => {
    const claims = engineOn(language, text).claims;
    expect(claims.map((c) => [c.claimant, c.modality])).toEqual([[null, 'alleged']]);
  });

  it('gives each pair of a listed cooperation the first-named party, for whom the unnamed officials speak', () => {
    const claims = engineOn(
      'en',
      'Chile, Peru and Bolivia launched a joint military force on Saturday, the three governments said.',
    ).claims;
    expect(claims.map((c) => `${c.source}-${c.target}:${c.claimant}`).sort()).toEqual([
      'CHL-BOL:CHL',
      'CHL-PER:CHL',
      'PER-BOL:PER',
    ]);
  });

  it.each([
    ['en', 'The ministry denied reports that Chad had signed a contract to buy drones from Turkey.'],
    [
      'id',
      'Kementerian membantah kabar yang menyebut Chad telah menandatangani kontrak pembelian drone dari Turki.',
    ],
  ])('[%s] a denied report denies all it says, however long: %s', (language, text) => {
    expect(engineOn(language, text).claims.map((c) => c.modality)).toEqual(['denied']);
  });

  it.each([
    ['en', 'Chad denied buying drones from Turkey.', 'TCD'],
    ['en', 'Chad and Niger have denied buying drones from Turkey.', 'TCD'],
    ['en', 'Kazakhstan has never supplied weapons to Armenia.', 'KAZ'],
    // An unnamed office denies for the subject of the act.
    ['en', 'The ministry denied that Chad had bought drones from Turkey.', 'TCD'],
    ['id', 'Kemhan juga membantah kabar bahwa Chad akan membeli drone dari Turki.', 'TCD'],
    [
      'en',
      'Chad has never bought weapons from Turkey, the foreign ministry said on Tuesday, rejecting a French newspaper report.',
      'TCD',
    ],
    ['id', 'Korea Utara membantah telah memasok senjata kepada Suriah.', 'PRK'],
    ['es', 'Bolivia no ha comprado drones de Irán.', 'BOL'],
    // A source that says it did not happen is the claimant, not the party.
    ['en', 'The report said Armenia has not received any drones from Iran.', null],
  ])('[%s] the denier is the claimant of a denial no one is quoted on: %s', (language, text, claimant) => {
    const claims = engineOn(language, text).claims;
    expect(claims.map((c) => c.modality)).toContain('denied');
    expect(claims[0].claimant === null ? null : fold(claims[0].claimant)).toBe(claimant);
  });
});

describe(eventTiming.name, () => {
  it.each([
    ['2021-11', '2025-03-04T10:00:00+00:00', 'past'],
    ['2027', '2025-03-04T10:00:00+00:00', 'future'],
    ['2025', '2025-03-04T10:00:00+00:00', null],
    ['2025-03-03', '2025-03-04T10:00:00+00:00', 'past'],
    ['2025-03', '2025-03-04T10:00:00+00:00', null],
    [null, '2025-03-04T10:00:00+00:00', null],
    ['2025-04', null, null],
  ])('%s against %s is %s', (event, published, want) => {
    expect(eventTiming(event, published)).toBe(want);
  });
});
