import { InvalidCursorError, TimelineCursorCodec } from './timeline.cursor';

describe('TimelineCursorCodec', () => {
  describe('decode', () => {
    it('should read back what encode wrote', () => {
      const cursor = { date: '2022-08-01T00:00:00.000Z', id: 'cl-abc' };
      expect(TimelineCursorCodec.decode(TimelineCursorCodec.encode(cursor))).toEqual(cursor);
    });

    it('should reject a cursor it did not issue', () => {
      expect(() => TimelineCursorCodec.decode('bm90LWEtY3Vyc29y')).toThrow(InvalidCursorError);
      expect(() => TimelineCursorCodec.decode(Buffer.from('["x","y"]').toString('base64url'))).toThrow(
        InvalidCursorError,
      );
    });
  });
});
