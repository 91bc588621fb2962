import { EnvBoolean, EnvEnum, EnvHostPortList, EnvInt, EnvPort, EnvString, EnvUrl } from './env.decorators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** Nest log levels, from the most to the least severe; a level enables itself and every level above. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Variables every app reads. */
export class RuntimeEnv {
  @EnvEnum(NODE_ENVS)
  NODE_ENV: NodeEnv = 'development';

  @EnvEnum(LOG_LEVELS)
  LOG_LEVEL: LogLevelName = 'log';

  /** json: one JSON object per line (default); text: Nest's coloured console lines for local reading. */
  @EnvEnum(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'json';

  @EnvString()
  HOST = '0.0.0.0';

  /** Fallback port when the app's own `<APP>_PORT` is unset. */
  @EnvPort({ optional: true })
  PORT?: number;
}

/** PostgreSQL connection. */
export class DatabaseEnv {
  @EnvUrl(['postgres', 'postgresql'])
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/sitrep';

  @EnvInt(1, 100)
  DATABASE_POOL_SIZE = 10;
}

/** For apps that own tables: whether they apply pending migrations at start. */
export class DatabaseMigrationsEnv {
  @EnvBoolean()
  DATABASE_MIGRATIONS_RUN = true;
}

/** Kafka connection and topic creation. */
export class KafkaEnv {
  @EnvHostPortList()
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @EnvString()
  KAFKA_CLIENT_ID = 'sitrep';

  /** Replication factor of the topics the app creates at start (1 on a single broker). */
  @EnvInt(1, 10)
  KAFKA_REPLICATION_FACTOR = 1;
}

/** Elasticsearch connection and index naming. */
export class ElasticsearchEnv {
  @EnvUrl(['http', 'https'])
  ELASTICSEARCH_URL = 'http://127.0.0.1:9200';

  /** Prefix of every index, alias and template name (tests use a unique one per run). */
  @EnvString()
  ELASTICSEARCH_INDEX_PREFIX = 'sitrep-';

  /**
   * How often the timeline indices make new writes searchable: latency from write to search against
   * Elasticsearch's CPU (a refresh writes a segment; fewer refreshes, fewer and larger segments).
   */
  @EnvInt(50, 60_000)
  ELASTICSEARCH_REFRESH_INTERVAL_MS = 1000;
}

/** Transactional outbox relay (apps that publish events). */
export class OutboxEnv {
  @EnvBoolean()
  OUTBOX_RELAY_ENABLED = true;

  @EnvInt(10, 60_000)
  OUTBOX_POLL_INTERVAL_MS = 500;

  @EnvInt(1, 1000)
  OUTBOX_BATCH_SIZE = 100;
}
