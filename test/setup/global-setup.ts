/**
 * Global setup of the integration and e2e projects: the real engines are up (`infra/local up`,
 * idempotent), the test database exists and is migrated, and the run has an id for unique names.
 */
import { register } from 'tsconfig-paths';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

// Jest does not apply moduleNameMapper to global setup: resolve @sitrep/* like tsconfig does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compilerOptions } = require('../../tsconfig.json') as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: join(__dirname, '..', '..'), paths: compilerOptions.paths });

export default async function globalSetup(): Promise<void> {
  // Imported after register() so that their @sitrep/* imports resolve.
  const { createDataSource, ensureDatabase, runMigrations } = await import('@sitrep/persistence');
  const { infraLocal, infraLocalExists, testDatabaseUrl } = await import('@sitrep/testing');

  if (process.env.SITREP_SKIP_INFRA !== '1' && infraLocalExists()) {
    process.stderr.write('\n[global-setup] infra/local up\n');
    infraLocal('up');
  }

  const url = testDatabaseUrl();
  await ensureDatabase(url);
  const dataSource = createDataSource({ url, poolSize: 2, applicationName: 'sitrep-test-setup' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    if (applied.length > 0)
      process.stderr.write(`[global-setup] migrated ${url}: ${applied.map((m) => m.name).join(', ')}\n`);
  } finally {
    await dataSource.destroy();
  }

  // Inherited by the test workers.
  process.env.TEST_DATABASE_URL = url;
  process.env.SITREP_TEST_RUN_ID ??= randomBytes(4).toString('hex');
}
