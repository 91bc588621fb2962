import { randomBytes } from 'node:crypto';

/** PostgreSQL URL of the test database: TEST_DATABASE_URL, else DATABASE_URL (or its default) with database `sitrep_test`. */
export function testDatabaseUrl(): string {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/sitrep');
  url.pathname = '/sitrep_test';
  return url.toString();
}

export const testKafkaBrokers = (): string[] =>
  (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',').map((broker) => broker.trim());

export const testElasticsearchUrl = (): string => process.env.ELASTICSEARCH_URL || 'http://127.0.0.1:9200';

let runId: string | undefined;

/** Id of this test run (set once by the global setup, shared by every test file). */
export function testRunId(): string {
  runId ??= process.env.SITREP_TEST_RUN_ID || randomBytes(4).toString('hex');
  return runId;
}

/** A name no other test or run uses: `<prefix>.<run>.<random>` (topics, groups; ES needs lower case). */
export const uniqueName = (prefix: string, separator = '.'): string =>
  [prefix, testRunId(), randomBytes(3).toString('hex')].join(separator);

/** Environment for an app under test: the test database, the real engines, unique index names. */
export function testAppEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'warn',
    LOG_FORMAT: 'json',
    DATABASE_URL: testDatabaseUrl(),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    ELASTICSEARCH_URL: testElasticsearchUrl(),
    ELASTICSEARCH_INDEX_PREFIX: `sitrep-test-${testRunId()}-`,
    ...overrides,
  };
}
