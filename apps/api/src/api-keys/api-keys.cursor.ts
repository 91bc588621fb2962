/** The list's cursor: the last key id of a page, base64url (opaque to clients). */
export const encodeApiKeyCursor = (id: string): string => Buffer.from(id, 'utf8').toString('base64url');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key id of a cursor, or null when it is not one this API returned. */
export function decodeApiKeyCursor(cursor: string): string | null {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return UUID.test(id) ? id : null;
}
