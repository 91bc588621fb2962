import { foldString, foldText, isUpperCase } from './text-fold';

const str = (codes: Uint16Array): string => String.fromCharCode(...codes);

describe('text-fold', () => {
  describe(foldText.name, () => {
    it('should keep the length of the text, so offsets stay valid', () => {
      const text = 'Türkiye, İstanbul, Россия, Ελλάδα, 북한, إيران';
      expect(foldText(text).length).toBe(text.length);
    });

    it('should drop case and accents in Latin, Greek and Cyrillic', () => {
      expect(str(foldText('Téhéran ΡΩΣΊΑ Ёлка'))).toBe('teheran ρωσια елка');
    });

    it('should replace look-alike letters inside a word that mixes scripts', () => {
      expect(str(foldText('Russi\u0430'))).toBe('russia');
      expect(str(foldText('P\u043e\u0441\u0441\u0438\u044f'))).toBe('россия');
    });

    it('should leave words written in one script alone', () => {
      expect(str(foldText('Россия Pocc'))).toBe('россия pocc');
    });

    it('should unify Arabic alef forms and Greek final sigma', () => {
      expect(str(foldText('أوكرانيا'))).toBe('اوكرانيا');
      expect(str(foldText('Ηνωμένες'))).toBe('ηνωμενεσ');
    });
  });

  describe(foldString.name, () => {
    it('should fold apostrophes and dashes to ASCII', () => {
      expect(foldString('People’s Republic – Korea')).toBe("people's republic - korea");
    });
  });

  describe(isUpperCase.name, () => {
    it('should tell capitals from small letters and caseless scripts', () => {
      expect(isUpperCase('A'.charCodeAt(0))).toBe(true);
      expect(isUpperCase('a'.charCodeAt(0))).toBe(false);
      expect(isUpperCase('북'.charCodeAt(0))).toBe(false);
    });
  });
});
