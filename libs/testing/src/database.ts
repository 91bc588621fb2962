import { createDataSource } from '@sitrep/persistence';
import { DataSource } from 'typeorm';
import { testDatabaseUrl } from './test-env';

/** An initialised DataSource on the migrated test database; destroy it in afterAll. */
export async function createTestDataSource(): Promise<DataSource> {
  const dataSource = createDataSource({
    url: testDatabaseUrl(),
    poolSize: 5,
    applicationName: 'sitrep-test',
  });
  return dataSource.initialize();
}
