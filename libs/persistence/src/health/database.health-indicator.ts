import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { errorMessage, withTimeout } from '@sitrep/domain';
import { DataSource } from 'typeorm';

/** Readiness of PostgreSQL: a `SELECT 1` through the app's own pool, within a short timeout. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /**
   * @param key name of the dependency in the health report. @default 'postgres'
   * @param timeoutMs report down when the ping takes longer. @default 1500
   */
  async isHealthy<const Key extends string = 'postgres'>(
    key: Key = 'postgres' as Key,
    timeoutMs = 1500,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), timeoutMs, 'PostgreSQL ping');
      return indicator.up({ responseTimeMs: Date.now() - started });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
