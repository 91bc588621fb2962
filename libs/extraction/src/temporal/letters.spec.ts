import fc from 'fast-check';
import { letterWordEnd } from './letters';

// Letters, digits, apostrophes, spaces, punctuation, marks, surrogate pairs and lone halves.
const PIECES = [
  'a',
  'Z',
  '7',
  "'",
  '’',
  ' ',
  '.',
  '-',
  'é',
  '\u0301',
  'я',
  '月',
  '😀',
  '𝐀',
  '\ud83d',
  '\ude00',
];

describe(letterWordEnd.name, () => {
  it('should end each word where the regex match ends', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((p) => p.join('')),
        (s) => {
          const want = [...s.matchAll(/\p{L}[\p{L}']*/gu)].map((m) => [m.index, m.index + m[0].length]);
          const got: number[][] = [];
          for (let i = 0; i < s.length;) {
            const end = letterWordEnd(s, i);
            if (end === i) i++;
            else {
              got.push([i, end]);
              i = end;
            }
          }
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
