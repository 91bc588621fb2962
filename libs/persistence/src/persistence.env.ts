import { DatabaseEnv, DatabaseMigrationsEnv } from '@sitrep/domain/config';
import { PersistenceModuleOptions } from './persistence.module';

/** PersistenceModule options from the shared env variables; migrations run only where the env has the switch. */
export const persistenceOptionsFromEnv = (
  env: DatabaseEnv & Partial<DatabaseMigrationsEnv>,
  applicationName: string,
): PersistenceModuleOptions => ({
  url: env.DATABASE_URL,
  poolSize: env.DATABASE_POOL_SIZE,
  applicationName,
  migrationsRun: env.DATABASE_MIGRATIONS_RUN ?? false,
});
