/**
 * `npm run bench:alerts [-- --rate 100 --seconds 30 --probes-per-second 1]`
 *
 * Latency from article acceptance (the ingest response) to the signed webhook arriving at a local
 * receiver (verified), p50/p95/p99, under a background load of `rate` articles/s (default 100) through
 * ingest -> extractor -> claims.extracted -> alerts. Probes are copies of the seed article with a
 * publication month of their own, so each one opens a new sanctions-relevant PRK-to-RUS cluster and the
 * ready-made rule alerts on it; the background cycles through the 45 dev articles (read from ../shared).
 */
import { READY_MADE_ALERT_RULE_ID } from '@sitrep/persistence/alerts';
import { testDatabaseUrl } from '@sitrep/testing';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  authHeaders,
  PipelineHarness,
  readDevArticles,
  uniqueBody,
} from '../../pipeline/support/pipeline.harness';
import { CpuMeter } from '../../pipeline/support/cpu-usage';
import { percentile, StageTraceObserver } from '../../pipeline/support/stage-trace.observer';
import { startAlertsApp } from '../support/alerts-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const RATE = arg('rate', 100);
const SECONDS = arg('seconds', 30);
const PROBES_PER_SECOND = arg('probes-per-second', 1);

/**
 * `BENCH_APP_LOG_LEVEL=debug` shows each consumer chunk's waits (kafka-consumer.runner): ingest's and the
 * extractor's in .sitrep/test-logs, the in-process alerts app's on standard output.
 */
const APP_LOG_LEVEL = process.env.BENCH_APP_LOG_LEVEL || 'warn';
const dev = [...readDevArticles('seed.jsonl'), ...readDevArticles('articles.jsonl')];
const [seed] = dev;
const harness = new PipelineHarness('alertsbench', {
  extractor: { LOG_LEVEL: APP_LOG_LEVEL },
  ingest: { LOG_LEVEL: APP_LOG_LEVEL },
});
const host = `alerts-bench-${harness.runId}.example`;

let sequence = 0;
function backgroundArticle() {
  sequence += 1;
  const source = dev[sequence % dev.length];
  const day = new Date(Date.UTC(2022, 0, 1) + ((sequence * 7919) % 1095) * 86_400_000);
  return {
    url: `https://${host}/bg/${sequence}`,
    raw: uniqueBody(source.raw, `alerts bench ${harness.runId} ${sequence}`),
    language: source.language ?? undefined,
    published_at: day.toISOString(),
  };
}

/**
 * A seed copy published in a month no background article uses (one per probe, 2007-2021: after UNSCR 1718,
 * before the background's 2022-2024), so it opens new sanctions-relevant clusters.
 */
function probeArticle(n: number) {
  const month = new Date(Date.UTC(2007, n % 180, 15));
  return {
    url: `https://${host}/probe/${n}`,
    raw: uniqueBody(seed.raw, `alerts bench probe ${harness.runId} ${n}`),
    language: seed.language ?? undefined,
    published_at: month.toISOString(),
  };
}

async function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: await authHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
}

async function main(): Promise<void> {
  console.log(`bench:alerts  run ${harness.runId}  starting ingest and extractor (ts-node) ...`);
  const pg = new Client({ connectionString: testDatabaseUrl() });
  // prepare() creates and migrates the test database: connect after it (a fresh machine has none yet).
  await harness.prepare();
  await pg.connect();
  await pg.query(`TRUNCATE alerts CASCADE`);
  const receiver = new WebhookReceiver();
  await receiver.start();
  const observer = new StageTraceObserver(
    harness.topics.claims,
    `sitrep-alerts-bench-trace-${harness.runId}`,
  );
  await observer.start();
  /** Probe URL -> the first verified webhook naming it (arrival time, alert id). */
  const arrivals = new Map<string, { at: number; alertId: string }>();
  let scanned = 0;
  const scanReceived = () => {
    for (; scanned < receiver.received.length; scanned += 1) {
      const webhook = receiver.received[scanned];
      if (webhook.status >= 300) continue;
      const body = JSON.parse(webhook.body) as { alert_id: string; articles: Array<{ url: string | null }> };
      for (const article of body.articles)
        if (article.url?.includes('/probe/') && !arrivals.has(article.url))
          arrivals.set(article.url, { at: webhook.at, alertId: body.alert_id });
    }
  };
  const alerts = await startAlertsApp(
    {
      ALERTS_TOPIC: harness.topics.claims,
      ALERTS_GROUP_ID: `sitrep-alerts-bench-${harness.runId}`,
    },
    // In-process: its chunk waits (kafka-consumer.runner) print here.
    APP_LOG_LEVEL === 'debug' ? ['error', 'warn', 'log', 'debug'] : undefined,
  );
  await harness.startAll(['ingest', 'extractor']);
  try {
    await fetch(alerts.url(`/v1/alert-rules/${READY_MADE_ALERT_RULE_ID}`), {
      method: 'PATCH',
      headers: await authHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ channel: { type: 'webhook', url: receiver.url } }),
    });
    const rotated = (await (
      await postJson(alerts.url(`/v1/alert-rules/${READY_MADE_ALERT_RULE_ID}/rotate-secret`), {})
    ).json()) as { channel: { secret: string } };
    receiver.secret = rotated.channel.secret;
    // The receiver stamps each arrival; reading them now and then costs the measured process little.
    const record = setInterval(scanReceived, 100);

    // Warm-up (JIT, group joins, pools): one probe, not measured.
    const warmUrl = probeArticle(179).url;
    await postJson(harness.url('ingest', '/v1/articles'), probeArticle(179));
    const warmDeadline = performance.now() + 180_000;
    while (!arrivals.has(warmUrl) && performance.now() < warmDeadline)
      await new Promise((r) => setTimeout(r, 200));

    /** Probe URL -> when ingest answered (ms since the epoch) and the article id. */
    const accepted = new Map<string, { at: number; id: string }>();
    const pidOf = (app: 'ingest' | 'extractor') => {
      const pid = harness.pid(app);
      return pid === undefined ? undefined : { pid };
    };
    const cpu = new CpuMeter(
      () => ({
        ingest: pidOf('ingest'),
        extractor: pidOf('extractor'),
        'alerts+bench': { self: true },
        kafka: CpuMeter.engines().kafka,
        postgres: { postgresDatabase: new URL(testDatabaseUrl()).pathname.slice(1) },
      }),
      pg,
    );
    const cpuBefore = await cpu.snapshot();
    const perTick = Math.max(1, Math.round(RATE / 10));
    const probeEvery = Math.max(1, Math.round(10 / PROBES_PER_SECOND));
    const started = performance.now();
    let probes = 0;
    const pending: Array<Promise<unknown>> = [];
    for (let tick = 0; tick < SECONDS * 10; tick += 1) {
      const wait = started + tick * 100 - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(
        postJson(harness.url('ingest', '/v1/articles/batch'), {
          articles: Array.from({ length: perTick }, backgroundArticle),
        }),
      );
      if (tick % probeEvery === 0) {
        const probe = probeArticle(probes++);
        pending.push(
          postJson(harness.url('ingest', '/v1/articles'), probe).then(async (response) => {
            const at = Date.now();
            if (response.ok)
              accepted.set(probe.url, { at, id: ((await response.json()) as { id: string }).id });
          }),
        );
      }
    }
    await Promise.all(pending);
    const offered = (sequence / ((performance.now() - started) / 1000)).toFixed(1);
    const deadline = performance.now() + 300_000;
    while ([...accepted.keys()].some((url) => !arrivals.has(url)) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    clearInterval(record);
    scanReceived();
    const cpuPerArticle = CpuMeter.perUnit(cpuBefore, await cpu.snapshot(), sequence + probes);

    const latencies = [...accepted].flatMap(([url, { at }]) =>
      arrivals.has(url) ? [arrivals.get(url)!.at - at] : [],
    );
    const recordedAt = new Map<string, number>(
      (
        await pg.query(`SELECT id, created_at FROM alerts WHERE id = ANY($1::uuid[])`, [
          [...arrivals.values()].map((arrival) => arrival.alertId),
        ])
      ).rows.map((row: { id: string; created_at: Date }) => [row.id, row.created_at.getTime()]),
    );
    const rejected = receiver.received.filter((r) => r.rejected !== null).length;
    console.log(`background offered: ${offered} articles/s for ${SECONDS} s (${sequence} articles)`);
    console.log(
      `probes: ${accepted.size} accepted, ${latencies.length} alerted, signatures rejected: ${rejected}`,
    );
    console.log(
      `acceptance -> webhook received (ms): p50 ${percentile(latencies, 50).toFixed(0)}  p95 ${percentile(latencies, 95).toFixed(0)}  p99 ${percentile(latencies, 99).toFixed(0)}`,
    );
    const tracedProbes = [...accepted].flatMap(([url, { id }]) => {
      const arrival = arrivals.get(url);
      if (!arrival) return [];
      const recorded = recordedAt.get(arrival.alertId);
      return [
        {
          id,
          after: [
            ...(recorded === undefined ? [] : [['alerts.recorded', recorded] as const]),
            ['webhook.received', arrival.at] as const,
          ],
        },
      ];
    });
    for (const line of observer.breakdown(tracedProbes)) console.log(line);
    console.log(`CPU ms per article: ${CpuMeter.format(cpuPerArticle)}`);
  } finally {
    await observer.stop();
    await alerts.close();
    await harness.stopAll();
    await harness.dropTopics();
    await receiver.stop();
    await pg.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
