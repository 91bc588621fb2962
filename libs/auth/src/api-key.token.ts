import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so that a leaked one is easy to recognise (and to scan for). */
export const API_KEY_PREFIX = 'sitrep_';
/** Characters of the key kept (in clear) to show it in a list: `sitrep_` and 6 more. */
export const API_KEY_DISPLAY_LENGTH = API_KEY_PREFIX.length + 6;
/** Longer values are refused before any lookup. */
export const API_KEY_MAX_LENGTH = 128;

export interface GeneratedApiKey {
  /** The key itself: shown once, never stored. */
  key: string;
  /** Its first characters, stored to recognise it. */
  prefix: string;
  /** Hex SHA-256, what is stored and looked up. */
  hash: string;
}

/**
 * SHA-256 without salt or stretching is right here: a key is 256 random bits, not a password, so it
 * cannot be guessed from its hash, and a plain hash can be looked up by index.
 */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key: `sitrep_` + 32 random bytes in base64url (43 characters). */
export function generateApiKey(): GeneratedApiKey {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, API_KEY_DISPLAY_LENGTH), hash: hashApiKey(key) };
}
