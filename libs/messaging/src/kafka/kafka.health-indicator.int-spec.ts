import { HealthIndicatorService } from '@nestjs/terminus';
import { testKafkaBrokers } from '@sitrep/testing';
import { KafkaHealthIndicator } from './kafka.health-indicator';

describe(KafkaHealthIndicator.name, () => {
  const indicators = new HealthIndicatorService();

  describe('isHealthy', () => {
    it('should report the running broker as up', async () => {
      const sut = new KafkaHealthIndicator(
        { brokers: testKafkaBrokers(), clientId: 'sitrep-test' },
        indicators,
      );

      await expect(sut.isHealthy('kafka')).resolves.toEqual({
        kafka: { status: 'up', brokers: 1, controller: expect.any(Number) },
      });
    });

    it('should report a broker nobody listens on as down, within the timeout', async () => {
      const sut = new KafkaHealthIndicator({ brokers: ['127.0.0.1:1'], clientId: 'sitrep-test' }, indicators);
      const started = Date.now();

      const result = await sut.isHealthy('kafka', 1000);

      expect(result.kafka.status).toBe('down');
      expect(result.kafka.message).toEqual(expect.any(String));
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
});
