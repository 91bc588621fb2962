import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { errorMessage, withTimeout } from '@sitrep/domain';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_OPTIONS } from './kafka.di-tokens';
import { KafkaModuleOptions } from './kafka.options';

/**
 * Readiness of Kafka: `describeCluster` through a short-lived admin client. It has its own Kafka client
 * without retries and with timeouts below the check's, so that a check never leaves a connection
 * attempt running behind it (kafkajs retries connections at the client level, not the admin's).
 */
@Injectable()
export class KafkaHealthIndicator {
  constructor(
    @Inject(KAFKA_OPTIONS) private readonly options: KafkaModuleOptions,
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
    const kafka = new Kafka({
      clientId: `${this.options.clientId}-health`,
      brokers: this.options.brokers,
      connectionTimeout: Math.floor(timeoutMs / 2),
      requestTimeout: timeoutMs,
      retry: { retries: 0 },
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin({ retry: { retries: 0 } });
    const check = admin
      .connect()
      .then(() => admin.describeCluster())
      .finally(() => admin.disconnect().catch(() => undefined));
    try {
      const cluster = await withTimeout(check, timeoutMs, 'Kafka describeCluster');
      return indicator.up({ brokers: cluster.brokers.length, controller: cluster.controller });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
