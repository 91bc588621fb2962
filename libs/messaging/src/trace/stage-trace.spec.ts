import {
  formatTrace,
  parseTrace,
  stageDurations,
  traceHeaders,
  TRACE_HEADER,
  withStages,
} from './stage-trace';

describe('stage trace', () => {
  describe(parseTrace.name, () => {
    it('should read the stages in order and round-trip through formatTrace', () => {
      const sut = parseTrace('accepted=1000;articles.published=1012;extractor.fetched=1100');
      expect(sut).toEqual([
        ['accepted', 1000],
        ['articles.published', 1012],
        ['extractor.fetched', 1100],
      ]);
      expect(formatTrace(sut)).toBe('accepted=1000;articles.published=1012;extractor.fetched=1100');
    });

    it('should skip malformed parts and read an absent header as empty', () => {
      expect(parseTrace('accepted=1000;broken;=5;x=NaN;stored=2000')).toEqual([
        ['accepted', 1000],
        ['stored', 2000],
      ]);
      expect(parseTrace(undefined)).toEqual([]);
    });
  });

  describe(withStages.name, () => {
    it('should append new stages and keep the first time of a known one', () => {
      const sut = withStages(
        [['accepted', 1000]],
        ['accepted', 5000],
        ['fetched', 1200.4],
        ['none', undefined],
      );
      expect(sut).toEqual([
        ['accepted', 1000],
        ['fetched', 1200],
      ]);
    });

    it('should stop growing at 24 stages', () => {
      const stages = Array.from({ length: 30 }, (_, i) => [`s${i}`, i] as const);
      expect(withStages([], ...stages)).toHaveLength(24);
    });
  });

  describe(stageDurations.name, () => {
    it('should give the time between consecutive stages and to the end', () => {
      expect(
        stageDurations(
          [
            ['a', 10],
            ['b', 25],
          ],
          ['end', 100],
        ),
      ).toEqual([
        ['a>b', 15],
        ['b>end', 75],
      ]);
    });
  });

  describe(traceHeaders.name, () => {
    it('should add no header for an empty trace', () => {
      expect(traceHeaders([])).toEqual({});
      expect(traceHeaders([['a', 1]])).toEqual({ [TRACE_HEADER]: 'a=1' });
    });
  });
});
