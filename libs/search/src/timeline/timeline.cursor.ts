import { TimelineCursor } from './timeline.query';

/** Thrown for a cursor the API did not issue. */
export class InvalidCursorError extends Error {
  readonly code = 'TIMELINE.INVALID_CURSOR';
}

/** Opaque page cursors: base64url of the last item's sort values. */
export const TimelineCursorCodec = {
  encode(cursor: TimelineCursor): string {
    return Buffer.from(JSON.stringify([cursor.date, cursor.id]), 'utf8').toString('base64url');
  },

  decode(value: string): TimelineCursor {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      if (
        Array.isArray(parsed) &&
        parsed.length === 2 &&
        typeof parsed[0] === 'string' &&
        !Number.isNaN(Date.parse(parsed[0])) &&
        typeof parsed[1] === 'string'
      ) {
        return { date: parsed[0], id: parsed[1] };
      }
    } catch {
      // fall through to the error below
    }
    throw new InvalidCursorError('The cursor is not one this API issued');
  },
};
