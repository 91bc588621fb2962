import { createDataSource } from '@sitrep/persistence';
import { AlertsRepository } from '@sitrep/persistence/alerts';
import { testDatabaseUrl } from '@sitrep/testing';
import { generateWebhookSecret, verifyWebhook } from '@sitrep/outbound/webhooks';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { AlertsOptions } from '../alerts.options';
import { retryDelayMs, WebhookDeliveryWorker } from './webhook-delivery.worker';

const options: AlertsOptions = {
  consumerEnabled: false,
  groupId: 'unused',
  fromBeginning: false,
  maxAttempts: 1,
  batchSize: 50,
  partitionsConsumedConcurrently: 1,
  apiBaseUrl: '',
  deliveryEnabled: false,
  deliveryPollMs: 100,
  deliveryConcurrency: 2,
  // The e2e's settings: these workers may also send its due deliveries (shared test database).
  deliveryMaxAttempts: 7,
  deliveryBackoffMs: 100,
  deliveryBackoffMaxMs: 1000,
  deliveryTimeoutMs: 2000,
  allowLoopback: true,
  ssePollMs: 100,
};

describe(WebhookDeliveryWorker.name, () => {
  let dataSource: DataSource;
  let repository: AlertsRepository;
  let server: Server;
  const received: Array<{ id: string; verified: boolean }> = [];
  /** Webhook-ids whose answer waits for a release, and the releases of those that arrived. */
  const hold = new Set<string>();
  const held = new Map<string, () => void>();
  const secret = generateWebhookSecret();
  let ruleId = '';

  beforeAll(async () => {
    dataSource = createDataSource({
      url: testDatabaseUrl(),
      poolSize: 6,
      applicationName: 'alerts-int-spec',
    });
    await dataSource.initialize();
    repository = new AlertsRepository(dataSource);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        let verified = true;
        try {
          verifyWebhook(secret, req.headers, Buffer.concat(chunks));
        } catch {
          verified = false;
        }
        const id = String(req.headers['webhook-id']);
        received.push({ id, verified });
        const answer = () => res.writeHead(verified ? 204 : 401).end();
        if (hold.has(id)) held.set(id, answer);
        // Slow enough that a second worker polls while the first still holds the row.
        else setTimeout(answer, 200);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const rule = await repository.saveRule({
      id: randomUUID(),
      name: 'int-spec rule',
      filter: {},
      triggers: {},
      channel: 'webhook',
      webhook_url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      webhook_secret: secret,
      ready_made: false,
    });
    ruleId = rule.id;
  });

  afterAll(async () => {
    await repository.deleteRule(ruleId);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dataSource.destroy();
  });

  /** Records an alert of the rule with its webhook delivery; returns the alert's id. */
  async function recordAlert(): Promise<string> {
    const rule = await repository.findRule(ruleId);
    const alertId = randomUUID();
    await repository.insertAlertOnce(
      {
        id: alertId,
        rule_id: ruleId,
        cluster_id: `cl-int-${alertId}`,
        trigger: 'new',
        level: 0,
        payload: { n: 1 },
      },
      rule?.webhook_url ?? null,
    );
    return alertId;
  }

  const arrived = async (webhookId: string): Promise<void> => {
    for (let tries = 0; !received.some((r) => r.id === webhookId); tries += 1) {
      if (tries > 200) throw new Error(`${webhookId} never arrived`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  describe('nudge', () => {
    it('should send a new delivery while an earlier round still waits for its receiver', async () => {
      const sut = new WebhookDeliveryWorker(repository, {
        ...options,
        deliveryEnabled: true,
        deliveryPollMs: 60_000,
        deliveryConcurrency: 2,
      });
      const first = await recordAlert();
      hold.add(`msg_${first}`);
      sut.nudge();
      await arrived(`msg_${first}`);

      const second = await recordAlert();
      sut.nudge();
      // With one round at a time this would wait for the first receiver's answer, which never comes.
      await arrived(`msg_${second}`);
      held.get(`msg_${first}`)?.();
      await sut.onModuleDestroy();

      const deliveries = await repository.deliveriesOf(
        (await repository.alertsBefore(null, 2, ruleId)).map((alert) => alert.seq),
      );
      expect(deliveries.map((d) => [d.webhook_id, d.status, d.attempts]).sort()).toEqual(
        [
          [`msg_${first}`, 'delivered', 1],
          [`msg_${second}`, 'delivered', 1],
        ].sort(),
      );
    });
  });

  describe('drain', () => {
    it('should send a due delivery once although two workers drain at the same time', async () => {
      const alertId = await recordAlert();
      const sut = [
        new WebhookDeliveryWorker(repository, options),
        new WebhookDeliveryWorker(repository, options),
      ];

      await Promise.all(sut.map((worker) => worker.drain()));
      const mine = received.filter((r) => r.id === `msg_${alertId}`);

      expect(mine).toEqual([{ id: `msg_${alertId}`, verified: true }]);
      const [delivery] = await repository.deliveriesOf(
        (await repository.alertsBefore(null, 1, ruleId)).map((alert) => alert.seq),
      );
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
    });
  });

  describe(retryDelayMs.name, () => {
    it('should double from the base and stop at the cap', () => {
      expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 100, 1000))).toEqual([100, 200, 400, 800, 1000]);
    });
  });
});
