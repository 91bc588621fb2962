import { Client } from '@elastic/elasticsearch';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { errorMessage } from '@sitrep/domain';
import { ELASTICSEARCH_CLIENT } from './search.di-tokens';

/**
 * Readiness of Elasticsearch through `GET /_cluster/health` (the integ-test distribution has no
 * `GET /`, so the client's `ping()` can't be used). Red is down; yellow is fine on a single node.
 */
@Injectable()
export class ElasticsearchHealthIndicator {
  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client,
    private readonly indicators: HealthIndicatorService,
  ) {}

  /**
   * @param key name of the dependency in the health report. @default 'elasticsearch'
   * @param timeoutMs report down when the request takes longer. @default 1500
   */
  async isHealthy<const Key extends string = 'elasticsearch'>(
    key: Key = 'elasticsearch' as Key,
    timeoutMs = 1500,
  ): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.indicators.check(key);
    try {
      const health = await this.client.cluster.health({}, { requestTimeout: timeoutMs, maxRetries: 0 });
      if (health.status === 'red')
        return indicator.down({ message: 'cluster status is red', cluster: health.cluster_name });
      return indicator.up({ cluster: health.cluster_name, clusterStatus: health.status });
    } catch (error) {
      return indicator.down({ message: errorMessage(error) });
    }
  }
}
