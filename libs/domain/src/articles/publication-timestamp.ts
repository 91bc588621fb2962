import { isISO8601 } from 'class-validator';

/** A full ISO 8601 date or date-time ("2024-04" or "2024" alone name no instant: not storable as one). */
export const FULL_ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/**
 * What a `published_at` timestamptz column can hold: a full ISO 8601 date or date-time. The engine's
 * metadata may give a month ("2024-04") when a page only says "April 2024": that stays in the engine's
 * output, not in the column.
 */
export function isPublicationTimestamp(value: string | null | undefined): value is string {
  return typeof value === 'string' && FULL_ISO_DATE.test(value) && isISO8601(value, { strict: true });
}
