import fc from 'fast-check';
import {
  ASCII_DIGIT,
  JOINER,
  LETTER,
  LETTER_OR_DIGIT,
  SPACE,
  UNIT_CLASS,
  WORD_CHAR,
  charAt,
} from './char-class';

describe('UNIT_CLASS', () => {
  it('should give every unit outside the surrogates the flags of the regexes it stands for', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const k = UNIT_CLASS[c];
      const want: [number, boolean][] = [
        [LETTER, /^\p{L}$/u.test(ch)],
        [WORD_CHAR, /^[\p{L}\p{M}\p{N}]$/u.test(ch)],
        [LETTER_OR_DIGIT, /^[\p{L}\p{N}]$/u.test(ch)],
        [ASCII_DIGIT, /^\d$/.test(ch)],
        [SPACE, /^\s$/u.test(ch)],
        [JOINER, /^[-‐'’]$/u.test(ch)],
      ];
      for (const [mask, is] of want) if (((k & mask) !== 0) !== is) wrong.push(`U+${c.toString(16)}/${mask}`);
    }
    expect(wrong).toEqual([]);
  });
});

// Letters, marks, digits of several scripts, spaces, joiners, punctuation, surrogate pairs and lone halves.
const PIECES = [
  'a',
  'É',
  '7',
  '٣',
  '\u0301',
  ' ',
  '\u00a0',
  '-',
  '’',
  '.',
  '月',
  '😀',
  '𝐀',
  '𝟘',
  '\ud83d',
  '\ude00',
];

describe(charAt.name, () => {
  it('should measure the character at each position as a regex with the flag u does', () => {
    const cases: [number, RegExp][] = [
      [LETTER, /^\p{L}/u],
      [WORD_CHAR, /^[\p{L}\p{M}\p{N}]/u],
      [LETTER_OR_DIGIT, /^[\p{L}\p{N}]/u],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
        fc.nat(30),
        (s, at) => {
          const i = at % s.length;
          // The low half of a pair, cut off by the slice, is no character: both say 0 there.
          for (const [mask, re] of cases)
            expect(charAt(s, i, mask)).toBe(re.exec(s.slice(i))?.[0].length ?? 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
