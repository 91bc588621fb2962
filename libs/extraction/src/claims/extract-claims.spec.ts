import { ActorMention, CleanedArticle, Claim, ClaimType, MentionKind, Sentence } from '../model';
import { extractClaims } from './extract-claims';

/** An actor named in a test text: its surface (every occurrence), id and mention kind. */
type TestActor = [surface: string, actorId: string, kind?: MentionKind];

/** Sentences split at ., ! or ? followed by a space, and at line breaks (test texts are simple prose). */
function testSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n]+?(?:[.!?]+["”»]?(?=\s|$)|(?=\n)|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (!m[0].trim()) continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ index: out.length, start: m.index + lead, end: m.index + m[0].length, text: m[0].trim() });
  }
  return out;
}

/** Mentions built by hand: every whole-word occurrence of each surface, longest surfaces first. */
function testMentions(text: string, actors: TestActor[]): ActorMention[] {
  const taken: [number, number][] = [];
  const out: ActorMention[] = [];
  const letter = /[\p{L}\p{N}]/u;
  const wordBounded = (s: string) => !/[\uac00-\ud7af]/u.test(s);
  for (const [surface, actorId, kind] of [...actors].sort((a, b) => b[0].length - a[0].length)) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(surface, from);
      if (i < 0) break;
      from = i + surface.length;
      const end = i + surface.length;
      if (wordBounded(surface) && (letter.test(text.charAt(i - 1)) || letter.test(text.charAt(end))))
        continue;
      if (taken.some(([s, e]) => i < e && end > s)) continue;
      taken.push([i, end]);
      out.push({ actorId, start: i, end, surface, kind: kind ?? 'name' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function testArticle(text: string, language: string, title: string | null = null): CleanedArticle {
  return { title, author: null, publishedAt: '2024-09-10T08:00:00+07:00', language, text };
}

/** The claims of a test text. */
function claimsOf(text: string, language: string, actors: TestActor[], title: string | null = null): Claim[] {
  return extractClaims({
    article: testArticle(text, language, title),
    sentences: testSentences(text),
    mentions: testMentions(text, actors),
  });
}

/** The first claim of a relation (as the scorer compares them), or undefined. */
function relation(
  claims: Claim[],
  type: ClaimType,
  source: string | null,
  target: string | null,
): Claim | undefined {
  const fold = (id: string | null) =>
    id && /^[a-z]{3}\.(?!dpr$|lpr$)/.test(id) ? id.slice(0, 3).toUpperCase() : id;
  const same = (c: Claim) =>
    type === 'military_cooperation'
      ? [fold(c.source), fold(c.target)].sort().join() === [source, target].sort().join()
      : fold(c.source) === source && fold(c.target) === target;
  return claims.find((c) => c.type === type && same(c));
}

const en = (text: string, actors: TestActor[], title: string | null = null) =>
  claimsOf(text, 'en', actors, title);
const id = (text: string, actors: TestActor[]) => claimsOf(text, 'id', actors);

const PRK: TestActor = ['North Korea', 'PRK'];
const RUS: TestActor = ['Russia', 'RUS'];
const IRN: TestActor = ['Iran', 'IRN'];

describe(extractClaims.name, () => {
  describe('arms_transfer in English', () => {
    it('should read a seller verb with a to-phrase as supplier to recipient', () => {
      const claims = en('North Korea shipped thousands of artillery shells to Russia in March.', [PRK, RUS]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'completed',
        modality: 'asserted',
        items: ['artillery_shell'],
        quantity: 'thousands',
      });
      expect(relation(claims, 'arms_transfer', 'RUS', 'PRK')).toBeUndefined();
    });

    it('should read a buyer verb with a from-phrase as the seller supplying the buyer', () => {
      const claims = en('Russia is buying rockets from North Korea.', [PRK, RUS]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'in_progress',
        items: ['rocket'],
      });
    });

    it('should read a passive with a by-agent', () => {
      const claims = en('The ballistic missiles were supplied by North Korea to Russia.', [PRK, RUS]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toBeDefined();
    });

    it('should read "X received Y from Z"', () => {
      const claims = en('Russia received hundreds of attack drones from Iran.', [RUS, IRN]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toMatchObject({
        quantity: 'hundreds',
        items: ['drone'],
      });
    });

    it('should infer a transfer from one state using weapons made by another', () => {
      const claims = en('Overnight Russia fired Iranian-made Shahed-136 drones at Kyiv.', [
        RUS,
        ['Iranian', 'IRN', 'demonym'],
        ['Kyiv', 'UKR', 'metonym'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.items).toEqual(['drone', 'Shahed-136']);
      expect(relation(claims, 'arms_transfer', 'IRN', 'UKR')).toBeUndefined();
    });

    it('should read "X\'s weapons used by Y"', () => {
      const claims = en('Iranian drones used by Russia struck the power grid again.', [
        ['Iranian', 'IRN', 'demonym'],
        RUS,
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toBeDefined();
    });

    it('should treat a recipient named right after the verb as the target', () => {
      const claims = en('Belarus sent Russia a second batch of tanks.', [['Belarus', 'BLR'], RUS]);
      expect(relation(claims, 'arms_transfer', 'BLR', 'RUS')?.items).toEqual(['armoured_vehicle']);
    });

    it('should mark a plan as planned and a government source as assessed', () => {
      const claims = en('Iran is preparing to send short-range missiles to Russia, the White House said.', [
        IRN,
        RUS,
        ['White House', 'usa.white-house'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toMatchObject({
        status: 'planned',
        modality: 'assessed',
        claimant: 'usa.white-house',
      });
    });

    it('should mark a modal before the verb as hypothetical', () => {
      const claims = en('Belarus could supply more artillery to Russia.', [['Belarus', 'BLR'], RUS]);
      expect(relation(claims, 'arms_transfer', 'BLR', 'RUS')?.modality).toBe('hypothetical');
    });

    it('should mark a denial before the verb as denied', () => {
      const claims = en('Iran denied sending any drones to Russia.', [IRN, RUS]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.modality).toBe('denied');
    });

    it('should mark a negated act as denied', () => {
      const claims = en('North Korea did not send missiles to Russia.', [PRK, RUS]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')?.modality).toBe('denied');
    });

    it('should mark a media source as alleged and list the outlet', () => {
      const claims = en('According to The Wall Street Journal, Belarus sold armoured vehicles to Russia.', [
        ['Belarus', 'BLR'],
        RUS,
      ]);
      expect(relation(claims, 'arms_transfer', 'BLR', 'RUS')).toMatchObject({
        modality: 'alleged',
        claimant: null,
        reported_by: ['The Wall Street Journal'],
      });
    });

    it('should mark an accusation as alleged with the accuser as claimant', () => {
      const claims = en('Ukraine accused Iran of supplying drones to Russia.', [
        ['Ukraine', 'UKR'],
        IRN,
        RUS,
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toMatchObject({
        modality: 'alleged',
        claimant: 'UKR',
        status: 'in_progress',
      });
    });

    it('should mark a party speaking of its own act as asserted', () => {
      const claims = en('Russia will deliver fighter jets to Myanmar, Moscow said.', [
        RUS,
        ['Myanmar', 'MMR'],
        ['Moscow', 'RUS', 'metonym'],
      ]);
      expect(relation(claims, 'arms_transfer', 'RUS', 'MMR')).toMatchObject({
        status: 'planned',
        modality: 'asserted',
        claimant: 'RUS',
      });
    });

    it('should take the claimant of "he said" from the sentence that named the speaker', () => {
      const claims = en(
        'The Pentagon briefed reporters on Monday. North Korea has delivered artillery shells to Russia, he said.',
        [['Pentagon', 'usa.dod'], PRK, RUS],
      );
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        claimant: 'usa.dod',
        modality: 'assessed',
      });
    });

    it('should give a person speaker as their country', () => {
      const claims = en('Sullivan said Iran supplied drones to Russia.', [
        ['Sullivan', 'person.jake-sullivan'],
        IRN,
        RUS,
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.claimant).toBe('USA');
    });

    it('should list an outlet cited after the claim among its sources', () => {
      const claims = en('North Korea sent rockets to Russia. The report was first published by Reuters.', [
        PRK,
        RUS,
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')?.reported_by).toEqual(['Reuters']);
    });

    it('should keep the evidence sentence and its offsets in the text', () => {
      const text = 'Talks went on. North Korea sent rockets to Russia.';
      const c = relation(en(text, [PRK, RUS]), 'arms_transfer', 'PRK', 'RUS');
      expect(c?.evidence.text).toBe('North Korea sent rockets to Russia.');
      expect(text.slice(c?.evidence.start, c?.evidence.end)).toBe(c?.evidence.text);
    });

    it('should not take a state attacked with the weapons as their recipient', () => {
      const claims = en('Russia attacked Ukraine with missiles supplied by North Korea.', [
        RUS,
        ['Ukraine', 'UKR'],
        PRK,
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toBeDefined();
      expect(relation(claims, 'arms_transfer', 'PRK', 'UKR')).toBeUndefined();
    });
  });

  describe('arms_transfer in Indonesian', () => {
    const KORUT: TestActor = ['Korea Utara', 'PRK', 'abbreviation'];
    const RUSIA: TestActor = ['Rusia', 'RUS'];

    it('should read "sedang membeli … dari" as in progress, PRK to RUS', () => {
      const claims = id('Rusia sedang membeli ribuan peluru artileri dari Korea Utara, kata pejabat AS.', [
        RUSIA,
        KORUT,
        ['AS', 'USA', 'abbreviation'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'in_progress',
        modality: 'assessed',
        claimant: 'USA',
        quantity: 'ribuan',
        items: ['artillery_shell'],
      });
    });

    it('should read "telah memasok … kepada" as completed', () => {
      const claims = id('Korea Utara telah memasok rudal balistik kepada Rusia.', [KORUT, RUSIA]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'completed',
        items: ['missile'],
      });
    });

    it('should read "menerima kiriman drone buatan Iran" as IRN to RUS', () => {
      const claims = id('Militer Rusia menerima kiriman drone buatan Iran.', [
        RUSIA,
        ['buatan Iran', 'IRN', 'demonym'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toBeDefined();
      expect(relation(claims, 'arms_transfer', 'RUS', 'IRN')).toBeUndefined();
    });

    it('should read the passive "digunakan oleh"', () => {
      const claims = id('Drone buatan Iran digunakan oleh pasukan Rusia di Ukraina.', [
        ['buatan Iran', 'IRN', 'demonym'],
        RUSIA,
        ['Ukraina', 'UKR'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toBeDefined();
    });

    it('should read "berencana mengirim" as planned', () => {
      const claims = id('Iran berencana mengirim ratusan drone ke Rusia.', [['Iran', 'IRN'], RUSIA]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toMatchObject({
        status: 'planned',
        quantity: 'ratusan',
      });
    });

    it('should read "membantah" as denied', () => {
      const claims = id('Iran membantah telah mengirim drone ke Rusia.', [['Iran', 'IRN'], RUSIA]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.modality).toBe('denied');
    });

    it('should read "dilaporkan" as alleged', () => {
      const claims = id('Rusia dilaporkan membeli drone dari Iran.', [RUSIA, ['Iran', 'IRN']]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.modality).toBe('alleged');
    });

    it('should resolve "negara itu" to the previous sentence\'s state', () => {
      const claims = id('Korea Utara menghadapi krisis pangan. Negara itu tetap mengirim amunisi ke Rusia.', [
        KORUT,
        RUSIA,
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toBeDefined();
    });

    it('should list an outlet quoted with "seperti dikutip dari"', () => {
      const claims = id('Korea Utara mengirim roket ke Rusia, seperti dikutip dari AFP.', [KORUT, RUSIA]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')?.reported_by).toEqual(['AFP']);
    });
  });

  describe('other languages', () => {
    it('should read Russian "поставляет" with a dative recipient', () => {
      const claims = claimsOf('Северная Корея поставляет России артиллерийские снаряды.', 'ru', [
        ['Северная Корея', 'PRK'],
        ['России', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'in_progress',
        items: ['artillery_shell'],
      });
    });

    it('should read French "a livré … à"', () => {
      const claims = claimsOf('La Corée du Nord a livré des obus à la Russie.', 'fr', [
        ['Corée du Nord', 'PRK'],
        ['Russie', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')?.status).toBe('completed');
    });

    it('should read Spanish unnamed sources as alleged', () => {
      const claims = claimsOf('Irán envió drones a Rusia, según fuentes de inteligencia.', 'es', [
        ['Irán', 'IRN'],
        ['Rusia', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')?.modality).toBe('alleged');
    });

    it('should read Korean particles for giver and recipient', () => {
      const claims = claimsOf('북한은 러시아에 포탄을 제공했다.', 'ko', [
        ['북한', 'PRK'],
        ['러시아', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toMatchObject({
        status: 'completed',
        items: ['artillery_shell'],
      });
    });

    it('should read Ukrainian troops sent "в Росію" (accusative: a destination)', () => {
      const claims = claimsOf('КНДР направила в Росію понад 10 тисяч військових.', 'uk', [
        ['КНДР', 'PRK'],
        ['Росію', 'RUS'],
      ]);
      expect(relation(claims, 'military_cooperation', 'PRK', 'RUS')).toBeDefined();
    });

    it('should read Malay with the Indonesian lexicon', () => {
      const claims = claimsOf('Korea Utara telah mengirim peluru berpandu kepada Rusia.', 'ms', [
        ['Korea Utara', 'PRK'],
        ['Rusia', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toBeDefined();
    });

    it('should read German "liefert … an"', () => {
      const claims = claimsOf('Nordkorea liefert Munition an Russland.', 'de', [
        ['Nordkorea', 'PRK'],
        ['Russland', 'RUS'],
      ]);
      expect(relation(claims, 'arms_transfer', 'PRK', 'RUS')).toBeDefined();
    });
  });

  describe('labor_export', () => {
    it('should read workers sent to a country', () => {
      const claims = en('North Korea has sent about 2,000 construction workers to Russia.', [PRK, RUS]);
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toMatchObject({
        status: 'completed',
        quantity: 'about 2,000',
      });
      expect(relation(claims, 'military_cooperation', 'PRK', 'RUS')).toBeUndefined();
    });

    it('should read workers located in several countries as one claim each', () => {
      const claims = en('Thousands of North Korean laborers work in China and Russia, the UN panel said.', [
        ['North Korean', 'PRK', 'demonym'],
        ['China', 'CHN'],
        RUS,
        ['UN', 'UN', 'abbreviation'],
      ]);
      expect(relation(claims, 'labor_export', 'PRK', 'CHN')).toMatchObject({
        modality: 'assessed',
        claimant: 'UN',
      });
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toBeDefined();
    });

    it('should read Indonesian "mengirim … pekerja ke" with a plan', () => {
      const claims = id('Korea Utara berencana mengirim sekitar 3.000 pekerja ke Rusia.', [
        ['Korea Utara', 'PRK'],
        ['Rusia', 'RUS'],
      ]);
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toMatchObject({
        status: 'planned',
        quantity: 'sekitar 3.000',
      });
    });

    it('should give the occupier as the receiver of workers sent to occupied land', () => {
      const claims = en('North Korea sent workers to Russian-occupied areas of Ukraine.', [
        PRK,
        ['Russian', 'RUS', 'demonym'],
        ['Ukraine', 'UKR'],
      ]);
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toBeDefined();
      expect(relation(claims, 'labor_export', 'PRK', 'UKR')).toBeUndefined();
    });
  });

  describe('military_cooperation', () => {
    it('should pair the parties of joint exercises', () => {
      const claims = en('Russia and North Korea held joint military exercises near Vladivostok.', [RUS, PRK]);
      expect(relation(claims, 'military_cooperation', 'PRK', 'RUS')).toBeDefined();
    });

    it('should read troops sent to a country as cooperation, not labour', () => {
      const claims = en('Pyongyang has deployed 5,000 soldiers to Russia.', [
        ['Pyongyang', 'PRK', 'metonym'],
        RUS,
      ]);
      expect(relation(claims, 'military_cooperation', 'PRK', 'RUS')).toBeDefined();
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toBeUndefined();
    });

    it('should pair a trainer with the forces it trains', () => {
      const claims = en('Iran is training Russian troops to fly the drones.', [
        IRN,
        ['Russian', 'RUS', 'demonym'],
      ]);
      expect(relation(claims, 'military_cooperation', 'IRN', 'RUS')).toBeDefined();
    });

    it('should read Indonesian "kerja sama militer" with a plan', () => {
      const claims = id('Rusia dan Korea Utara membahas kerja sama militer.', [
        ['Rusia', 'RUS'],
        ['Korea Utara', 'PRK'],
      ]);
      expect(relation(claims, 'military_cooperation', 'PRK', 'RUS')?.status).toBe('planned');
    });
  });

  describe('diplomatic_recognition', () => {
    const DPR: TestActor = ["Donetsk People's Republic", 'ukr.dpr'];
    const LPR: TestActor = ["Luhansk People's Republic", 'ukr.lpr'];

    it('should give one claim per recognised entity', () => {
      const claims = en(
        "Nicaragua recognised the Donetsk People's Republic and the Luhansk People's Republic.",
        [['Nicaragua', 'NIC'], DPR, LPR],
      );
      expect(relation(claims, 'diplomatic_recognition', 'NIC', 'ukr.dpr')).toMatchObject({
        modality: 'asserted',
        status: 'completed',
      });
      expect(relation(claims, 'diplomatic_recognition', 'NIC', 'ukr.lpr')).toBeDefined();
    });

    it('should resolve "both republics" to the entities the article named', () => {
      const claims = en(
        "Separatists declared the Donetsk People's Republic and the Luhansk People's Republic. Syria later recognised both republics.",
        [DPR, LPR, ['Syria', 'SYR']],
      );
      expect(relation(claims, 'diplomatic_recognition', 'SYR', 'ukr.dpr')).toBeDefined();
      expect(relation(claims, 'diplomatic_recognition', 'SYR', 'ukr.lpr')).toBeDefined();
    });

    it('should not count the state the entities belong to as recognising them', () => {
      const claims = id('Suriah mengakui kemerdekaan Republik Rakyat Donetsk di Ukraina.', [
        ['Suriah', 'SYR'],
        ['Republik Rakyat Donetsk', 'ukr.dpr'],
        ['Ukraina', 'UKR'],
      ]);
      expect(relation(claims, 'diplomatic_recognition', 'SYR', 'ukr.dpr')).toBeDefined();
      expect(relation(claims, 'diplomatic_recognition', 'UKR', 'ukr.dpr')).toBeUndefined();
    });
  });

  describe('sanctions_imposed', () => {
    it('should read "imposed sanctions on"', () => {
      const claims = en('The European Union imposed sanctions on Iranian drone makers.', [
        ['European Union', 'EU'],
        ['Iranian', 'IRN', 'demonym'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'EU', 'IRN')).toMatchObject({
        status: 'completed',
        modality: 'asserted',
      });
    });

    it('should read a passive with by-agents', () => {
      const claims = en('Three Russian shipping firms were sanctioned by Japan.', [
        ['Russian', 'RUS', 'demonym'],
        ['Japan', 'JPN'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'JPN', 'RUS')).toBeDefined();
    });

    it('should read "new <country> sanctions" as sanctions on that country', () => {
      const claims = en('Washington announced new Iran sanctions on Tuesday.', [
        ['Washington', 'USA', 'metonym'],
        IRN,
      ]);
      expect(relation(claims, 'sanctions_imposed', 'USA', 'IRN')).toBeDefined();
      expect(relation(claims, 'sanctions_imposed', 'IRN', 'USA')).toBeUndefined();
    });

    it('should read Indonesian "sanksi PBB" as imposed by the UN', () => {
      const claims = id('Korea Utara berada di bawah sanksi PBB sejak 2006.', [
        ['Korea Utara', 'PRK'],
        ['PBB', 'UN', 'abbreviation'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'UN', 'PRK')).toBeDefined();
    });

    it('should read "said it would impose" as planned by the speaker', () => {
      const claims = en('Japan said it would impose an embargo on Russia.', [['Japan', 'JPN'], RUS]);
      expect(relation(claims, 'sanctions_imposed', 'JPN', 'RUS')).toMatchObject({
        status: 'planned',
        claimant: 'JPN',
      });
    });
  });

  describe('sanctions_violation', () => {
    it('should take the exporter as violator and imply the DPRK arms regime', () => {
      const claims = en('Arms exports from North Korea to Russia violate UN resolutions.', [
        PRK,
        RUS,
        ['UN', 'UN', 'abbreviation'],
      ]);
      expect(relation(claims, 'sanctions_violation', 'PRK', 'RUS')).toMatchObject({
        instrument: 'UNSCR 1718',
      });
    });

    it('should take the buyer as violator when the buyer is the subject', () => {
      const claims = en('Russia violated UN sanctions by buying shells from North Korea.', [
        RUS,
        PRK,
        ['UN', 'UN', 'abbreviation'],
      ]);
      expect(relation(claims, 'sanctions_violation', 'RUS', 'PRK')).toBeDefined();
    });

    it('should mark a conditional violation as hypothetical with unknown status', () => {
      const claims = id(
        'Jika Korea Utara mengirim senjata ke Rusia, hal itu akan menjadi pelanggaran resolusi PBB.',
        [
          ['Korea Utara', 'PRK'],
          ['Rusia', 'RUS'],
          ['PBB', 'UN', 'abbreviation'],
        ],
      );
      expect(relation(claims, 'sanctions_violation', 'PRK', 'RUS')).toMatchObject({
        modality: 'hypothetical',
        status: 'unknown',
        instrument: 'UNSCR 1718',
      });
    });

    it('should imply UNSCR 2397 for DPRK workers and read a stated resolution number', () => {
      const workers = en('Sending North Korean workers to Russia breaches UN sanctions.', [
        ['North Korean', 'PRK', 'demonym'],
        RUS,
      ]);
      expect(relation(workers, 'sanctions_violation', 'PRK', 'RUS')?.instrument).toBe('UNSCR 2397');
      const stated = en('North Korea violated resolution 2375 by exporting textiles to China.', [
        PRK,
        ['China', 'CHN'],
      ]);
      expect(stated.find((c) => c.type === 'sanctions_violation')?.instrument).toBe('UNSCR 2375');
    });

    it('should not call a breach of a constitution a sanctions violation', () => {
      const claims = en('Kyiv said the move by North Korea was a violation of the constitution of Ukraine.', [
        ['Kyiv', 'UKR', 'metonym'],
        PRK,
        ['Ukraine', 'UKR'],
      ]);
      expect(claims.filter((c) => c.type === 'sanctions_violation')).toEqual([]);
    });
  });

  describe('policy', () => {
    it('should find no claim in a question', () => {
      expect(en('Did North Korea send rockets to Russia?', [PRK, RUS])).toEqual([]);
    });

    it('should find no claim in a headline the body repeats', () => {
      const title = 'North Korea sends rockets to Russia';
      expect(en(`${title}\nMarkets were calm on Monday.`, [PRK, RUS], title)).toEqual([]);
    });

    it('should find no claim in a "read more" line', () => {
      expect(en('Read more: North Korea sends rockets to Russia.', [PRK, RUS])).toEqual([]);
    });

    it('should find no claim where a resolution only bans an act', () => {
      const claims = en('The resolutions ban North Korea from exporting weapons to any country.', [PRK]);
      expect(claims.filter((c) => c.type === 'arms_transfer')).toEqual([]);
    });

    it('should give confidences between 0 and 1', () => {
      for (const c of en('North Korea sent rockets to Russia.', [PRK, RUS])) {
        expect(c.confidence).toBeGreaterThan(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
    });

    it('should find no claim without actors', () => {
      expect(en('Drones were sent to the front.', [])).toEqual([]);
    });
  });

  describe('lists of parties', () => {
    it('should give every state of "A, B and C recognised X" the recognition of a contested state', () => {
      const claims = en('Portugal, Belgium and Slovenia officially recognised the State of Palestine.', [
        ['Portugal', 'PRT'],
        ['Belgium', 'BEL'],
        ['Slovenia', 'SVN'],
        ['State of Palestine', 'PSE'],
      ]);
      for (const s of ['PRT', 'BEL', 'SVN'])
        expect(relation(claims, 'diplomatic_recognition', s, 'PSE')).toBeDefined();
    });

    it('should read an Indonesian recognition of Palestine', () => {
      const claims = id('Kolombia sudah mengakui Palestina sejak 1988.', [
        ['Kolombia', 'COL'],
        ['Palestina', 'PSE'],
      ]);
      expect(relation(claims, 'diplomatic_recognition', 'COL', 'PSE')).toBeDefined();
    });

    it('should hit every target listed inside noun phrases', () => {
      const claims = en('Britain sanctioned 20 Russian defence firms and four Chinese suppliers on Monday.', [
        ['Britain', 'GBR'],
        ['Russian', 'RUS', 'demonym'],
        ['Chinese', 'CHN', 'demonym'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'GBR', 'RUS')).toBeDefined();
      expect(relation(claims, 'sanctions_imposed', 'GBR', 'CHN')).toBeDefined();
    });

    it('should hit firms "in" each listed state (id)', () => {
      const claims = id('Kanada menjatuhkan sanksi terhadap perusahaan di Belarus dan Iran.', [
        ['Kanada', 'CAN'],
        ['Belarus', 'BLR'],
        ['Iran', 'IRN'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'CAN', 'BLR')).toBeDefined();
      expect(relation(claims, 'sanctions_imposed', 'CAN', 'IRN')).toBeDefined();
    });

    it('should pair every party of a multilateral drill', () => {
      const claims = en(
        'The Philippines, Australia and Japan are holding trilateral naval drills this week.',
        [
          ['Philippines', 'PHL'],
          ['Australia', 'AUS'],
          ['Japan', 'JPN'],
        ],
      );
      for (const [a, b] of [
        ['PHL', 'AUS'],
        ['PHL', 'JPN'],
        ['AUS', 'JPN'],
      ])
        expect(relation(claims, 'military_cooperation', a, b)).toMatchObject({ status: 'in_progress' });
    });

    it('should send to both states of a Korean list marked once', () => {
      const claims = claimsOf('북한은 러시아와 중국에 노동자를 보냈다.', 'ko', [
        ['북한', 'PRK'],
        ['러시아', 'RUS'],
        ['중국', 'CHN'],
      ]);
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toBeDefined();
      expect(relation(claims, 'labor_export', 'PRK', 'CHN')).toBeDefined();
      expect(relation(claims, 'labor_export', 'RUS', 'CHN')).toBeUndefined();
    });
  });

  describe('announcements, passives and other phrasings', () => {
    it('should read a future asset freeze as planned sanctions', () => {
      const claims = en('Canada will freeze the assets of nine Iranian firms.', [
        ['Canada', 'CAN'],
        ['Iranian', 'IRN', 'demonym'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'CAN', 'IRN')).toMatchObject({ status: 'planned' });
    });

    it('should read an Indonesian asset freeze', () => {
      const claims = id('Jepang akan membekukan aset dua perusahaan Rusia.', [
        ['Jepang', 'JPN'],
        ['Rusia', 'RUS'],
      ]);
      expect(relation(claims, 'sanctions_imposed', 'JPN', 'RUS')).toMatchObject({ status: 'planned' });
    });

    it('should read "sent from X to Y" in a relative clause', () => {
      const claims = en('Drone engines that had been shipped from Iran to Russia were found in Ukraine.', [
        IRN,
        RUS,
        ['Ukraine', 'UKR'],
      ]);
      expect(relation(claims, 'arms_transfer', 'IRN', 'RUS')).toBeDefined();
      expect(relation(claims, 'arms_transfer', 'RUS', 'UKR')).toBeUndefined();
    });

    it('should read troops taking part in assaults alongside another army', () => {
      const claims = en('Belarusian troops took part in assaults alongside Russian forces.', [
        ['Belarusian', 'BLR', 'demonym'],
        ['Russian', 'RUS', 'demonym'],
      ]);
      expect(relation(claims, 'military_cooperation', 'BLR', 'RUS')).toBeDefined();
    });

    it('should read a defence minister meeting a counterpart (id)', () => {
      const claims = id('Menteri Pertahanan Laos tiba di Hanoi untuk bertemu dengan mitranya dari Vietnam.', [
        ['Laos', 'LAO'],
        ['Vietnam', 'VNM'],
      ]);
      expect(relation(claims, 'military_cooperation', 'LAO', 'VNM')).toBeDefined();
    });

    it('should read a Russian joint exercise with adjectives between the words', () => {
      const claims = claimsOf('Армии Китая и Монголии начали совместные тактические учения.', 'ru', [
        ['Китая', 'CHN'],
        ['Монголии', 'MNG'],
      ]);
      expect(relation(claims, 'military_cooperation', 'CHN', 'MNG')).toBeDefined();
    });

    it('should take "the country" back to the one unmarked state of the previous sentence', () => {
      const claims = en(
        'Myanmar received two fighter jets from Russia on Monday. Earlier, the country had bought trainer aircraft from China.',
        [['Myanmar', 'MMR'], RUS, ['China', 'CHN']],
      );
      expect(relation(claims, 'arms_transfer', 'CHN', 'MMR')).toBeDefined();
    });

    it('should give "the government" of a Korean sentence the speaking ministry\'s state', () => {
      const claims = claimsOf(
        '정부는 북한의 무기 거래에 관여한 개인 3명을 독자 제재 대상으로 지정했다고 외교부가 10일 밝혔다.',
        'ko',
        [
          ['북한', 'PRK'],
          ['외교부', 'kor.mofa'],
        ],
      );
      expect(relation(claims, 'sanctions_imposed', 'KOR', 'PRK')).toBeDefined();
      expect(relation(claims, 'sanctions_imposed', 'PRK', 'KOR')).toBeUndefined();
    });
  });

  describe('both parties named earlier', () => {
    it('should read "kedua negara" as the two states of the previous sentence, with a third invited', () => {
      const claims = id(
        'Sekitar 300 prajurit Filipina berlatih bersama tentara Jepang di Luzon. Tahun depan, kedua negara berencana mengundang Australia untuk bergabung dalam latihan tersebut.',
        [
          ['Filipina', 'PHL'],
          ['Jepang', 'JPN'],
          ['Australia', 'AUS'],
        ],
      );
      expect(relation(claims, 'military_cooperation', 'PHL', 'JPN')).toBeDefined();
      expect(relation(claims, 'military_cooperation', 'PHL', 'AUS')).toMatchObject({ status: 'planned' });
      expect(relation(claims, 'military_cooperation', 'JPN', 'AUS')).toMatchObject({ status: 'planned' });
    });

    it('should read "both countries" in English', () => {
      const claims = en(
        'Egypt and Greece signed a maritime deal in Cairo on Monday. Both countries will also hold joint naval drills with Cyprus in May.',
        [
          ['Egypt', 'EGY'],
          ['Greece', 'GRC'],
          ['Cyprus', 'CYP'],
          ['Cairo', 'EGY'],
        ],
      );
      expect(relation(claims, 'military_cooperation', 'EGY', 'CYP')).toBeDefined();
      expect(relation(claims, 'military_cooperation', 'GRC', 'CYP')).toBeDefined();
    });
  });

  describe('status of an act that began', () => {
    const parties: [string, string][] = [
      ['Chile', 'CHL'],
      ['Peru', 'PER'],
    ];
    const statusOf = (text: string, language = 'en') => {
      const claims = claimsOf(text, language, parties);
      return (
        relation(claims, 'military_cooperation', 'CHL', 'PER') ??
        relation(claims, 'military_cooperation', 'PER', 'CHL')
      )?.status;
    };

    it('should keep an exercise that began days ago in progress (published 2024-09-10)', () => {
      expect(statusOf('Chile and Peru began a five-day joint exercise on Sunday.')).toBe('in_progress');
      expect(statusOf('Chile dan Peru memulai latihan bersama yang dimulai Senin.', 'id')).toBe(
        'in_progress',
      );
    });

    it('should count a start dated months back as done', () => {
      expect(statusOf('Chile and Peru began joint exercises in June.')).toBe('completed');
    });
  });

  describe('status of an untensed signing (id)', () => {
    const parties: [string, string][] = [
      ['Indonesia', 'IDN'],
      ['Brunei', 'BRN'],
    ];
    const statusOf = (text: string) =>
      relation(claimsOf(text, 'id', parties), 'military_cooperation', 'IDN', 'BRN')?.status ??
      relation(claimsOf(text, 'id', parties), 'military_cooperation', 'BRN', 'IDN')?.status;

    it('should mark an agreement signed without a tense word as completed', () => {
      expect(statusOf('Indonesia dan Brunei menandatangani perjanjian pertahanan di Jakarta.')).toBe(
        'completed',
      );
    });

    it('should keep a plan word before the signing, and a programme the signing only amends', () => {
      expect(statusOf('Indonesia dan Brunei akan segera menandatangani perjanjian pertahanan.')).toBe(
        'planned',
      );
      expect(
        statusOf(
          'Indonesia dan Brunei menandatangani amendemen perjanjian pengembangan bersama kapal patroli.',
        ),
      ).toBe('in_progress');
    });
  });

  describe('status of what an agreement provides for', () => {
    it('should mark a delivery an accord provides for as planned (fr)', () => {
      const claims = claimsOf(
        "Le Niger et la Russie ont signé l'an dernier un accord de coopération militaire prévoyant la livraison d'hélicoptères.",
        'fr',
        [
          ['Niger', 'NER'],
          ['Russie', 'RUS'],
        ],
      );
      expect(relation(claims, 'military_cooperation', 'NER', 'RUS')).toBeDefined();
      expect(relation(claims, 'arms_transfer', 'RUS', 'NER')).toMatchObject({ status: 'planned' });
    });
  });

  describe('precision', () => {
    it('should read a paper named by its country as media, not as that state (id)', () => {
      const claims = id('Korea Utara mengirim pekerja ke Rusia, menurut laporan surat kabar Jepang.', [
        ['Korea Utara', 'PRK'],
        ['Rusia', 'RUS'],
        ['Jepang', 'JPN'],
      ]);
      expect(relation(claims, 'labor_export', 'PRK', 'RUS')).toMatchObject({
        modality: 'alleged',
        claimant: null,
      });
    });

    it('should not make the accused of a passive accusation its accuser', () => {
      const claims = en(
        'The EU imposed sanctions on Russia, listing nine firms in China accused of shipping drone parts.',
        [['EU', 'EU'], RUS, ['China', 'CHN']],
      );
      const c = relation(claims, 'sanctions_imposed', 'EU', 'RUS');
      expect(c).toBeDefined();
      expect(c?.claimant).not.toBe('RUS');
      expect(c?.claimant).not.toBe('CHN');
    });

    it('should not make the seat of an embassy a sanctions target', () => {
      const claims = en("Russia's embassy in Tokyo called the sanctions unlawful.", [RUS, ['Tokyo', 'JPN']]);
      expect(claims.filter((c) => c.type === 'sanctions_imposed')).toEqual([]);
    });

    it('should not pair a "with" list without its subject', () => {
      const claims = en('India held joint military exercises with France and Egypt.', [
        ['India', 'IND'],
        ['France', 'FRA'],
        ['Egypt', 'EGY'],
      ]);
      expect(relation(claims, 'military_cooperation', 'IND', 'FRA')).toBeDefined();
    });
  });
});
