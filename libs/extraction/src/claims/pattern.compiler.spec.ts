import fc from 'fast-check';
import {
  MatcherGroup,
  PhraseMatcher,
  PrefixMatcher,
  SuffixMatcher,
  countWords,
  tokenBefore,
  tokenize,
} from './pattern.compiler';

describe(PhraseMatcher.name, () => {
  describe('all', () => {
    it('should match stems, whole words and multi-word phrases case-insensitively', () => {
      const sut = new PhraseMatcher([
        { tag: 'sell', patterns: ['suppl*', 'arms deal'] },
        { tag: 'buy', patterns: ['buy'] },
      ]);
      const text = 'Iran Supplied drones; a new ARMS DEAL was signed, but nobody buys.';
      expect(sut.all(text).map((h) => [text.slice(h.start, h.end), h.tag])).toEqual([
        ['Supplied', 'sell'],
        ['ARMS DEAL', 'sell'],
      ]);
    });

    it('should prefer the longest pattern starting at a word', () => {
      const sut = new PhraseMatcher([
        { tag: 'short', patterns: ['military'] },
        { tag: 'long', patterns: ['military cooperation'] },
      ]);
      expect(sut.all('deep military cooperation').map((h) => h.tag)).toEqual(['long']);
    });

    it('should let "..." skip up to three words', () => {
      const sut = new PhraseMatcher([{ tag: 'drills', patterns: ['joint ... drills'] }]);
      expect(sut.test('joint naval air drills')).toBe(true);
      expect(sut.test('joint one two three four drills')).toBe(false);
    });

    it('should not match across punctuation', () => {
      const sut = new PhraseMatcher([{ tag: 'x', patterns: ['according to'] }]);
      expect(sut.test('as agreed, according to plan')).toBe(true);
      expect(sut.test('according, to them')).toBe(false);
    });

    it('should match hyphenated patterns across spaces or hyphens', () => {
      const sut = new PhraseMatcher([{ tag: 'shahed', patterns: ['shahed-136'] }]);
      expect(sut.test('Shahed-136 drones')).toBe(true);
      expect(sut.test('Shahed 136 drones')).toBe(true);
    });

    it('should match prefix and infix stems', () => {
      const infix = new PhraseMatcher([{ tag: 'x', patterns: ['*kirim*'] }]);
      expect(infix.all('dikirimkan dan kiriman').length).toBe(2);
      const suffix = new PhraseMatcher([{ tag: 'x', patterns: ['*ستخدام'] }]);
      expect(suffix.test('لاستخدام')).toBe(true);
    });

    it('should match substrings for scripts without word spaces', () => {
      const sut = new PhraseMatcher([{ tag: 'give', patterns: ['제공'] }], 'none');
      const text = '북한은 러시아에 포탄을 제공했다';
      const hit = sut.all(text)[0];
      expect(text.slice(hit.start, hit.end)).toBe('제공');
    });
  });
});

describe(SuffixMatcher.name, () => {
  describe('test', () => {
    it('should find a marker ending a text, allowing fillers after it', () => {
      const sut = new SuffixMatcher(['to', 'bound for'], ['the', 'armed', 'forces', 'of']);
      expect(sut.test('sent drones to ')).toBe(true);
      expect(sut.test('weapons bound for ')).toBe(true);
      expect(sut.test('sent drones to the armed forces of ')).toBe(true);
      expect(sut.test('sent drones towards the ')).toBe(false);
      expect(sut.test('to the border, ')).toBe(false);
    });
  });
});

describe(PrefixMatcher.name, () => {
  describe('match', () => {
    it('should find a glued suffix, a spaced word or a particle at the start of a text', () => {
      expect(new PrefixMatcher(['-made']).match('-made drones')).toBe(5);
      expect(new PrefixMatcher(['made']).match(' made drones')).toBe(5);
      expect(new PrefixMatcher(['made']).match(' madeira')).toBe(-1);
      expect(new PrefixMatcher(['에 ']).match('에 포탄')).toBe(2);
    });
  });
});

describe(MatcherGroup.name, () => {
  describe('allTokens', () => {
    it('should give each member the hits it gives alone', () => {
      const a = new PhraseMatcher([{ tag: 'a', patterns: ['drone*', 'military'] }]);
      const b = new PhraseMatcher([{ tag: 'b', patterns: ['military cooperation'] }]);
      const text = 'military cooperation on drones';
      const alone = [a.all(text), b.all(text)];
      const sut = new MatcherGroup([a, b] as PhraseMatcher<unknown>[]);
      expect(sut.allTokens(tokenize(text, 0))).toEqual(alone);
    });
  });
});

describe(tokenBefore.name, () => {
  it('should give the last token ending at or before a position', () => {
    const tokens = tokenize('North Korea sent shells', 0);
    expect(tokenBefore(tokens, 12)).toBe(1);
    expect(tokenBefore(tokens, 0)).toBe(-1);
  });
});

// Letters, marks, digits, spaces, punctuation, hyphens, apostrophes, surrogate pairs and lone halves.
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  ',',
  '.',
  '-',
  '’',
  "'",
  '"',
  '“',
  '»',
  'é',
  '\u0301',
  '\n',
  '\u00a0',
  '中',
  '한',
  '٣',
  '😀',
  '𝐀',
  '\ud83d',
  '\ude00',
];
const mixedText = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((p) => p.join(''));

describe(tokenize.name, () => {
  it('should find the words, offsets and barriers of the regex definition', () => {
    // The definition the scanner implements: runs of [\p{L}\p{M}\p{N}], a barrier where the gap
    // before a word holds anything but white space, hyphens, apostrophes and quotation marks.
    const reference = (text: string, offset: number) => {
      const out: { w: string; start: number; end: number; barrier: boolean }[] = [];
      let prevEnd = 0;
      for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
        const gap = text.slice(prevEnd, m.index);
        out.push({
          w: m[0].toLowerCase(),
          start: offset + m.index,
          end: offset + m.index + m[0].length,
          barrier: out.length > 0 && !/^[\s\-‐'’"“”„«»‘‹›]*$/u.test(gap),
        });
        prevEnd = m.index + m[0].length;
      }
      return out;
    };
    fc.assert(
      fc.property(mixedText, fc.nat(1000), (text, offset) => {
        const got = tokenize(text, offset).map(({ w, start, end, barrier }) => ({ w, start, end, barrier }));
        expect(got).toEqual(reference(text, offset));
      }),
      { numRuns: 2000 },
    );
  });

  it('should give a word as written one number, and different words different numbers', () => {
    const seen = new Map<string, number>();
    const owner = new Map<number, string>();
    fc.assert(
      fc.property(mixedText, (text) => {
        for (const t of tokenize(text, 0)) {
          const raw = text.slice(t.start, t.end);
          expect(seen.get(raw) ?? t.id).toBe(t.id);
          expect(owner.get(t.id) ?? raw).toBe(raw);
          seen.set(raw, t.id);
          owner.set(t.id, raw);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('should still find words whole after the vocabulary fills up and starts over', () => {
    for (let k = 0; k < 210_000; k += 1000)
      tokenize(Array.from({ length: 1000 }, (_, j) => `w${k + j}`).join(' '), 0);
    const t = tokenize('Iran iran Iran shells', 0);
    expect(t.map((x) => x.w)).toEqual(['iran', 'iran', 'iran', 'shells']);
    expect(t[0].id).toBe(t[2].id);
    expect(t[0].id).not.toBe(t[1].id);
    expect(tokenize('w209999 w5', 0).map((x) => x.w)).toEqual(['w209999', 'w5']);
  });
});

describe(countWords.name, () => {
  it('should count what the letter-and-digit regex matches in the slice', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(30), fc.nat(30), (text, a, b) => {
        const from = Math.min(a, text.length);
        const to = Math.min(Math.max(from, b), text.length);
        const want = (text.slice(from, to).match(/[\p{L}\p{N}]+/gu) ?? []).length;
        expect(countWords(text, from, to)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
});
