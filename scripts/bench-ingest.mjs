#!/usr/bin/env node
/* global process, console, URL, Buffer, setTimeout, performance */
// npm run bench:ingest — posts articles in batches to a running ingest app over loopback (starting one if
// none answers) and prints accepted articles/s, request latency percentiles and outbox-to-Kafka lag.
//
//   BENCH_INGEST_URL    a running ingest app to post to; unset: the bench runs its own on 127.0.0.1:3901,
//                       publishing to intel.internal.articles.ingested.bench.1 so the pipeline does not extract bench text
//   BENCH_ARTICLES      articles to post               default 20000 (max 200000)
//   BENCH_BATCH         articles per request           default 250 (max 500)
//   BENCH_CONCURRENCY   requests in flight             default 4
//   BENCH_MAX_SECONDS   stop posting after             default 120
//   BENCH_WORDS         words per article body         default 250
//   BENCH_FROM_DIST     1: run dist/apps/ingest/src/main.js instead of the sources
//   INGEST_WORKERS      workers of the app the bench starts    default the app's (1)
//   BENCH_API_KEY       a key with the ingest scope    unset: the bench makes one in DATABASE_URL, revoked at the end
//   DATABASE_URL        to read the outbox lag         default postgres://postgres@127.0.0.1:5432/sitrep
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const int = (name, def, max) => Math.min(max, Math.max(1, Number.parseInt(env[name] ?? '', 10) || def));
const total = int('BENCH_ARTICLES', 20_000, 200_000);
const batchSize = int('BENCH_BATCH', 250, 500);
const concurrency = int('BENCH_CONCURRENCY', 4, 64);
const maxSeconds = int('BENCH_MAX_SECONDS', 120, 1800);
const words = int('BENCH_WORDS', 250, 5000);
const databaseUrl = env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/sitrep';
let baseUrl = env.BENCH_INGEST_URL ?? 'http://127.0.0.1:3901';
const BENCH_TOPIC = 'intel.internal.articles.ingested.bench.1';
const { hostname } = new URL(baseUrl);
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) {
  console.error(`bench-ingest: refusing non-loopback target ${baseUrl}`);
  process.exit(2);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
let apiKey = env.BENCH_API_KEY;
let benchKeyId = null;

/** A key for this run (ingest scope, no practical rate limit), stored like `npm run api-key -- create` does. */
async function createBenchKey() {
  const key = `sitrep_${randomBytes(32).toString('base64url')}`;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    benchKeyId = randomUUID();
    await db.query(
      `INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes, rate_limit_per_minute)
       VALUES ($1, 'bench:ingest', $2, $3, ARRAY['ingest'], 1000000)`,
      [benchKeyId, key.slice(0, 13), createHash('sha256').update(key).digest('hex')],
    );
  } finally {
    await db.end();
  }
  return key;
}

async function revokeBenchKey() {
  if (!benchKeyId) return;
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db
    .query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [benchKeyId])
    .finally(() => db.end());
}

function request(method, url, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: {
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

async function healthy(url) {
  try {
    return (await request('GET', `${url}/health`)).status < 500;
  } catch {
    return false;
  }
}

let child = null;

async function ensureBenchTopic() {
  const { Kafka, logLevel } = await import('kafkajs');
  const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const admin = new Kafka({ clientId: 'sitrep-bench-ingest', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(BENCH_TOPIC)) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [
          {
            topic: BENCH_TOPIC,
            numPartitions: 6,
            configEntries: [{ name: 'retention.ms', value: String(3_600_000) }],
          },
        ],
      });
    }
  } finally {
    await admin.disconnect();
  }
}
async function ensureApp() {
  if (await healthy(baseUrl)) return;
  if (env.BENCH_INGEST_URL) throw new Error(`${baseUrl} does not answer`);
  // The sources through ts-node (transpile only), so the working tree is measured; BENCH_FROM_DIST=1 runs
  // the build instead (npm run build first: an old dist/ would measure old code).
  const main = join(root, 'dist/apps/ingest/src/main.js');
  // The V8 flags every app runs with (as `npm start` runs them).
  const flags = readFileSync(join(root, 'scripts', 'app-node-options'), 'utf8')
    .split(/\s+/)
    .filter(Boolean);
  const args =
    env.BENCH_FROM_DIST === '1' && existsSync(main)
      ? [...flags, main]
      : [
          ...flags,
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          join(root, 'apps/ingest/src/main.ts'),
        ];
  await ensureBenchTopic();
  const port = Number(new URL(baseUrl).port);
  console.error(`[bench] starting ingest on ${baseUrl}`);
  child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...env,
      INGEST_PORT: String(port),
      HOST: '127.0.0.1',
      FEEDS_POLLING_ENABLED: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Starting from the sources compiles the app first: minutes when the shared machine is busy.
  for (let i = 0; i < 480; i++) {
    if (await healthy(baseUrl)) return;
    if (child.exitCode !== null) throw new Error(`ingest exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('ingest did not become healthy in 240 s');
}

// Random text from a small vocabulary: every article is its own story (no near copies by chance).
const VOCAB = (
  'minister ministry government agreement contract vessel patrol navy army border trade export import sanction ' +
  'embargo shipment parts company official spokesman parliament committee budget loan bank port harbour coast ' +
  'island province capital city district council election vote treaty summit delegation envoy embassy visit ' +
  'training exercise radar missile aircraft helicopter drone factory worker labour migrant permit visa court ' +
  'judge ruling investigation police report evidence statement monday tuesday wednesday thursday friday week ' +
  'month year million billion dollar percent price market energy oil gas coal mine river flood rain storm'
).split(' ');
let seed = Date.now() % 2147483647;
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
function body() {
  const out = [];
  for (let i = 0; i < words; i++)
    out.push(VOCAB[Math.floor(rand() * VOCAB.length)] + (i % 17 === 16 ? '.' : ''));
  return out.join(' ');
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); null when unknown. */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100) ticks
  } catch {
    return null;
  }
}

/** The process and its descendants (the ingest primary and its cluster workers), from /proc (Linux). */
function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** CPU seconds used so far by the app: its process and workers; null when unknown. */
function appCpuSeconds(pid) {
  const seconds = processTree(pid).map(cpuSeconds);
  return seconds[0] === null ? null : seconds.reduce((a, b) => a + (b ?? 0), 0);
}

/** CPU seconds of each PostgreSQL backend serving the ingest app (same machine only). */
async function backendCpu(db) {
  const { rows } = await db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sitrep-ingest'`,
  );
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]).filter(([, s]) => s !== null));
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

async function main() {
  await ensureApp();
  apiKey ??= await createBenchKey();
  const run = `${Date.now().toString(36)}${Math.floor(rand() * 1e6).toString(36)}`;
  const prefix = `https://bench.sitrep.test/${run}/`;
  const batches = [];
  for (let i = 0; i < total; i += batchSize) {
    batches.push(
      JSON.stringify({
        articles: Array.from({ length: Math.min(batchSize, total - i) }, (_, j) => ({
          url: `${prefix}${i + j}?utm_source=bench`,
          raw: body(),
          language: 'en',
          source: `outlet-${(i + j) % 7}`,
        })),
      }),
    );
  }
  console.error(
    `[bench] posting ${total} articles in ${batches.length} batches of ${batchSize}, ${concurrency} in flight`,
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const appCpuBefore = child ? appCpuSeconds(child.pid) : null;
  const appProcesses = child ? processTree(child.pid).length : null;
  const pgCpuBefore = await backendCpu(db);
  const loadBefore = loadavg()[0];
  const latencies = [];
  let accepted = 0;
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length && performance.now() < deadline) {
        const payload = batches[next++];
        const t0 = performance.now();
        const res = await request('POST', `${baseUrl}/v1/articles/batch`, payload);
        latencies.push(performance.now() - t0);
        if (res.status === 202) accepted += JSON.parse(res.body).accepted;
        else {
          failed++;
          if (failed <= 3) console.error(`[bench] HTTP ${res.status}: ${res.body.slice(0, 300)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);

  // Outbox-to-Kafka lag: from the row's commit (created_at) to the relay marking it sent after Kafka acked.
  const drainStart = performance.now();
  let lag = null;
  while (performance.now() - drainStart < 120_000) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS total, count(sent_at)::int AS sent,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - created_at)) AS p95,
              max(extract(epoch FROM sent_at - created_at)) AS max
       FROM outbox WHERE payload->>'canonicalUrl' LIKE $1`,
      [`${prefix}%`],
    );
    lag = rows[0];
    if (lag.total > 0 && lag.sent === lag.total) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // CPU spent from the first request until the outbox was drained: load-independent cost per article.
  // Backends that closed during the run are missed, so the PostgreSQL figure is a lower bound.
  const appCpu = child ? appCpuSeconds(child.pid) - appCpuBefore : null;
  let pgCpu = 0;
  for (const [pid, seconds] of await backendCpu(db)) pgCpu += seconds - (pgCpuBefore.get(pid) ?? 0);
  await db.end();
  const loadAfter = loadavg()[0];

  console.log(`ingest benchmark (${new Date().toISOString()})`);
  console.log(
    `  articles accepted     ${accepted} of ${total} (${failed} failed requests) in ${seconds.toFixed(2)} s`,
  );
  console.log(
    `  throughput            ${(accepted / seconds).toFixed(0)} articles/s (batches of ${batchSize}, ${concurrency} in flight, ${words} words each)`,
  );
  console.log(
    `  request latency       p50 ${fmt(pct(latencies, 50))}  p95 ${fmt(pct(latencies, 95))}  p99 ${fmt(pct(latencies, 99))}  (${latencies.length} requests)`,
  );
  if (lag && lag.total > 0) {
    const s = (v) => (v === null ? 'n/a' : `${(Number(v) * 1000).toFixed(0)} ms`);
    console.log(
      `  outbox -> Kafka lag   p50 ${s(lag.p50)}  p95 ${s(lag.p95)}  max ${s(lag.max)}  (${lag.sent}/${lag.total} sent)`,
    );
  } else {
    console.log("  outbox -> Kafka lag   no outbox rows found (is DATABASE_URL the app's database?)");
  }
  if (accepted > 0) {
    const perArticle = (seconds) => `${((seconds * 1000) / accepted).toFixed(3)} ms`;
    console.log(
      `  CPU per article       ingest app ${appCpu === null ? 'n/a (not started by the bench)' : `${perArticle(appCpu)} (${appProcesses} processes)`}  PostgreSQL backends ${perArticle(pgCpu)}`,
    );
  }
  console.log(
    `  load average (1 min)  ${loadBefore.toFixed(2)} at start, ${loadAfter.toFixed(2)} at end (${availableParallelism()} cores)`,
  );
}

main()
  .catch((e) => {
    console.error(`bench-ingest failed: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await revokeBenchKey().catch((e) =>
      console.error(`bench-ingest: could not revoke its key: ${e.message}`),
    );
    agent.destroy();
    if (child) child.kill('SIGTERM');
  });
