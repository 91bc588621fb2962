import { HealthIndicatorService } from '@nestjs/terminus';
import { createTestDataSource } from '@sitrep/testing';
import { DataSource } from 'typeorm';
import { DatabaseHealthIndicator } from './database.health-indicator';

describe(DatabaseHealthIndicator.name, () => {
  const indicators = new HealthIndicatorService();
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
  });

  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });

  describe('isHealthy', () => {
    it('should report PostgreSQL as up through the pool', async () => {
      const sut = new DatabaseHealthIndicator(dataSource, indicators);

      await expect(sut.isHealthy('postgres')).resolves.toMatchObject({ postgres: { status: 'up' } });
    });

    it('should report down once the pool cannot run a query', async () => {
      const sut = new DatabaseHealthIndicator(dataSource, indicators);
      await dataSource.destroy();

      await expect(sut.isHealthy('postgres')).resolves.toMatchObject({ postgres: { status: 'down' } });
    });
  });
});
