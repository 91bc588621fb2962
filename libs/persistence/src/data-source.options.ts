import { DataSource, DataSourceOptions } from 'typeorm';
import { ApiKeyOrmEntity } from './api-keys/api-key.orm-entity';
import { ArticleOrmEntity } from './articles/article.orm-entity';
import { CLAIMS_ENTITIES } from './claims';
import { ProcessedMessageOrmEntity } from './inbox/processed-message.orm-entity';
import { ArticleDedupOrmEntity, FeedItemOrmEntity, FeedOrmEntity } from './ingest';
import { MIGRATIONS } from './migrations';
import { OutboxMessageOrmEntity } from './outbox/outbox-message.orm-entity';

/** Every TypeORM entity of the schema. */
export const PERSISTENCE_ENTITIES = [
  ArticleOrmEntity,
  OutboxMessageOrmEntity,
  ProcessedMessageOrmEntity,
  ArticleDedupOrmEntity,
  FeedOrmEntity,
  FeedItemOrmEntity,
  ...CLAIMS_ENTITIES,
  ApiKeyOrmEntity,
];

/** How to reach PostgreSQL. */
export interface PostgresConnectionSettings {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Connections in the pool. @default 10 */
  poolSize?: number;
  /** Shown in `pg_stat_activity`. @default 'sitrep' */
  applicationName?: string;
  /** Give up opening a connection after this long. @default 5000 */
  connectTimeoutMs?: number;
}

/** TypeORM options for the Sitrep schema: migrations only, never `synchronize`. */
export function postgresDataSourceOptions(settings: PostgresConnectionSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    applicationName: settings.applicationName ?? 'sitrep',
    entities: PERSISTENCE_ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: false,
    synchronize: false,
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
      // Sitrep's statements are short (index lookups, batched inserts), and JIT compiling one takes far
      // longer than running it: a 40 ms dedup lookup whose estimate crossed jit_above_cost spent 4 s in JIT.
      options: '-c jit=off',
    },
  };
}

/** A DataSource outside Nest (CLI, tests); call `initialize()` on it. */
export const createDataSource = (settings: PostgresConnectionSettings): DataSource =>
  new DataSource(postgresDataSourceOptions(settings));
