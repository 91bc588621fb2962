import { Client } from '@elastic/elasticsearch';
import { HealthIndicatorService } from '@nestjs/terminus';
import { testElasticsearchUrl } from '@sitrep/testing';
import { ElasticsearchHealthIndicator } from './elasticsearch.health-indicator';

describe(ElasticsearchHealthIndicator.name, () => {
  const indicators = new HealthIndicatorService();
  const clients: Client[] = [];
  const clientFor = (node: string) => {
    const client = new Client({ node });
    clients.push(client);
    return client;
  };

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  describe('isHealthy', () => {
    it('should report the running node as up with its cluster status', async () => {
      const sut = new ElasticsearchHealthIndicator(clientFor(testElasticsearchUrl()), indicators);

      const result = await sut.isHealthy('elasticsearch');

      expect(result.elasticsearch.status).toBe('up');
      expect(['green', 'yellow']).toContain(result.elasticsearch.clusterStatus);
    });

    it('should report a node nobody listens on as down', async () => {
      const sut = new ElasticsearchHealthIndicator(clientFor('http://127.0.0.1:1'), indicators);

      await expect(sut.isHealthy('elasticsearch', 1000)).resolves.toMatchObject({
        elasticsearch: { status: 'down', message: expect.stringContaining('ECONNREFUSED') },
      });
    });
  });
});
