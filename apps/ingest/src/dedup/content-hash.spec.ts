import fc from 'fast-check';
import { contentHash, normalizeForHash } from './content-hash';

describe('contentHash', () => {
  describe('contentHash', () => {
    it('should give the same hash to texts that differ only in case and white space', () => {
      expect(contentHash('The  minister said\n\nhello.')).toBe(contentHash('the minister said hello.'));
    });

    it('should give different hashes to different texts', () => {
      expect(contentHash('The minister said hello.')).not.toBe(contentHash('The minister said goodbye.'));
    });

    it('should be 64 hex characters', () => {
      expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
    });
  });

  describe('normalizeForHash', () => {
    it('should turn every run of white space into one space, as `\\s+` does (stored hashes depend on it)', () => {
      const piece = fc.constantFrom(
        'a',
        'É',
        'x1',
        ' ',
        '  ',
        '\t',
        '\n',
        '\u00a0',
        '\u2003',
        '\u3000',
        '\r\n',
        '\ufeff',
      );
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
          const text = pieces.join('');
          expect(normalizeForHash(text)).toBe(
            text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim(),
          );
        }),
        { numRuns: 1000 },
      );
    });
  });
});
