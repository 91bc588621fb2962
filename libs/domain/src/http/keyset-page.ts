import { applyDecorators, BadRequestException } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

/** Where a list page ends: the last row's creation time (microseconds, as text) and id. */
export interface CreatedCursor {
  createdMicros: string;
  id: string;
}

const CREATED_CURSOR = /^(\d{1,20})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The opaque `next_cursor` of a list ordered by (created_at, id): base64url of "micros.uuid". */
export function encodeCreatedCursor(createdMicros: string, id: string): string {
  return Buffer.from(`${createdMicros}.${id}`, 'utf8').toString('base64url');
}

/** The position a `cursor` query parameter names, undefined without one; 400 "cursor is invalid" otherwise. */
export function createdCursorParam(cursor: string | undefined): CreatedCursor | undefined {
  if (cursor === undefined) return undefined;
  const match = CREATED_CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new BadRequestException(['cursor is invalid']);
  return { createdMicros: match[1], id: match[2] };
}

const PAGE_LIMIT_DEFAULT = 50;
const PAGE_LIMIT_MAX = 200;

/** The `limit` query parameter of a list: 1-200, 50 when absent; 400 with the reason otherwise. */
export function pageLimitParam(limitText: string | undefined): number {
  const limit = limitText === undefined ? PAGE_LIMIT_DEFAULT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT_MAX)
    throw new BadRequestException([`limit must be an integer from 1 to ${PAGE_LIMIT_MAX}`]);
  return limit;
}

/** The OpenAPI description of a keyset-paged list's `limit` and `cursor` query parameters. */
export function ApiKeysetPageQuery(): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: PAGE_LIMIT_MAX, default: PAGE_LIMIT_DEFAULT },
    }),
    ApiQuery({ name: 'cursor', required: false, description: '`next_cursor` of the previous page' }),
  );
}

/**
 * A page from `limit + 1` rows read past the cursor: the first `limit`, and a `next_cursor` only when the
 * extra row shows that more follow.
 */
export function keysetPage<R, V>(
  rows: R[],
  limit: number,
  view: (row: R) => V,
  cursorOf: (row: R) => string,
): { items: V[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(view), next_cursor: rows.length > limit && last ? cursorOf(last) : null };
}
