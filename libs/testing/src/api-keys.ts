import { ApiKeyScope, generateApiKey } from '@sitrep/auth';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from './test-env';

export interface TestApiKey {
  id: string;
  /** The raw key. */
  key: string;
  /** `{ authorization: 'Bearer <key>' }`, for supertest's `.set()` or fetch's `headers`. */
  headers: { authorization: string };
}

export interface TestApiKeyOptions {
  name?: string;
  /** Requests per minute; tests get a limit they never reach unless they ask for one. @default 1000000 */
  rateLimitPerMinute?: number | null;
  /** Database to insert into. @default testDatabaseUrl() */
  databaseUrl?: string;
}

/** Inserts a key with these scopes into the test database (as `npm run api-key -- create` would). */
export async function createTestApiKey(
  scopes: ApiKeyScope[] = ['admin'],
  options: TestApiKeyOptions = {},
): Promise<TestApiKey> {
  const generated = generateApiKey();
  const id = randomUUID();
  const pg = new Client({ connectionString: options.databaseUrl ?? testDatabaseUrl() });
  await pg.connect();
  try {
    await pg.query(
      `INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes, rate_limit_per_minute)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        options.name ?? `test ${scopes.join(',')}`,
        generated.prefix,
        generated.hash,
        scopes,
        options.rateLimitPerMinute === undefined ? 1_000_000 : options.rateLimitPerMinute,
      ],
    );
  } finally {
    await pg.end();
  }
  return { id, key: generated.key, headers: { authorization: `Bearer ${generated.key}` } };
}
