import { ActorMention, CleanedArticle } from '../model';
import { recognizeActors } from './recognize-actors';

const article = (text: string, language = 'en'): CleanedArticle => ({
  title: null,
  author: null,
  publishedAt: null,
  language,
  text,
});
const mentions = (text: string, language = 'en'): ActorMention[] =>
  recognizeActors(article(text, language), []);
const ids = (text: string, language = 'en'): string[] => mentions(text, language).map((m) => m.actorId);
const find = (text: string, language: string, surface: string): ActorMention | undefined =>
  mentions(text, language).find((m) => m.surface === surface);

describe(recognizeActors.name, () => {
  describe('descriptors ("the kingdom", "the bloc")', () => {
    it('should read a descriptor as the matching actor named most recently before it', () => {
      expect(
        ids('Ethiopia sends maids to Saudi Arabia and Jordan. Kenya also sends workers to the kingdom.'),
      ).toEqual(['ETH', 'SAU', 'JOR', 'KEN', 'JOR']);
      expect(ids('The European Union met ASEAN envoys. The bloc later issued a statement.')).toEqual([
        'EU',
        'asean',
        'asean',
      ]);
      expect(ids('Uni Eropa mengecam Rusia. Blok itu menjatuhkan sanksi baru.', 'id')).toEqual([
        'EU',
        'RUS',
        'EU',
      ]);
    });

    it('should drop a descriptor when no actor it may stand for was named before it', () => {
      expect(ids('The kingdom said Iran had sent drones.')).toEqual(['IRN']);
      expect(ids('Iran said the bloc was divided, and the European Union disagreed.')).toEqual(['IRN', 'EU']);
    });

    it('should keep "the North" for North Korea only in its exact letter case', () => {
      expect(ids('North Korea fired a missile. Seoul said the North sent shells to Russia.')).toEqual([
        'PRK',
        'KOR',
        'PRK',
        'RUS',
      ]);
      expect(ids('North Korea fired a missile, and troops moved to the north of the border.')).toEqual([
        'PRK',
      ]);
    });

    it('should read "the junta" and "the regime" as the state they rule, named before', () => {
      expect(ids('Mali expelled French troops. The junta then hired Russian instructors.')).toEqual([
        'MLI',
        'FRA',
        'MLI',
        'RUS',
      ]);
      expect(ids('Syria and Iran met. The regime denied it.')).toEqual(['SYR', 'IRN', 'IRN']);
      expect(ids('The regime denied it.')).toEqual([]);
    });

    it('should read Brussels as the EU only after the EU is named', () => {
      expect(ids('The European Union met. Brussels then blacklisted two Iranian airlines.')).toEqual([
        'EU',
        'EU',
        'IRN',
      ]);
      expect(ids('Iran and Russia held talks in Brussels.')).toEqual(['IRN', 'RUS']);
    });

    it('should only use a descriptor in the languages of its group', () => {
      expect(ids('Saudi Arabia membeli drone. Le royaume menolak.', 'id')).toEqual(['SAU']);
    });
  });

  describe('names and short forms', () => {
    it('should read a Russian company name in its cases', () => {
      expect(
        find('Генеральный директор «Рособоронэкспорта» сообщил об этом.', 'ru', 'Рособоронэкспорта')?.actorId,
      ).toBe('rus.rosoboronexport');
      expect(find('Контракт подписан с Ростехом.', 'ru', 'Ростехом')?.actorId).toBe('rus.rostec');
    });

    it('should read a firm based in an emirate as the UAE', () => {
      expect(ids('Washington sanctioned a Dubai-based shipping company.')).toEqual(['USA', 'ARE']);
    });

    it('should read a state named between an office title and a person as the state', () => {
      expect(ids('Menteri Keuangan Israel Bezalel Smotrich dikenai sanksi.', 'id')).toEqual(['ISR']);
      expect(ids('Perdana Menteri Israel Benjamin Netanyahu berbicara.', 'id')).toContain('ISR');
      expect(ids('The boxer Israel Adesanya won in Sydney.')).toEqual([]);
    });

    it('should prefer a longer name starting inside a short metonym', () => {
      expect(ids('Seoul sanctioned the North Korea-based shipping firm.')).toEqual(['KOR', 'PRK']);
      expect(mentions('Patrols near the South China Sea and Japan.').map((m) => m.actorId)).toEqual(['JPN']);
      expect(ids("North Korea's state media condemned the drills.")).toEqual(['PRK']);
    });

    it('should find inflected German adjective names', () => {
      expect(ids('Lieferungen in die Vereinigten Staaten und an die Vereinten Nationen.', 'de')).toEqual([
        'USA',
        'UN',
      ]);
    });

    it('should read a capital as its state', () => {
      expect(ids('Bamako et Moscou ont signé un accord.', 'fr')).toEqual(['MLI', 'RUS']);
    });

    it('should find states by name and short form in English', () => {
      expect(ids('North Korea and the United States met; the DPRK later wrote to the UN.')).toEqual([
        'PRK',
        'USA',
        'PRK',
        'UN',
      ]);
    });

    it('should find Indonesian names and short forms', () => {
      expect(
        ids('Korut mengirim roket ke Rusia, sementara Korsel dan Amerika Serikat memprotes di PBB.', 'id'),
      ).toEqual(['PRK', 'RUS', 'KOR', 'USA', 'UN']);
    });

    it('should find Russian names in any case form', () => {
      expect(
        ids('Сотрудничество КНДР с Россией беспокоит США; Северной Корее грозят санкции ООН.', 'ru'),
      ).toEqual(['PRK', 'RUS', 'USA', 'PRK', 'UN']);
    });

    it('should find French, Spanish and German names', () => {
      expect(ids('La Corée du Nord livre des obus à la Russie, selon les États-Unis.', 'fr')).toEqual([
        'PRK',
        'RUS',
        'USA',
      ]);
      expect(ids('Corea del Norte envió tropas a Rusia, según Corea del Sur.', 'es')).toEqual([
        'PRK',
        'RUS',
        'KOR',
      ]);
      expect(ids('Nordkorea liefert Munition an Russland, sagt die Ukraine.', 'de')).toEqual([
        'PRK',
        'RUS',
        'UKR',
      ]);
    });

    it('should find Arabic names behind the article and proclitics', () => {
      const found = mentions('أعلنت الولايات المتحدة فرض عقوبات على إيران بسبب إرسالها طائرات لروسيا.', 'ar');
      expect(found.map((m) => m.actorId)).toEqual(['USA', 'IRN', 'RUS']);
      expect(found[2].surface).toBe('روسيا');
      expect(find('وقالت الأمم المتحدة إن التحقيق مستمر.', 'ar', 'الأمم المتحدة')?.actorId).toBe('UN');
    });

    it("should find the names news uses where the ISO library has older ones (CLDR's)", () => {
      expect(ids('한국은 폴란드에 전차를 수출했다.', 'ko')).toEqual(['KOR', 'POL']);
    });

    it('should find Korean names followed by particles', () => {
      expect(ids('북한이 러시아에 포탄을 제공했다고 한국 국가정보원은 밝혔다.', 'ko')).toEqual([
        'PRK',
        'RUS',
        'KOR',
        'kor.nis',
      ]);
    });

    it('should read a Korean compound as each of its states', () => {
      expect(ids('북러 군사협력에 한미일이 대응했다.', 'ko')).toEqual(['PRK', 'RUS', 'KOR', 'USA', 'JPN']);
    });

    it('should not read another Korean word that starts like a name', () => {
      expect(ids('인도적 지원과 한국어 교육이 논의됐다.', 'ko')).toEqual([]);
    });

    it('should find Japanese short names in unspaced text, inside and before kanji and kana', () => {
      expect(ids('北朝鮮はロシアに砲弾を送ったと韓国軍が発表した。', 'ja')).toEqual(['PRK', 'RUS', 'KOR']);
      expect(ids('米国と日本は国連安保理で協議した。', 'ja')).toEqual(['USA', 'JPN', 'UN']);
      // A compound names each of its states.
      expect(ids('日米韓の首脳が会談した。', 'ja')).toEqual(['JPN', 'USA', 'KOR']);
      // The Korean Peninsula and a language name are no actors.
      expect(ids('朝鮮半島の情勢について中国語で説明した。', 'ja')).toEqual([]);
    });

    it('should find Chinese short names in unspaced text', () => {
      expect(ids('朝鲜向俄罗斯提供炮弹，美国和韩国表示关切。', 'zh')).toEqual(['PRK', 'RUS', 'USA', 'KOR']);
      expect(ids('中俄两国在联合国安理会投了反对票。', 'zh')).toEqual(['CHN', 'RUS', 'UN']);
    });

    it('should find Greek names in nominative and genitive', () => {
      expect(
        ids('Η Βόρεια Κορέα στέλνει εργάτες· η κυβέρνηση της Βορείου Κορέας και η Ρωσία συμφώνησαν.', 'el'),
      ).toEqual(['PRK', 'PRK', 'RUS']);
    });
  });

  describe('metonyms, demonyms and adjectives', () => {
    it('should read capitals and seats of government as their state or agency', () => {
      expect(
        ids('Pyongyang denied it, Moscow stayed silent and the Kremlin and the Pentagon traded words.'),
      ).toEqual(['PRK', 'RUS', 'rus.kremlin', 'usa.dod']);
      expect(ids('Moskow membeli roket dari Pyongyang, kata Gedung Putih.', 'id')).toEqual([
        'RUS',
        'PRK',
        'usa.white-house',
      ]);
    });

    it('should read demonyms and made-in adjectives', () => {
      expect(ids('Russia fires Iranian-made drones and North Korean shells.')).toEqual(['RUS', 'IRN', 'PRK']);
      expect(ids('Rusia memakai drone buatan Iran.', 'id')).toEqual(['RUS', 'IRN']);
      expect(ids('Les drones iraniens ont frappé Kiev.', 'fr')).toEqual(['IRN', 'UKR']);
      expect(ids('Los soldados norcoreanos y las tropas rusas.', 'es')).toEqual(['PRK', 'RUS']);
      expect(ids('Российские военные получили северокорейские снаряды.', 'ru')).toEqual(['RUS', 'PRK']);
      expect(ids('Die russischen Truppen nutzen iranische Drohnen.', 'de')).toEqual(['RUS', 'IRN']);
      expect(ids('Οι ρωσικές δυνάμεις και οι Ουκρανοί στρατιώτες.', 'el')).toEqual(['RUS', 'UKR']);
      expect(ids('قالت الخارجية إن الطائرات الإيرانية وصلت.', 'ar')).toEqual(['IRN']);
    });
  });

  describe('outlets and non-actor phrases', () => {
    it('should not take outlets named after a place for actors', () => {
      expect(
        ids('The Washington Post and the Korea Herald cited the Moscow Times and Tehran Times.'),
      ).toEqual([]);
      expect(ids('Siaran Voice of America dan CNN Indonesia melaporkan hal itu.', 'id')).toEqual([]);
    });

    it('should not take seas, currencies and languages for actors', () => {
      expect(ids('A missile fell into the Sea of Japan, off the Korean Peninsula.')).toEqual([]);
      expect(ids('Nilai rial anjlok terhadap dolar AS; warga belajar bahasa Inggris.', 'id')).toEqual([]);
    });
  });

  describe('ambiguous short forms', () => {
    it('should read AS as the United States only in Indonesian capitals', () => {
      expect(ids('Pejabat AS mengatakan hal itu.', 'id')).toEqual(['USA']);
      expect(ids('Pejabat as mengatakan hal itu.', 'id')).toEqual([]);
      expect(ids('AS the talks began, officials arrived.', 'en')).toEqual([]);
    });

    it('should read US as the United States only in capitals', () => {
      expect(ids('The US imposed sanctions.')).toEqual(['USA']);
      expect(ids('Let us impose order.')).toEqual([]);
    });

    it('should tell Georgia the state from the US state', () => {
      expect(ids('Georgia protested as Russian troops massed near Tbilisi.')).toEqual(['GEO', 'RUS', 'GEO']);
      expect(ids('Georgia voters lined up in Atlanta on Tuesday.')).toEqual([]);
    });

    it('should resolve Korea alone from the article: North only when the South is never named', () => {
      expect(ids('North Korea sent troops. Families will stay in Korea.')).toEqual(['PRK', 'PRK']);
      expect(ids('South Korea and North Korea met. Korea will host the next round.')).toEqual([
        'KOR',
        'PRK',
        'KOR',
      ]);
      expect(ids('Korea will host the summit.')).toEqual(['KOR']);
    });

    it('should not take a person named Jordan for the state', () => {
      expect(ids('Jordan Peterson spoke in London.')).toEqual(['GBR']);
      expect(ids('Leaders of Egypt, Jordan and Iraq attended.')).toEqual(['EGY', 'JOR', 'IRQ']);
    });

    it('should read "the North" as North Korea only where the article names North Korea', () => {
      expect(ids('North Korea fired a missile; the North said it was a test.')).toEqual(['PRK', 'PRK']);
      expect(ids('Snow fell across the North on Monday.')).toEqual([]);
    });

    it('should not take agreements named after a capital for the state', () => {
      expect(ids('Kyiv wants the Minsk agreements scrapped.')).toEqual(['UKR']);
    });

    it('should count a bare surname only after the full name', () => {
      expect(ids('Sullivan said talks continue.')).toEqual([]);
      expect(ids('Jake Sullivan spoke first. Sullivan said talks continue.')).toEqual([
        'person.jake-sullivan',
        'person.jake-sullivan',
      ]);
    });

    it('should read Donetsk as the separatist republic only where the sentence speaks of one', () => {
      expect(ids('Syria recognised the independence of Donetsk and Luhansk.')).toEqual([
        'SYR',
        'ukr.dpr',
        'ukr.lpr',
      ]);
      expect(ids('Shelling hit the city of Donetsk on Monday.')).toEqual([]);
    });

    it('should read DPR/LPR only where the article names the republic in full', () => {
      // Indonesia's parliament (Dewan Perwakilan Rakyat) is also "DPR".
      expect(ids('Anggota Komisi I DPR mempertanyakan pembelian kapal induk dari Italia.', 'id')).toEqual([
        'ITA',
      ]);
      expect(
        ids("North Korea recognised the Donetsk People's Republic. The DPR embassy in Moscow confirmed it."),
      ).toEqual(['PRK', 'ukr.dpr', 'ukr.dpr', 'RUS']);
    });

    it('should map an unqualified Korean ministry to South Korea unless a state precedes it', () => {
      expect(ids('외교부는 경고했다.', 'ko')).toEqual(['kor.mofa']);
      expect(ids('러시아 국방부는 부인했다.', 'ko')).toEqual(['rus.mod']);
      expect(ids('베트남 국방부는 부인했다.', 'ko')).toEqual(['VNM', 'VNM']);
    });
  });

  describe('homoglyphs and invisible characters', () => {
    it('should find a name written with a Cyrillic look-alike letter', () => {
      const text = 'Officials in Russiа said so.'; // the last "а" is Cyrillic U+0430
      const m = find(text, 'en', 'Russiа');
      expect(m?.actorId).toBe('RUS');
      expect(text.slice(m?.start, m?.end)).toBe('Russiа');
    });

    it('should find a name with a zero-width space inside and keep offsets into the original', () => {
      const text = 'Then North Ko\u200brea replied.';
      const [m] = mentions(text);
      expect(m.actorId).toBe('PRK');
      expect(text.slice(m.start, m.end)).toBe('North Ko\u200brea');
    });
  });

  describe('offsets', () => {
    it('should give offsets whose slice is the surface, in every script', () => {
      const samples: [string, string][] = [
        ['In Seoul, South Korea’s NIS said Pyongyang sent 1,500 troops.', 'en'],
        ['Kementerian Luar Negeri Ukraina mengecam Korea Utara.', 'id'],
        ['МИД России и Пхеньян подписали соглашение.', 'ru'],
        ['وقال وزير الخارجية الإيراني إن طهران لم ترسل طائرات.', 'ar'],
        ['북한군이 러시아로 갔다.', 'ko'],
        ['Η Ουκρανία κατηγορεί το Ιράν.', 'el'],
      ];
      for (const [text, lang] of samples) {
        const found = mentions(text, lang);
        expect(found.length).toBeGreaterThan(0);
        for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
      }
    });
  });

  describe('roles', () => {
    it('should mark datelines', () => {
      expect(find('SEOUL, July 2 (Reuters) - North Korea fired a missile.', 'en', 'SEOUL')?.role).toBe(
        'dateline',
      );
      expect(find('JAKARTA – Rusia membantah.', 'id', 'JAKARTA')?.role).toBe('dateline');
      expect(find('[서울=뉴시스] 북한이 미사일을 발사했다.', 'ko', '서울')?.role).toBe('dateline');
      // A capital in title case before a colon is a dateline; a state's name before one is not.
      expect(find('New Delhi: Russia will deliver two more squadrons.', 'en', 'New Delhi')?.role).toBe(
        'dateline',
      );
      expect(find('Russia: the talks will resume on Monday.', 'en', 'Russia')?.role).toBe('actor');
      expect(find('Kyiv, Ukraine — Russia struck overnight.', 'en', 'Ukraine')?.role).toBe('location');
    });

    it('should not read a hyphenated compound opening a line as a dateline', () => {
      expect(find('Turkish-built drones reached the port.', 'en', 'Turkish')?.role).not.toBe('dateline');
      expect(find('Russia-backed fighters shelled the town.', 'en', 'Russia')?.role).not.toBe('dateline');
      expect(find('JAKARTA-Rusia membantah laporan itu.', 'id', 'JAKARTA')?.role).toBe('dateline');
    });

    it("should not take the Portuguese article 'A' for the preposition 'à'", () => {
      const roles = (text: string, language: string) =>
        mentions(text, language).map((m) => [m.actorId, m.role ?? null]);
      expect(roles('A França se opõe ao acordo com o Mercosul.', 'pt')).toEqual([['FRA', 'actor']]);
      expect(roles('Les ministres se sont réunis à Paris.', 'fr')).toEqual([['FRA', 'location']]);
    });

    it("should take a state's mission or envoy to the UN as no act of the UN", () => {
      const un = mentions("Iran's mission to the United Nations did not respond.").find(
        (m) => m.actorId === 'UN',
      );
      expect(un?.role).toBe('attribute');
    });

    it('should mark bare locations but keep a party to a named war', () => {
      expect(find('Talks were held in Paris on Monday.', 'en', 'Paris')?.role).toBe('location');
      expect(find('Moscow needs shells for the war in Ukraine.', 'en', 'Ukraine')?.role).toBe('actor');
      expect(find('Pasukan dikerahkan untuk berperang di Ukraina.', 'id', 'Ukraina')?.role).toBe('actor');
    });

    it('should mark nationalities and outlets as attributes', () => {
      expect(find('Vietnamese workers arrived.', 'en', 'Vietnamese')?.role).toBe('attribute');
      expect(find('Британская Times пишет об этом.', 'ru', 'Британская')?.role).toBe('attribute');
    });

    it('should not let a cue word cross a comma: the state after it acts', () => {
      const text = 'According to the Wall Street Journal, Iran shipped missiles to Sudan.';
      expect(find(text, 'en', 'Iran')?.role).toBe('actor');
      expect(find('Menurut harian Kompas, Iran mengirim rudal ke Sudan.', 'id', 'Iran')?.role).toBe('actor');
    });

    it('should spread a location role over coordinated states', () => {
      const found = mentions('Upah rendah di Korea Utara dan Vietnam.', 'id');
      expect(found.map((m) => [m.actorId, m.role])).toEqual([
        ['PRK', 'location'],
        ['VNM', 'location'],
      ]);
    });

    it('should carry a location over an unknown place coordinated with the state', () => {
      expect(
        find('Perusahaan itu berbasis di Hong Kong dan Uni Emirat Arab.', 'id', 'Uni Emirat Arab')?.role,
      ).toBe('location');
    });

    it('should mark where a traveller came from as a location', () => {
      expect(find('Lukashenko arrived in Minsk from Oman on Monday.', 'en', 'Oman')?.role).toBe('location');
      expect(find('Drones from Iran hit Odesa.', 'en', 'Iran')?.role).toBe('actor');
    });

    it('should keep a body that adopts resolutions an actor even with its charter', () => {
      expect(find('Ini pelanggaran resolusi dan piagam PBB.', 'id', 'PBB')?.role).toBe('actor');
      expect(find('Ini melanggar Piagam PBB.', 'id', 'PBB')?.role).toBe('attribute');
    });
  });
});
