/**
 * API keys from the command line (DATABASE_URL, like `npm run migrate`):
 *   npm run api-key -- create --name NAME --scopes read,ingest [--rate-limit 600]
 *   npm run api-key -- list
 *   npm run api-key -- revoke ID
 *   npm run api-key -- bootstrap [--file .sitrep/admin-api-key]
 * `bootstrap` (run by `npm start`) creates an admin key when no unrevoked one exists and writes it to
 * the file (mode 600). Compiled: `node dist/libs/auth/src/cli/api-key.js ...`.
 */
import 'reflect-metadata';
import { DatabaseEnv, loadEnv } from '@sitrep/domain/config';
import { ApiKeyRecord, ApiKeysRepository, createDataSource } from '@sitrep/persistence';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { API_KEY_SCOPES, isApiKeyScope } from '../api-key.scopes';
import { issueApiKey } from '../issue-api-key';

const USAGE = `usage: api-key create --name NAME --scopes ${API_KEY_SCOPES.join(',')} [--rate-limit N]
       api-key list
       api-key revoke ID
       api-key bootstrap [--file PATH]`;

class UsageError extends Error {}

const describe = (key: ApiKeyRecord): string =>
  [
    key.id,
    `${key.keyPrefix}...`,
    key.name,
    key.scopes.join(','),
    key.rateLimitPerMinute ? `${key.rateLimitPerMinute}/min` : 'default limit',
    `created ${key.createdAt.toISOString()}`,
    key.revokedAt ? `REVOKED ${key.revokedAt.toISOString()}` : 'active',
    key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used',
  ].join('  ');

async function run(keys: ApiKeysRepository, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      scopes: { type: 'string' },
      'rate-limit': { type: 'string' },
      file: { type: 'string', default: '.sitrep/admin-api-key' },
    },
  });
  const [command, id] = positionals;
  if (command === 'create') {
    const name = values.name?.trim();
    const scopes = (values.scopes ?? '')
      .split(',')
      .map((scope) => scope.trim())
      .filter(Boolean);
    if (!name || name.length > 200) throw new UsageError('--name is required (at most 200 characters)');
    if (scopes.length === 0 || !scopes.every(isApiKeyScope))
      throw new UsageError(`--scopes must list some of ${API_KEY_SCOPES.join(', ')}`);
    const limit = values['rate-limit'] === undefined ? null : Number(values['rate-limit']);
    if (limit !== null && !(Number.isInteger(limit) && limit > 0))
      throw new UsageError('--rate-limit must be a positive integer (requests per minute)');
    const issued = await issueApiKey(keys, { name, scopes, rateLimitPerMinute: limit });
    console.log(describe(issued.record));
    console.log(`key (shown once, only its hash is stored): ${issued.key}`);
  } else if (command === 'list') {
    let after: string | undefined;
    for (;;) {
      const page = await keys.list(100, after);
      page.forEach((key) => console.log(describe(key)));
      if (page.length < 100) break;
      after = page[page.length - 1].id;
    }
  } else if (command === 'revoke') {
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('revoke needs the key id (a UUID)');
    const revoked = await keys.revoke(id);
    if (!revoked) throw new UsageError(`no key ${id}`);
    console.log(describe(revoked));
  } else if (command === 'bootstrap') {
    if (await keys.hasActiveKeyWithScope('admin')) {
      console.log(`an admin key exists (see ${values.file} if this command created it)`);
      return;
    }
    const issued = await issueApiKey(keys, {
      name: 'bootstrap admin',
      scopes: ['admin'],
      rateLimitPerMinute: null,
    });
    mkdirSync(dirname(values.file), { recursive: true });
    writeFileSync(values.file, `${issued.key}\n`, { mode: 0o600 });
    console.log(`created admin key ${issued.record.keyPrefix}... and wrote it to ${values.file}`);
  } else {
    throw new UsageError(USAGE);
  }
}

async function main(): Promise<void> {
  const env = loadEnv(DatabaseEnv);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    poolSize: 2,
    applicationName: 'sitrep-api-key',
  });
  await dataSource.initialize();
  try {
    await run(new ApiKeysRepository(dataSource), process.argv.slice(2));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof UsageError
      ? error.message
      : `api-key failed: ${String(error instanceof Error ? error.message : error)}`,
  );
  process.exit(error instanceof UsageError ? 2 : 1);
});
