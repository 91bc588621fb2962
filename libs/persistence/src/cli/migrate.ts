/**
 * Database migrations: `npm run migrate [up|down|status]` (default `up`).
 * Reads DATABASE_URL (default postgres://postgres@127.0.0.1:5432/sitrep) and creates the database if missing.
 * Compiled: `node dist/libs/persistence/src/cli/migrate.js [up|down|status]`.
 */
import 'reflect-metadata';
import { DatabaseEnv, loadEnv } from '@sitrep/domain/config';
import { createDataSource } from '../data-source.options';
import { ensureDatabase } from '../ensure-database';
import { migrationStatus, revertLastMigration, runMigrations } from '../run-migrations';

const COMMANDS = ['up', 'down', 'status'] as const;
type Command = (typeof COMMANDS)[number];

const redact = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

async function main(): Promise<void> {
  const command = (process.argv[2] ?? 'up') as Command;
  if (!COMMANDS.includes(command)) {
    console.error(`usage: migrate [${COMMANDS.join('|')}]`);
    process.exit(2);
  }
  const env = loadEnv(DatabaseEnv);
  if (command === 'up' && (await ensureDatabase(env.DATABASE_URL))) {
    console.log(`created database ${redact(env.DATABASE_URL)}`);
  }
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    poolSize: 2,
    applicationName: 'sitrep-migrate',
  });
  await dataSource.initialize();
  try {
    if (command === 'up') {
      const applied = await runMigrations(dataSource);
      console.log(
        applied.length
          ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`
          : 'schema is up to date',
      );
    } else if (command === 'down') {
      await revertLastMigration(dataSource);
      console.log('reverted the last migration');
    } else {
      for (const m of await migrationStatus(dataSource))
        console.log(`${m.applied ? '[x]' : '[ ]'} ${m.name}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
