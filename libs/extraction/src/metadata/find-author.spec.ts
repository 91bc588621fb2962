import { boilerplateLexicon } from '../cleaning/boilerplate-lexicon';
import { findAuthor } from './find-author';
import { formatPersonName } from './format-name';

const lex = boilerplateLexicon();

describe(findAuthor.name, () => {
  describe('findAuthor', () => {
    it.each([
      ['LAPORAN: RENI ERINA', 'Reni Erina'],
      ['By Christopher Bing and Doina Chiacu', 'Christopher Bing and Doina Chiacu'],
      ['Oleh Siti Aminah', 'Siti Aminah'],
      ['Penulis: Budi Santoso', 'Budi Santoso'],
      ['Reporter : AHMAD DHANI', 'Ahmad Dhani'],
      ['Par Jean-Paul Martin', 'Jean-Paul Martin'],
    ])('should read the byline "%s" as %s', (byline, expected) => {
      expect(findAuthor(null, [byline], lex)).toBe(expected);
    });

    it('should prefer the meta author when it is a name', () => {
      expect(findAuthor('Jane Doe', ['By John Roe'], lex)).toBe('Jane Doe');
      expect(findAuthor('https://example.com/authors/jane', ['By John Roe'], lex)).toBe('John Roe');
    });

    it('should not take a sentence or an editor line for a byline', () => {
      expect(findAuthor(null, ['By the end of the week the talks had failed'], lex)).toBeNull();
      expect(findAuthor(null, ['EDITOR: RENI ERINA'], lex)).toBeNull();
    });
  });
});

describe(formatPersonName.name, () => {
  describe('formatPersonName', () => {
    it('should title-case all-capital names and keep mixed-case ones', () => {
      expect(formatPersonName('RENI ERINA')).toBe('Reni Erina');
      expect(formatPersonName("JEAN-PAUL O'NEIL")).toBe("Jean-Paul O'Neil");
      expect(formatPersonName('CHRISTOPHER BING AND DOINA CHIACU')).toBe('Christopher Bing and Doina Chiacu');
      expect(formatPersonName('Kim Sang-man')).toBe('Kim Sang-man');
      expect(formatPersonName('고일환')).toBe('고일환');
    });
  });
});
