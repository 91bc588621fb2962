import { BadRequestException } from '@nestjs/common';
import { createdCursorParam, encodeCreatedCursor, keysetPage, pageLimitParam } from './keyset-page';

const ID = '0b0e6f2c-6a64-4f5e-9c1b-5d2f3e4a5b6c';

/** The reasons of the 400 that `run` throws (what the problem+json body lists). */
function reasonsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(BadRequestException);
    return ((e as BadRequestException).getResponse() as { message: string[] }).message;
  }
  throw new Error('no exception');
}

describe('keyset pages', () => {
  describe(pageLimitParam.name, () => {
    it('should default to 50 and take 1 to 200', () => {
      expect(pageLimitParam(undefined)).toBe(50);
      expect(pageLimitParam('1')).toBe(1);
      expect(pageLimitParam('200')).toBe(200);
    });

    it.each(['0', '201', '2.5', 'ten', ''])('should refuse %p with the reason', (text) => {
      expect(reasonsOf(() => pageLimitParam(text))).toEqual(['limit must be an integer from 1 to 200']);
    });
  });

  describe(createdCursorParam.name, () => {
    it('should read back the cursor it wrote, and nothing without one', () => {
      expect(createdCursorParam(encodeCreatedCursor('1795659596644000', ID))).toEqual({
        createdMicros: '1795659596644000',
        id: ID,
      });
      expect(createdCursorParam(undefined)).toBeUndefined();
    });

    it.each(['garbage', encodeCreatedCursor('12', 'not-a-uuid'), encodeCreatedCursor('x', ID)])(
      'should refuse %p as invalid',
      (cursor) => {
        expect(reasonsOf(() => createdCursorParam(cursor))).toEqual(['cursor is invalid']);
      },
    );
  });

  describe(keysetPage.name, () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const page = (limit: number) =>
      keysetPage(
        rows.slice(0, limit + 1),
        limit,
        (r) => r.n * 10,
        (r) => `after-${r.n}`,
      );

    it('should give a next cursor only when the extra row shows that more follow', () => {
      expect(page(2)).toEqual({ items: [10, 20], next_cursor: 'after-2' });
      expect(page(3)).toEqual({ items: [10, 20, 30], next_cursor: null });
    });
  });
});
