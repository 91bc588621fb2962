/**
 * Alerts against the real engines: ingest -> extractor -> claims.extracted -> alerts (rules, exactly-once
 * alerts, signed webhooks with retries, SSE), with real local receivers that verify the signatures.
 */
import { READY_MADE_ALERT_RULE_ID } from '@sitrep/persistence/alerts';
import { testDatabaseUrl, testKafkaBrokers, waitUntil } from '@sitrep/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import {
  authHeaders,
  PipelineHarness,
  postJson,
  readDevArticles,
  uniqueBody,
} from '../pipeline/support/pipeline.harness';
import { AlertsTestApp, startAlertsApp } from './support/alerts-app';
import { WebhookReceiver } from './support/webhook-receiver';

interface AlertBody {
  alert_id: string;
  rule: { id: string; name: string };
  trigger: string;
  cluster: {
    id: string;
    type: string;
    source: string | null;
    target: string | null;
    status: string;
    modality: string;
    items: string[];
    sanctions: { relevant: boolean; instruments: string[] };
    outlet_count: number;
  };
  evidence: string | null;
  articles: Array<{ url: string | null; outlet: string | null; language: string | null }>;
  outlets: string[];
  languages: string[];
  links: { cluster: string };
}

interface AlertsPage {
  items: Array<{
    seq: string;
    rule_id: string;
    cluster_id: string;
    trigger: string;
    body: AlertBody;
    deliveries: Array<{
      webhook_id: string;
      status: string;
      attempts: number;
      log: Array<{ outcome: string }>;
    }>;
  }>;
  next_cursor: string | null;
}

const [seed] = readDevArticles('seed.jsonl');
const goldArms = seed.gold.claims.find(
  (c) => c.type === 'arms_transfer' && c.source === 'PRK' && c.target === 'RUS',
);
const isPrkArms = (body: AlertBody) =>
  body.cluster.type === 'arms_transfer' && body.cluster.source === 'PRK' && body.cluster.target === 'RUS';

async function send(url: string, method: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: await authHeaders(body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (text ? JSON.parse(text) : null) as Record<string, unknown>,
  };
}

/** Reads an SSE stream until `count` events arrived, then disconnects; returns their ids. */
async function readEvents(url: string, count: number, lastEventId?: string): Promise<string[]> {
  const abort = new AbortController();
  const response = await fetch(url, {
    signal: abort.signal,
    headers: await authHeaders(lastEventId ? { 'last-event-id': lastEventId } : {}),
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const ids: string[] = [];
  let buffer = '';
  const timer = setTimeout(() => abort.abort(), 20_000);
  try {
    while (ids.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const id = /^id: (\d+)$/m.exec(event)?.[1];
        if (id) ids.push(id);
      }
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return ids.slice(0, count);
}

describe('alerts (e2e)', () => {
  const harness = new PipelineHarness('alerts');
  const builtin = new WebhookReceiver();
  const flaky = new WebhookReceiver(5);
  const down = new WebhookReceiver(Number.POSITIVE_INFINITY);
  const pg = new Client({ connectionString: testDatabaseUrl() });
  let alerts: AlertsTestApp;
  let flakyRuleId = '';
  let escalationRuleId = '';
  let downRuleId = '';
  const alertsEnv = (group: string) => ({
    ALERTS_TOPIC: harness.topics.claims,
    ALERTS_GROUP_ID: group,
    ALERTS_DELIVERY_MAX_ATTEMPTS: '7',
  });

  const alertRows = async (ruleId: string, clusterId: string): Promise<number> => {
    const { rows } = await pg.query<{ n: string }>(
      `SELECT count(*) AS n FROM alerts WHERE rule_id = $1 AND cluster_id = $2`,
      [ruleId, clusterId],
    );
    return Number(rows[0].n);
  };

  // The seed yields more than one PRK-to-RUS arms cluster: the one of the gold evidence sentence.
  const prkAlert = () =>
    builtin
      .accepted<AlertBody>()
      .find(
        (body) => isPrkArms(body) && !!goldArms && !!body.evidence?.includes(goldArms.evidence.slice(0, 40)),
      );

  beforeAll(async () => {
    await pg.connect();
    await harness.prepare();
    // Earlier runs alerted on the same (deterministic) cluster ids: forget their alerts and rules.
    await pg.query(`DELETE FROM alerts WHERE rule_id = $1`, [READY_MADE_ALERT_RULE_ID]);
    await pg.query(`DELETE FROM alert_rules WHERE name LIKE 'e2e: %'`);
    await Promise.all([builtin.start(), flaky.start(), down.start()]);
    alerts = await startAlertsApp(alertsEnv(`sitrep-alerts-test-${harness.runId}`));

    const patched = await send(alerts.url(`/v1/alert-rules/${READY_MADE_ALERT_RULE_ID}`), 'PATCH', {
      channel: { type: 'webhook', url: builtin.url },
    });
    expect(patched.status).toBe(200);
    const rotated = await send(
      alerts.url(`/v1/alert-rules/${READY_MADE_ALERT_RULE_ID}/rotate-secret`),
      'POST',
    );
    expect(rotated.status).toBe(200);
    builtin.secret = String((rotated.body.channel as { secret: string }).secret);
    expect(builtin.secret).toMatch(/^whsec_/);

    const flakyRule = await send(alerts.url('/v1/alert-rules'), 'POST', {
      name: 'e2e: PRK arms to Russia, flaky receiver',
      filter: { actors_all: ['PRK', 'RUS'], claim_types: ['arms_transfer'], min_modality: 'alleged' },
      channel: { type: 'webhook', url: flaky.url },
    });
    expect(flakyRule.status).toBe(201);
    flakyRuleId = String(flakyRule.body.id);
    flaky.secret = String((flakyRule.body.channel as { secret: string }).secret);

    const downRule = await send(alerts.url('/v1/alert-rules'), 'POST', {
      name: 'e2e: PRK arms to Russia, receiver down',
      filter: { actors_all: ['PRK', 'RUS'], claim_types: ['arms_transfer'] },
      channel: { type: 'webhook', url: down.url },
    });
    downRuleId = String(downRule.body.id);
    down.secret = String((downRule.body.channel as { secret: string }).secret);

    const escalation = await send(alerts.url('/v1/alert-rules'), 'POST', {
      name: 'e2e: PRK arms, second outlet',
      filter: { actors_any: ['PRK'], claim_types: ['arms_transfer'] },
      triggers: { outlets_reach: 2 },
      channel: { type: 'sse' },
    });
    escalationRuleId = String(escalation.body.id);

    await harness.startAll(['ingest', 'extractor']);
    const posted = await postJson<{ published: boolean }>(harness.url('ingest', '/v1/articles'), {
      url: `https://rmol.id/alerts-${harness.runId}`,
      raw: uniqueBody(seed.raw, `alerts ${harness.runId}`),
      language: seed.language ?? undefined,
    });
    expect(posted.body.published).toBe(true);
  }, 300_000);

  afterAll(async () => {
    await alerts?.close();
    await harness.stopAll();
    await harness.dropTopics();
    await Promise.all([builtin.stop(), flaky.stop(), down.stop()]);
    await pg.end();
  }, 60_000);

  describe('rules', () => {
    it('should list the ready-made rule for any new sanctions-relevant claim', async () => {
      const list = await send(alerts.url('/v1/alert-rules'), 'GET');
      const ready = (list.body.items as Array<{ id: string; ready_made: boolean; filter: object }>).find(
        (rule) => rule.id === READY_MADE_ALERT_RULE_ID,
      );

      expect(ready).toMatchObject({ ready_made: true, filter: { sanctions_only: true } });
    });

    it('should refuse a rule naming an unknown actor with a reason as problem+json', async () => {
      const refused = await send(alerts.url('/v1/alert-rules'), 'POST', {
        name: 'never',
        filter: { actors_any: ['PRK', 'NOT.AN.ACTOR'] },
        channel: { type: 'sse' },
      });

      expect(refused.status).toBe(400);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.body.detail).toContain("unknown actor id 'NOT.AN.ACTOR'");
    });

    it('should refuse an empty claim type list', async () => {
      const refused = await send(alerts.url('/v1/alert-rules'), 'POST', {
        name: 'never',
        filter: { claim_types: [] },
        channel: { type: 'sse' },
      });

      expect(refused.status).toBe(400);
      expect(refused.body.detail).toContain('claim_types is empty');
    });

    it('should create, read, update and delete a rule', async () => {
      const created = await send(alerts.url('/v1/alert-rules'), 'POST', {
        name: 'e2e: Iran drones',
        filter: { actors_any: ['IRN'], claim_types: ['arms_transfer'], keywords: ['drone'] },
        channel: { type: 'sse' },
      });
      const url = alerts.url(`/v1/alert-rules/${String(created.body.id)}`);
      const patched = await send(url, 'PATCH', {
        name: 'e2e: Iranian drones',
        triggers: { status_completed: true },
      });
      const read = await send(url, 'GET');
      const deleted = await send(url, 'DELETE');

      expect(created.status).toBe(201);
      expect(patched.status).toBe(200);
      expect(read.body).toMatchObject({ name: 'e2e: Iranian drones', triggers: { status_completed: true } });
      expect(deleted.status).toBe(204);
      await expect(send(url, 'GET')).resolves.toMatchObject({ status: 404 });
      await expect(send(url, 'DELETE')).resolves.toMatchObject({ status: 404 });
    });
  });

  describe('delivery', () => {
    it('should deliver a signed alert for the PRK-to-RUS transfer under the ready-made rule', async () => {
      await waitUntil(async () => prkAlert() !== undefined, 'the PRK arms alert at the receiver', 120_000);
      const body = prkAlert() as AlertBody;

      expect(builtin.received.every((r) => r.rejected === null)).toBe(true);
      // The rule's secret was rotated before: new and old secret both sign for the overlap.
      expect(
        builtin.received.every((r) => String(r.headers['webhook-signature']).split(' ').length === 2),
      ).toBe(true);
      expect(body.rule.id).toBe(READY_MADE_ALERT_RULE_ID);
      expect(body.trigger).toBe('new');
      expect(body.cluster.sanctions.relevant).toBe(true);
      expect(body.cluster.sanctions.instruments).toContain('UNSCR 1718');
      expect(goldArms && body.evidence?.includes(goldArms.evidence.slice(0, 40))).toBe(true);
      expect(body.articles.map((a) => a.url)).toContain(`https://rmol.id/alerts-${harness.runId}`);
      expect(body.languages).toContain('id');
      expect(body.links.cluster).toBe(`/v1/clusters/${body.cluster.id}`);
    }, 150_000);

    it('should deliver once, with the same webhook-id, to a receiver that fails five times then recovers', async () => {
      // The rule may match more than one alert: wait until every alert id it saw was accepted.
      const acceptedAll = (): boolean => {
        const seen = new Set(flaky.received.map((r) => r.id));
        const accepted = new Set(flaky.received.filter((r) => r.status === 204).map((r) => r.id));
        return seen.size > 0 && [...seen].every((id) => accepted.has(id));
      };
      await waitUntil(async () => acceptedAll(), 'the flaky receiver to accept every alert', 90_000);
      const page = (await send(alerts.url(`/v1/alerts?rule_id=${flakyRuleId}`), 'GET'))
        .body as unknown as AlertsPage;
      const ids = [...new Set(flaky.received.map((r) => r.id))];

      expect(flaky.received.every((r) => r.rejected === null)).toBe(true);
      expect(page.items.length).toBe(ids.length);
      for (const id of ids)
        expect(flaky.received.filter((r) => r.id === id).map((r) => r.status)).toEqual([
          503, 503, 503, 503, 503, 204,
        ]);
      const delivery = page.items.flatMap((a) => a.deliveries).find((d) => d.status === 'delivered');
      expect(delivery).toMatchObject({ attempts: 6 });
      expect(delivery?.log.map((l) => l.outcome)).toEqual([
        'retry',
        'retry',
        'retry',
        'retry',
        'retry',
        'delivered',
      ]);
    }, 120_000);
  });

  describe('dead letter', () => {
    it('should mark a delivery dead after the last attempt, every attempt with the same webhook-id', async () => {
      const deliveries = async () =>
        (
          (await send(alerts.url(`/v1/alerts?rule_id=${downRuleId}`), 'GET')).body as unknown as AlertsPage
        ).items.flatMap((alert) => alert.deliveries);
      await waitUntil(
        async () => {
          const all = await deliveries();
          return all.length > 0 && all.every((d) => d.status === 'dead');
        },
        'the deliveries to a receiver that is down to be dead',
        60_000,
      );
      const all = await deliveries();

      for (const delivery of all) {
        expect(delivery).toMatchObject({ status: 'dead', attempts: 7 });
        expect(delivery.log.map((l) => l.outcome)).toEqual([...Array(6).fill('retry'), 'dead']);
        expect(down.received.filter((r) => r.id === delivery.webhook_id)).toHaveLength(7);
      }
      expect(down.received.every((r) => r.rejected === null && r.status === 503)).toBe(true);
    }, 90_000);
  });

  describe('exactly once', () => {
    it('should not alert again when the seed is posted again or a second outlet reports it', async () => {
      await waitUntil(async () => prkAlert() !== undefined, 'the PRK arms alert', 120_000);
      const clusterId = (prkAlert() as AlertBody).cluster.id;

      await postJson(harness.url('ingest', '/v1/articles'), {
        url: `https://rmol.id/alerts-${harness.runId}`,
        raw: uniqueBody(seed.raw, `alerts ${harness.runId}`),
        language: seed.language ?? undefined,
      });
      const second = await postJson<{ published: boolean }>(harness.url('ingest', '/v1/articles'), {
        url: `https://second-outlet-alerts-${harness.runId}.example/berita/korut-rusia`,
        raw: uniqueBody(seed.raw, `second outlet ${harness.runId}`),
        language: seed.language ?? undefined,
      });
      expect(second.body.published).toBe(true);
      // The escalation rule proves the alerts consumer has seen the second outlet's claims.
      await waitUntil(
        async () => (await alertRows(escalationRuleId, clusterId)) === 2,
        'the outlets escalation',
        90_000,
      );

      await expect(alertRows(READY_MADE_ALERT_RULE_ID, clusterId)).resolves.toBe(1);
      await expect(alertRows(flakyRuleId, clusterId)).resolves.toBe(1);
      expect(builtin.accepted<AlertBody>().filter((b) => b.cluster.id === clusterId)).toHaveLength(1);
    }, 150_000);

    it('should not alert again when a restarted consumer reads every message again', async () => {
      const clusterId = (prkAlert() as AlertBody).cluster.id;
      // Only this run's rules: other suites may add alerts to the shared database meanwhile.
      const runRules = [READY_MADE_ALERT_RULE_ID, flakyRuleId, downRuleId, escalationRuleId];
      const countAlerts = async () =>
        (
          await pg.query<{ n: string }>(`SELECT count(*) AS n FROM alerts WHERE rule_id = ANY($1)`, [
            runRules,
          ])
        ).rows[0].n;
      const before = await countAlerts();
      await alerts.close();
      const group = `sitrep-alerts-test-${harness.runId}-replay`;
      alerts = await startAlertsApp(alertsEnv(group));

      const admin = new Kafka({
        clientId: `alerts-e2e-${harness.runId}`,
        brokers: testKafkaBrokers(),
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const ends = await admin.fetchTopicOffsets(harness.topics.claims);
        await waitUntil(
          async () => {
            const [committed] = await admin.fetchOffsets({ groupId: group, topics: [harness.topics.claims] });
            return ends.every(
              (end) =>
                end.high === end.low ||
                committed.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
            );
          },
          'the replaying consumer to catch up',
          90_000,
        );
      } finally {
        await admin.disconnect();
      }
      const after = await countAlerts();

      expect(after).toBe(before);
      await expect(alertRows(READY_MADE_ALERT_RULE_ID, clusterId)).resolves.toBe(1);
    }, 150_000);
  });

  describe('stream', () => {
    it('should replay what a client missed when it resumes with Last-Event-ID', async () => {
      const first = await readEvents(alerts.url('/v1/alerts/stream'), 2, '0');
      const resumed = await readEvents(alerts.url('/v1/alerts/stream'), 1, first[0]);

      expect(Number(first[1])).toBeGreaterThan(Number(first[0]));
      expect(resumed).toEqual([first[1]]);
    }, 60_000);
  });
});
