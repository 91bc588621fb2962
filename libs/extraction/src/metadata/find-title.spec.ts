import { HeadLine, findTitleLine } from './find-title';

const line = (text: string, extra: Partial<HeadLine> = {}): HeadLine => ({
  text,
  candidate: !extra.body && !extra.anchor,
  anchor: false,
  body: false,
  words: text.split(' ').length,
  ...extra,
});

describe(findTitleLine.name, () => {
  describe('findTitleLine', () => {
    it('should prefer a repeated headline over menu lines', () => {
      const lines = [
        line('Home News World Sport'),
        line('Menteri Bertemu Utusan Dua Negara di Jakarta Hari Ini'),
        line('LAPORAN: SITI AMINAH', { anchor: true }),
        line('MENTERI BERTEMU UTUSAN DUA NEGARA DI JAKARTA HARI INI'),
        line('Menteri itu bertemu utusan dua negara di Jakarta pada Senin.', { body: true }),
      ];
      expect(findTitleLine(lines)).toBe('Menteri Bertemu Utusan Dua Negara di Jakarta Hari Ini');
    });

    it('should take the headline standing above the date line', () => {
      const lines = [
        line('Internasional'),
        line('Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan'),
        line('29 Oktober 2024 | 19.00 WIB', { anchor: true }),
        line('Sebuah kapal perang tiba di pelabuhan setelah latihan gabungan selama sepekan.', {
          body: true,
        }),
      ];
      expect(findTitleLine(lines)).toBe('Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan');
    });

    it('should take the headline above the byline over a longer dek below it', () => {
      const lines = [
        line('Storm leaves trail of damage across two coastal provinces'),
        line('By Herald staff | September 29, 2025, 11:10 a.m. (PHT)', { anchor: true }),
        line('Neighbours among those offering help; death toll rises to 47 as rescuers reach villages'),
        line('The death toll rose to 47 on Monday as rescuers reached villages cut off by floods.', {
          body: true,
        }),
      ];
      expect(findTitleLine(lines)).toBe('Storm leaves trail of damage across two coastal provinces');
    });

    it('should not take a subheading that follows the body', () => {
      const lines = [
        line('The ministry announced new measures on Monday after a long review.', { body: true }),
        line('A New Chapter for the Region'),
        line('Officials said the measures would take effect next month.', { body: true }),
      ];
      expect(findTitleLine(lines)).toBeNull();
    });

    it('should return null when the page starts with the body', () => {
      expect(
        findTitleLine([line('The delegation visited the airfield twice in June.', { body: true })]),
      ).toBeNull();
      expect(findTitleLine([])).toBeNull();
    });
  });
});
