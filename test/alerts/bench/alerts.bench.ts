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

const dev = [...readDevArticles('seed.jsonl'), ...readDevArticles('articles.jsonl')];
const [seed] = dev;
const harness = new PipelineHarness('alertsbench', {
  extractor: { LOG_LEVEL: 'warn' },
  ingest: { LOG_LEVEL: 'warn' },
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

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main(): Promise<void> {
  console.log(`bench:alerts  run ${harness.runId}  starting ingest and extractor (ts-node) ...`);
  const pg = new Client({ connectionString: testDatabaseUrl() });
  await pg.connect();
  await harness.prepare();
  await pg.query(`TRUNCATE alerts CASCADE`);
  const receiver = new WebhookReceiver();
  await receiver.start();
  const arrivals = new Map<string, number>();
  const alerts = await startAlertsApp({
    ALERTS_TOPIC: harness.topics.claims,
    ALERTS_GROUP_ID: `sitrep-alerts-bench-${harness.runId}`,
  });
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
    const record = setInterval(() => {
      const now = performance.now();
      for (const body of receiver.accepted<{ articles: Array<{ url: string | null }> }>())
        for (const article of body.articles)
          if (article.url?.includes('/probe/') && !arrivals.has(article.url)) arrivals.set(article.url, now);
    }, 5);

    // Warm-up (JIT, group joins, pools): one probe, not measured.
    const warmUrl = probeArticle(179).url;
    await postJson(harness.url('ingest', '/v1/articles'), probeArticle(179));
    const warmDeadline = performance.now() + 180_000;
    while (!arrivals.has(warmUrl) && performance.now() < warmDeadline)
      await new Promise((r) => setTimeout(r, 200));

    const accepted = new Map<string, number>();
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
          postJson(harness.url('ingest', '/v1/articles'), probe).then((response) => {
            if (response.ok) accepted.set(probe.url, performance.now());
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

    const latencies = [...accepted].flatMap(([url, at]) =>
      arrivals.has(url) ? [(arrivals.get(url) as number) - at] : [],
    );
    const rejected = receiver.received.filter((r) => r.rejected !== null).length;
    console.log(`background offered: ${offered} articles/s for ${SECONDS} s (${sequence} articles)`);
    console.log(
      `probes: ${accepted.size} accepted, ${latencies.length} alerted, signatures rejected: ${rejected}`,
    );
    console.log(
      `acceptance -> webhook received (ms): p50 ${percentile(latencies, 50).toFixed(0)}  p95 ${percentile(latencies, 95).toFixed(0)}  p99 ${percentile(latencies, 99).toFixed(0)}`,
    );
  } finally {
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
