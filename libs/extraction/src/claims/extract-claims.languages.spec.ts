import { Claim, ClaimType } from '../model';
import { extractArticle } from '../engine/extract-article';

/**
 * Claims in the languages added after the first ten (pt, tr, ja, zh, it), through the whole engine
 * (cleaning, actors, claims). Every sentence here was written for this test; none comes from an
 * evaluation set. Publication time: 2025-03-04 (a Tuesday).
 */
const fold = (id: string | null) =>
  id && /^[a-z]{3}\.(?!dpr$|lpr$)/.test(id) ? id.slice(0, 3).toUpperCase() : id;

function claimsOf(language: string, text: string): Claim[] {
  return extractArticle({
    id: 't',
    raw: `Test headline for the engine\n2025-03-04T10:00:00+00:00\n${text}`,
    language,
  }).claims;
}

function key(c: Claim): string {
  const ends = [fold(c.source) ?? 'null', fold(c.target) ?? 'null'];
  if (c.type === 'military_cooperation') ends.sort();
  return `${c.type} ${ends.join(' ')}`;
}

function norm(s: string): string {
  const [type, a, b] = s.split(' ') as [ClaimType, string, string];
  const ends = [a, b];
  if (type === 'military_cooperation') ends.sort();
  return `${type} ${ends.join(' ')}`;
}

/** The (type, source, target) triples of a text, country-folded, sorted. */
function triples(language: string, text: string): string[] {
  return [...new Set(claimsOf(language, text).map(key))].sort();
}

/** The first claim of a relation ("arms_transfer PRK RUS"). */
function first(language: string, text: string, relation: string): Claim | undefined {
  return claimsOf(language, text).find((c) => key(c) === norm(relation));
}

type Case = [text: string, triples: string[]];

function check(language: string, cases: Case[]): void {
  it.each(cases)(`[${language}] %s`, (text, list) => {
    expect(triples(language, text)).toEqual(list.map(norm).sort());
  });
}

describe('claims in Portuguese', () => {
  describe('every claim type, active and passive', () => {
    check('pt', [
      ['A Coreia do Norte forneceu projéteis de artilharia à Rússia.', ['arms_transfer PRK RUS']],
      ['A Rússia está comprando foguetes da Coreia do Norte.', ['arms_transfer PRK RUS']],
      ['Os drones foram enviados pelo Irã para a Rússia.', ['arms_transfer IRN RUS']],
      ['A Coreia do Norte enviou milhares de trabalhadores para a Rússia.', ['labor_export PRK RUS']],
      ['A Coreia do Norte enviou tropas para a Rússia.', ['military_cooperation PRK RUS']],
      [
        'A Turquia e a Indonésia assinaram um acordo de cooperação militar.',
        ['military_cooperation IDN TUR'],
      ],
      ['Os Estados Unidos impuseram sanções contra o Irã.', ['sanctions_imposed USA IRN']],
      [
        'A Coreia do Norte reconheceu a independência da República Popular de Donetsk.',
        ['diplomatic_recognition PRK ukr.dpr'],
      ],
      [
        'As exportações de armas da Coreia do Norte para a Rússia violam as resoluções do Conselho de Segurança da ONU.',
        ['arms_transfer PRK RUS', 'sanctions_violation PRK RUS'],
      ],
    ]);
  });

  it('should read a denial as denied', () => {
    const c = first('pt', 'A Rússia negou ter comprado mísseis da Coreia do Norte.', 'arms_transfer PRK RUS');
    expect(c?.modality).toBe('denied');
  });

  it('should read a hedged transfer as hypothetical', () => {
    const c = first('pt', 'O Irã poderia fornecer mísseis balísticos à Rússia.', 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('hypothetical');
  });

  it('should name the claimant, the quantity and the relative date', () => {
    const c = first(
      'pt',
      'No mês passado, a Coreia do Norte enviou cerca de 3.000 mísseis para a Rússia, disse o Pentágono.',
      'arms_transfer PRK RUS',
    );
    expect(c).toMatchObject({
      claimant: 'usa.dod',
      modality: 'assessed',
      quantity: expect.stringContaining('3.000'),
    });
    expect(c?.items).toContain('missile');
    expect(c?.event_date).toBe('2025-02');
  });

  it('should keep a plan planned', () => {
    const c = first('pt', 'A Indonésia planeja comprar caças da França.', 'arms_transfer FRA IDN');
    expect(c?.status).toBe('planned');
  });
});

describe('claims in Turkish', () => {
  describe('every claim type, active and passive', () => {
    check('tr', [
      ["Kuzey Kore, Rusya'ya topçu mermisi gönderdi.", ['arms_transfer PRK RUS']],
      ["Rusya, Kuzey Kore'den roket satın alıyor.", ['arms_transfer PRK RUS']],
      ["İHA'lar İran tarafından Rusya'ya gönderildi.", ['arms_transfer IRN RUS']],
      ["Kuzey Kore'nin Rusya'ya gönderdiği füzeler Ukrayna'da kullanıldı.", ['arms_transfer PRK RUS']],
      ["Kuzey Kore, Rusya'ya binlerce işçi gönderdi.", ['labor_export PRK RUS']],
      ["Kuzey Kore, Rusya'ya asker gönderdi.", ['military_cooperation PRK RUS']],
      ['Türkiye ve Endonezya askeri işbirliği anlaşması imzaladı.', ['military_cooperation IDN TUR']],
      ["ABD, İran'a karşı yaptırım uyguladı.", ['sanctions_imposed USA IRN']],
      ["Kuzey Kore, Donetsk Halk Cumhuriyeti'ni tanıdı.", ['diplomatic_recognition PRK ukr.dpr']],
      [
        "Kuzey Kore'nin Rusya'ya silah ihracatı BM Güvenlik Konseyi kararlarını ihlal ediyor.",
        ['arms_transfer PRK RUS', 'sanctions_violation PRK RUS'],
      ],
    ]);
  });

  it('should read a denial after the verb as denied', () => {
    const c = first(
      'tr',
      "Rusya, Kuzey Kore'den füze satın aldığı iddialarını yalanladı.",
      'arms_transfer PRK RUS',
    );
    expect(c?.modality).toBe('denied');
  });

  it('should read a negative verb form as denied', () => {
    const c = first('tr', "İran, Rusya'ya balistik füze göndermedi.", 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('denied');
  });

  it('should read a condition as hypothetical', () => {
    const c = first(
      'tr',
      "Eğer İran Rusya'ya balistik füze gönderirse, bu bir tırmanma olur.",
      'arms_transfer IRN RUS',
    );
    expect(c?.modality).toBe('hypothetical');
  });

  it('should name the claimant, the quantity and the relative date', () => {
    const c = first(
      'tr',
      "Pentagon'a göre Kuzey Kore, geçen ay Rusya'ya yaklaşık 3.000 füze gönderdi.",
      'arms_transfer PRK RUS',
    );
    expect(c).toMatchObject({
      claimant: 'usa.dod',
      modality: 'assessed',
      quantity: expect.stringContaining('3.000'),
    });
    expect(c?.items).toContain('missile');
    expect(c?.event_date).toBe('2025-02');
  });

  it('should read the future tense as planned', () => {
    const c = first(
      'tr',
      "Endonezya, Türkiye'den 48 KAAN savaş uçağı satın alacak.",
      'arms_transfer TUR IDN',
    );
    expect(c).toMatchObject({ status: 'planned', quantity: '48' });
  });
});

describe('claims in Japanese', () => {
  describe('every claim type, active and passive', () => {
    check('ja', [
      ['北朝鮮はロシアに砲弾を供与した。', ['arms_transfer PRK RUS']],
      ['ロシアは北朝鮮からロケット弾を購入している。', ['arms_transfer PRK RUS']],
      ['ロシアに送られた北朝鮮製ミサイルがウクライナで使用された。', ['arms_transfer PRK RUS']],
      ['北朝鮮はロシアに数千人の労働者を派遣している。', ['labor_export PRK RUS']],
      ['北朝鮮はロシアに兵士を派兵した。', ['military_cooperation PRK RUS']],
      ['日本はフィリピンと防衛協力を強化している。', ['military_cooperation JPN PHL']],
      ['日本政府は北朝鮮に対する制裁を発表した。', ['sanctions_imposed JPN PRK']],
      // Warships and radars are arms.
      ['日本はオーストラリアに護衛艦を輸出する。', ['arms_transfer JPN AUS']],
      ['日本はベトナムに沿岸監視レーダーを引き渡した。', ['arms_transfer JPN VNM']],
      ['北朝鮮はドネツク人民共和国の独立を承認した。', ['diplomatic_recognition PRK ukr.dpr']],
      [
        '北朝鮮のロシアへの武器輸出は国連安保理決議に違反している。',
        ['arms_transfer PRK RUS', 'sanctions_violation PRK RUS'],
      ],
    ]);
  });

  it('should read a denial after the verb as denied', () => {
    const c = first('ja', 'ロシアは北朝鮮からミサイルを購入したことを否定した。', 'arms_transfer PRK RUS');
    expect(c?.modality).toBe('denied');
  });

  it('should read a negative verb form as denied', () => {
    const c = first('ja', 'イランはロシアに弾道ミサイルを提供していない。', 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('denied');
  });

  it('should read a condition as hypothetical', () => {
    const c = first(
      'ja',
      'もしイランがロシアに弾道ミサイルを供与すれば、新たな制裁が科される。',
      'arms_transfer IRN RUS',
    );
    expect(c?.modality).toBe('hypothetical');
  });

  it('should name the claimant and the quantity', () => {
    const c = first(
      'ja',
      '韓国国防省によると、北朝鮮は先月、ロシアに約3000発のミサイルを送った。',
      'arms_transfer PRK RUS',
    );
    expect(c).toMatchObject({ modality: 'assessed', quantity: '約3000発' });
    expect(fold(c?.claimant ?? null)).toBe('KOR');
    expect(c?.items).toContain('missile');
  });

  it('should read a plan as planned', () => {
    const c = first('ja', 'インドネシアはフランスから戦闘機を購入する計画だ。', 'arms_transfer FRA IDN');
    expect(c?.status).toBe('planned');
  });
});

describe('claims in Italian', () => {
  describe('every claim type, active and passive', () => {
    check('it', [
      ['La Corea del Nord ha fornito proiettili di artiglieria alla Russia.', ['arms_transfer PRK RUS']],
      ['La Russia sta acquistando razzi dalla Corea del Nord.', ['arms_transfer PRK RUS']],
      ["I droni sono stati inviati dall'Iran alla Russia.", ['arms_transfer IRN RUS']],
      ['La Corea del Nord ha inviato migliaia di lavoratori in Russia.', ['labor_export PRK RUS']],
      ['La Corea del Nord ha inviato truppe alla Russia.', ['military_cooperation PRK RUS']],
      [
        "L'Italia e il Giappone hanno firmato un accordo di cooperazione militare.",
        ['military_cooperation ITA JPN'],
      ],
      ["Gli Stati Uniti hanno imposto sanzioni contro l'Iran.", ['sanctions_imposed USA IRN']],
      [
        "La Corea del Nord ha riconosciuto l'indipendenza della Repubblica Popolare di Donetsk.",
        ['diplomatic_recognition PRK ukr.dpr'],
      ],
      [
        "Le esportazioni di armi della Corea del Nord verso la Russia violano le risoluzioni del Consiglio di Sicurezza dell'ONU.",
        ['arms_transfer PRK RUS', 'sanctions_violation PRK RUS'],
      ],
    ]);
  });

  it('should read a denial as denied', () => {
    const c = first(
      'it',
      'La Russia ha negato di aver acquistato missili dalla Corea del Nord.',
      'arms_transfer PRK RUS',
    );
    expect(c?.modality).toBe('denied');
  });

  it('should read a hedged transfer as hypothetical', () => {
    const c = first('it', "L'Iran potrebbe fornire missili balistici alla Russia.", 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('hypothetical');
  });

  it('should name the claimant, the quantity and the relative date', () => {
    const c = first(
      'it',
      'Secondo il Pentagono, il mese scorso la Corea del Nord ha inviato circa 3.000 missili alla Russia.',
      'arms_transfer PRK RUS',
    );
    expect(c).toMatchObject({
      claimant: 'usa.dod',
      modality: 'assessed',
      quantity: expect.stringContaining('3.000'),
    });
    expect(c?.items).toContain('missile');
    expect(c?.event_date).toBe('2025-02');
  });

  it('should read an intention as planned', () => {
    const c = first('it', "L'Indonesia intende acquistare caccia dalla Francia.", 'arms_transfer FRA IDN');
    expect(c?.status).toBe('planned');
  });
});

describe('claims in Chinese', () => {
  describe('every claim type, simplified and traditional script', () => {
    check('zh', [
      ['朝鲜向俄罗斯提供了大量炮弹。', ['arms_transfer PRK RUS']],
      ['俄罗斯正在从朝鲜购买火箭弹。', ['arms_transfer PRK RUS']],
      ['台灣向美國購買了一批F-16戰機。', ['arms_transfer USA TWN']],
      ['朝鲜向俄罗斯派遣了数千名劳工。', ['labor_export PRK RUS']],
      ['朝鲜向俄罗斯派遣了数千名士兵，韩国情报机构表示。', ['military_cooperation PRK RUS']],
      ['日本与菲律宾正在加强两国之间的防务合作，以应对地区局势。', ['military_cooperation JPN PHL']],
      ['日本政府宣布对朝鲜实施新的制裁。', ['sanctions_imposed JPN PRK']],
      [
        '朝鲜对俄罗斯的武器出口违反了联合国安理会决议。',
        ['arms_transfer PRK RUS', 'sanctions_violation PRK RUS'],
      ],
    ]);
  });

  it('should read a speaker after the claim ("…，美国官员表示") as its claimant', () => {
    const c = first('zh', '俄罗斯正在从朝鲜购买数百万枚炮弹，美国官员表示。', 'arms_transfer PRK RUS');
    expect(c?.claimant).toBe('USA');
    expect(c?.status).toBe('in_progress');
  });

  it('should read a denial as denied', () => {
    const c = first('zh', '伊朗否认向俄罗斯出售弹道导弹。', 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('denied');
  });

  it('should read a condition as hypothetical', () => {
    const c = first('zh', '如果伊朗向俄罗斯提供弹道导弹，欧盟将实施新的制裁。', 'arms_transfer IRN RUS');
    expect(c?.modality).toBe('hypothetical');
  });
});

describe('equipment in service and handed over, in German, French and Russian', () => {
  check('de', [
    [
      'Schweden und Finnland haben Estland Luftabwehrsysteme überlassen.',
      ['arms_transfer SWE EST', 'arms_transfer FIN EST'],
    ],
    ['Marokko betreibt amerikanische Kampfflugzeuge.', ['arms_transfer USA MAR']],
  ]);
  check('fr', [['Le Maroc exploite des chasseurs américains F-16.', ['arms_transfer USA MAR']]]);
  check('ru', [['Алжир эксплуатирует российские истребители.', ['arms_transfer RUS DZA']]]);
});

describe('Korean exercises, defence pacts and the tense after a noun', () => {
  check('ko', [
    ['한국과 호주는 연합훈련을 실시했다.', ['military_cooperation KOR AUS']],
    ['한국은 베트남과 국방협력 협정을 체결했다.', ['military_cooperation KOR VNM']],
  ]);

  it('should read the verb after a noun trigger and its particle, not the particle, for the status', () => {
    expect(first('ko', '한국과 호주는 연합훈련을 실시했다.', 'military_cooperation KOR AUS')?.status).toBe(
      'completed',
    );
    expect(
      first('ko', '한국과 호주는 다음 달 연합훈련을 실시할 예정이다.', 'military_cooperation KOR AUS')
        ?.status,
    ).toBe('planned');
  });
});

describe('German compound weapon nouns and pledges', () => {
  check('de', [
    ['Frankreich hat der Ukraine Panzerhaubitzen geliefert.', ['arms_transfer FRA UKR']],
    ['Norwegen lieferte zwei Fregatten an Polen.', ['arms_transfer NOR POL']],
  ]);

  it('should read a pledge as planned whatever its tense', () => {
    expect(
      first('de', 'Schweden hat der Ukraine weitere Kampfpanzer zugesagt.', 'arms_transfer SWE UKR')?.status,
    ).toBe('planned');
  });
});

describe('orders in Portuguese, Spanish and German, and "a" before a buyer', () => {
  check('pt', [
    ['O Brasil vendeu 12 aviões a Angola.', ['arms_transfer BRA AGO']],
    ['Angola encomendou seis aviões ao Brasil.', ['arms_transfer BRA AGO']],
  ]);
  check('es', [['Perú encargó 24 cazas a Suecia.', ['arms_transfer SWE PER']]]);
  check('de', [['Norwegen bestellte 54 Panzer in Südkorea.', ['arms_transfer KOR NOR']]]);

  it('should read an order as planned', () => {
    expect(first('pt', 'Angola encomendou seis aviões ao Brasil.', 'arms_transfer BRA AGO')?.status).toBe(
      'planned',
    );
  });
});

describe('Turkish orders', () => {
  it('should read "sipariş etti" as a planned transfer from the state it was ordered from', () => {
    const c = first('tr', "Mısır, Fransa'dan Rafale savaş uçakları sipariş etti.", 'arms_transfer FRA EGY');
    expect(c?.status).toBe('planned');
  });
});

describe('refusals', () => {
  it('should read a refused transfer as denied, in English and Indonesian', () => {
    expect(
      first('en', 'Serbia has refused to supply weapons to Armenia.', 'arms_transfer SRB ARM')?.modality,
    ).toBe('denied');
    expect(first('id', 'Serbia menolak memasok senjata ke Armenia.', 'arms_transfer SRB ARM')?.modality).toBe(
      'denied',
    );
  });
});
