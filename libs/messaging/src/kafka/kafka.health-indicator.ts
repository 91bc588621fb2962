import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { errorMessage, withTimeout } from '@sitrep/domain';
import { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.di-tokens';

/** Readiness of Kafka: `describeCluster` through an admin client without retries, within a short timeout. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin?: Admin;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /**
   * @param key name of the dependency in the health report. @default 'kafka'
   * @param timeoutMs report down when the broker takes longer to answer. @default 2000
   */
  async isHealthy<const Key extends string = 'kafka'>(
    key: Key = 'kafka' as Key,
    timeoutMs = 2000,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    try {
      const admin = (this.admin ??= this.kafka.admin({ retry: { retries: 0 } }));
      const cluster = await withTimeout(
        admin.connect().then(() => admin.describeCluster()),
        timeoutMs,
        'Kafka describeCluster',
      );
      return indicator.up({ brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (error) {
      // A fresh admin next time: the old one may hold a broken connection.
      this.dropAdmin();
      return indicator.down({ message: errorMessage(error) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.dropAdmin();
  }

  private dropAdmin(): void {
    const admin = this.admin;
    this.admin = undefined;
    admin?.disconnect().catch(() => undefined);
  }
}
