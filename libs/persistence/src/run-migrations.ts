import { DataSource, Migration, MigrationExecutor } from 'typeorm';

// Any constant works as long as every app uses the same one; this is "sitrep" in ASCII.
const MIGRATIONS_LOCK_ID = 0x736974726570;

/**
 * Applies the pending migrations, each in its own transaction, while holding a PostgreSQL advisory
 * lock so that apps starting together don't race on the same migration. Returns the ones applied.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_ID]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    return await executor.executePendingMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Reverts the most recent migration. */
export async function revertLastMigration(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_ID]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    await executor.undoLastMigration();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATIONS_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}

/** Every known migration with whether it has been applied. */
export async function migrationStatus(dataSource: DataSource): Promise<{ name: string; applied: boolean }[]> {
  const executor = new MigrationExecutor(dataSource);
  const [all, executed] = await Promise.all([executor.getAllMigrations(), executor.getExecutedMigrations()]);
  const done = new Set(executed.map((m) => m.name));
  return all.map((m) => ({ name: m.name, applied: done.has(m.name) }));
}
