import { splitSentences } from './split-sentences';

const texts = (t: string, lang = 'en'): string[] => splitSentences(t, lang).map((s) => s.text);

describe(splitSentences.name, () => {
  describe('splitSentences', () => {
    it('should give offsets that slice back to each sentence', () => {
      const text = '  The first one.  The second one!\n\nA third?  ';
      const out = splitSentences(text, 'en');
      expect(out.map((s) => s.text)).toEqual(['The first one.', 'The second one!', 'A third?']);
      for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
      expect(out.map((s) => s.index)).toEqual([0, 1, 2]);
    });

    it('should not split after English abbreviations and initials', () => {
      expect(
        texts('U.S. Central Command said so. Dr. Smith met Gen. Jones on Jan. 11 in Rome. J. Doe left.'),
      ).toEqual([
        'U.S. Central Command said so.',
        'Dr. Smith met Gen. Jones on Jan. 11 in Rome.',
        'J. Doe left.',
      ]);
    });

    it('should split after an abbreviation when a sentence opener follows', () => {
      expect(texts('The deal was signed in the U.S. The talks went on.')).toEqual([
        'The deal was signed in the U.S.',
        'The talks went on.',
      ]);
    });

    it('should keep "No." and Indonesian "dll." and "a.n." inside the sentence', () => {
      expect(
        texts('Resolusi No. 2397 melarang ekspor minyak, batu bara, dll. Semua negara wajib patuh.', 'id'),
      ).toEqual(['Resolusi No. 2397 melarang ekspor minyak, batu bara, dll.', 'Semua negara wajib patuh.']);
      expect(texts('Surat itu dikirim a.n. Menteri Luar Negeri kepada PBB.', 'id')).toEqual([
        'Surat itu dikirim a.n. Menteri Luar Negeri kepada PBB.',
      ]);
    });

    it('should keep a closing quote with the sentence it ends', () => {
      expect(texts('“Kami menilai situasinya buruk.” Dia lalu pergi.', 'id')).toEqual([
        '“Kami menilai situasinya buruk.”',
        'Dia lalu pergi.',
      ]);
      expect(texts('"Is it true?" he asked. Nobody answered.')).toEqual([
        '"Is it true?" he asked.',
        'Nobody answered.',
      ]);
    });

    it('should treat a line break as a hard boundary', () => {
      expect(texts('A headline without a stop\nThe body starts here.')).toEqual([
        'A headline without a stop',
        'The body starts here.',
      ]);
    });

    it('should return nothing for empty or blank text', () => {
      expect(splitSentences('', 'en')).toEqual([]);
      expect(splitSentences(' \n\n ', 'id')).toEqual([]);
    });

    it('should segment Korean and Russian text', () => {
      expect(texts('북한은 포탄을 제공했다. 러시아는 부인했다.', 'ko')).toEqual([
        '북한은 포탄을 제공했다.',
        '러시아는 부인했다.',
      ]);
      expect(texts('Пхеньян поставляет снаряды. Москва молчит.', 'ru')).toEqual([
        'Пхеньян поставляет снаряды.',
        'Москва молчит.',
      ]);
    });

    it('should give a line without a possible break one sentence, as ICU does, without asking ICU', () => {
      // Random lines from letters of several scripts, digits and the punctuation the fast path lets through:
      // ICU must see exactly one sentence in each, and splitSentences must give that same sentence.
      const alphabet = [
        ...'abcXYZéçñßøąğşıлджЖ가나다北京日本عربيةअआ0123456789',
        ...' ,\'"()-–—:;/%&«»“”‘’[]+#@*=°•·،‚„‹›¿¡$€£¥',
      ];
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let n = 0; n < 300; n++) {
        const length = 1 + Math.floor(next() * 120);
        let line = '';
        for (let k = 0; k < length; k++) line += alphabet[Math.floor(next() * alphabet.length)];
        line += next() < 0.5 ? '.' : '';
        const icu = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(line)]
          .map((p) => p.segment.trim())
          .filter(Boolean);
        expect({ line, sentences: texts(line, 'en') }).toEqual({ line, sentences: icu });
      }
    });

    it('should accept an unknown or malformed language code', () => {
      expect(texts('One. Two.', 'und')).toEqual(['One.', 'Two.']);
      expect(texts('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
    });
  });
});
