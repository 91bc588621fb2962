import { boilerplateLexicon } from './boilerplate-lexicon';
import {
  breadcrumbTail,
  withoutTitleTrail,
  isBoilerplate,
  isCaption,
  isEndMarker,
  isMenuLine,
  stripGluedJunk,
} from './boilerplate-rules';
import { lineShape } from './line-shape';

const lex = boilerplateLexicon();
const boiler = (line: string): boolean => isBoilerplate(line, line.toLowerCase(), lineShape(line), lex);

describe(isBoilerplate.name, () => {
  describe('isBoilerplate', () => {
    it.each([
      'ARTIKEL LAINNYA',
      'Baca juga: Latihan Gabungan Digelar di Laut Natuna',
      'BACA JUGA:Konflik Memanas di Perbatasan',
      'Read more: Other story about ships',
      'Temukan berita-berita hangat terpercaya dari Kantor Berita Politik di Google News.',
      'Untuk mengikuti silakan klik tanda bintang.',
      '(Ikuti kami di Google News)',
      'Advertisement',
      'SCROLL TO CONTINUE WITH CONTENT',
      '<저작권자(c) 연합뉴스, 무단 전재-재배포 금지>',
      '(haf/imk)',
      'koman@yna.co.kr',
      'We use cookies to give you the best experience on our website.',
    ])('should flag "%s"', (line) => {
      expect(boiler(line)).toBe(true);
    });

    it.each([
      'Baca juga pernyataan menteri yang disampaikan pada Senin, kata juru bicara itu kepada wartawan.',
      'The White House said the drones were delivered in August to the Russian military.',
      'Korea Utara telah mengisyaratkan minat untuk mengirim pekerja konstruksi ke wilayah itu.',
      'Related talks between the two ministries are expected to resume next week in Geneva.',
    ])('should keep the sentence "%s"', (line) => {
      expect(boiler(line)).toBe(false);
    });
  });
});

describe(isEndMarker.name, () => {
  describe('isEndMarker', () => {
    it('should know related-article and comment headings, with or without a colon', () => {
      expect(isEndMarker('artikel lainnya', lex)).toBe(true);
      expect(isEndMarker('related articles:', lex)).toBe(true);
      expect(isEndMarker('관련뉴스', lex)).toBe(true);
      expect(isEndMarker('the related talks went on', lex)).toBe(false);
    });
  });
});

describe(isCaption.name, () => {
  describe('isCaption', () => {
    it.each([
      'Pemandangan udara dari pangkalan militer yang diguncang ledakan pada Selasa 6 September 2022/Net',
      'The two leaders shake hands in Vladivostok on Thursday.-Mikhail Svetlov/Getty Images',
      'The leaders meet in Sochi, Russia 09 June 2023. EFE-EPA/NAME SURNAME POOL MANDATORY CREDIT',
      'The president is greeted at the airport in Pyongyang, 19 June 2024. KCNA via REUTERS',
      'Photo: CENTCOM/Handout/Anadolu via Getty Images',
    ])('should recognise the caption "%s"', (line) => {
      expect(isCaption(line, lex)).toBe(true);
    });

    it.each([
      'The ministry said the ship arrived at the port after a long delay, Reuters reported.',
      'Kapal itu tiba di pelabuhan pada Kamis pagi setelah latihan gabungan selama sepekan',
      'The talks on 24/7 support for the Ukrainian army went on',
    ])('should not take "%s" for a caption', (line) => {
      expect(isCaption(line, lex)).toBe(false);
    });
  });
});

describe(stripGluedJunk.name, () => {
  describe('stripGluedJunk', () => {
    it('should cut alt text and buttons glued to the first or last sentence', () => {
      expect(stripGluedJunk('rmol news logo Klaim terbaru Pentagon menyebutkan hal itu.', lex)).toBe(
        'Klaim terbaru Pentagon menyebutkan hal itu.',
      );
      expect(stripGluedJunk('Ia pulang pada tahun 2019. rmol news logo article', lex)).toBe(
        'Ia pulang pada tahun 2019.',
      );
      expect(stripGluedJunk('The resort is scheduled to open on July 1. Share', lex)).toBe(
        'The resort is scheduled to open on July 1.',
      );
    });

    it('should leave ordinary sentences alone', () => {
      const s = 'the logo of the ministry was changed in 2019. It now shows a ship';
      expect(stripGluedJunk(s, lex)).toBe(s);
      expect(stripGluedJunk('Kim Jong Un met Putin. The talks lasted two days.', lex)).toBe(
        'Kim Jong Un met Putin. The talks lasted two days.',
      );
    });
  });
});

describe(isMenuLine.name, () => {
  describe('isMenuLine', () => {
    it.each([
      'HOME | NEWS | COUNTIES | BUSINESS | OPINION | SPORTS | VIDEO | E-PAPER',
      'Gulf Dispatch | World | Middle East | Yemen',
      'Kabar Kini — Politik · Hukum · Pertahanan · Ekonomi · Daerah · Dunia',
      'Главное | Политика | Экономика | В мире',
      'トップ | 政治 | 経済 | 国際',
      'News » World » Asia',
      'NASIONAL - INTERNASIONAL - EKONOMI - OLAHRAGA - GAYA HIDUP',
    ])('should flag the menu "%s"', (line) => {
      expect(isMenuLine(line)).toBe(true);
    });

    it.each([
      'Ekonomi Kita / Moneter',
      'Russia, Myanmar hold first joint naval drill in Andaman Sea',
      'By Jane Doe | March 3, 2025 | 10:00 GMT',
      'Iran denies arms transfers | UN panel disagrees | Talks resume in Geneva next week',
      // Hyphens also join parts of headlines: three short items are no menu.
      'Rusia - Ukraina - Perang',
      'Kim - Putin summit - what we know - and what the two leaders signed',
    ])('should keep "%s"', (line) => {
      expect(isMenuLine(line)).toBe(false);
    });
  });
});

describe(breadcrumbTail.name, () => {
  describe('breadcrumbTail', () => {
    it('should give the headline ending a breadcrumb', () => {
      expect(breadcrumbTail('Internasional | Asia | India Serahkan 12 Kapal Patroli Cepat ke Vietnam')).toBe(
        'India Serahkan 12 Kapal Patroli Cepat ke Vietnam',
      );
      expect(breadcrumbTail('News » World » Russia buys rockets from North Korea')).toBe(
        'Russia buys rockets from North Korea',
      );
    });

    it('should give nothing for a menu, a headline with a site name, or one item before the headline', () => {
      expect(breadcrumbTail('HOME | NEWS | WORLD')).toBeNull();
      expect(breadcrumbTail('Russia buys rockets from North Korea | The Daily Wire')).toBeNull();
      expect(breadcrumbTail('World | Russia buys rockets from North Korea')).toBeNull();
      expect(
        breadcrumbTail('Iran denies arms transfers | UN panel disagrees | Talks resume in Geneva'),
      ).toBeNull();
    });
  });
});

describe(withoutTitleTrail.name, () => {
  describe('withoutTitleTrail', () => {
    it('should drop the section and site names a copied browser title trails', () => {
      expect(withoutTitleTrail('Russia buys rockets from North Korea | World News | The Daily Wire')).toBe(
        'Russia buys rockets from North Korea',
      );
    });

    it('should keep a headline of pipe-joined clauses, a single trailing name and a menu', () => {
      const clauses = 'Iran denies arms transfers | UN panel disagrees | Talks resume in Geneva next week';
      expect(withoutTitleTrail(clauses)).toBe(clauses);
      expect(withoutTitleTrail('Russia buys rockets from North Korea | The Daily Wire')).toBe(
        'Russia buys rockets from North Korea | The Daily Wire',
      );
      expect(withoutTitleTrail('HOME | NEWS | WORLD')).toBe('HOME | NEWS | WORLD');
    });
  });
});
