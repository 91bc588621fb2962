import { segmentOf, segmentStarts } from './sentence-view';

describe(segmentStarts.name, () => {
  describe('segmentStarts', () => {
    it('should cut a sentence at its clause marks', () => {
      const text = 'Russia bought drones, Iran said; the deal (a big one) was signed.';
      const starts = segmentStarts(text, 100);
      expect(starts.map((s) => text.slice(s - 100, s - 100 + 4))).toEqual([
        'Russ',
        ' Ira',
        ' the',
        'a bi',
        ' was',
      ]);
    });

    it('should keep a number with a thousands comma or a time with a colon inside its clause', () => {
      const text = 'Malaysia recruited 10,000 workers from Bangladesh at 07:30 on Monday.';
      expect(segmentStarts(text, 0)).toEqual([0]);
      expect(segmentOf(segmentStarts(text, 0), text.indexOf('Bangladesh'))).toBe(0);
    });

    it('should still cut at a comma between a number and a word', () => {
      const text = 'In 2022, Russia bought drones.';
      expect(segmentStarts(text, 0)).toEqual([0, text.indexOf(',') + 1]);
    });
  });
});
