/**
 * `npm run bench:export [-- --rows 1000000 --format csv]`
 *
 * Seeds N claims (default 1,000,000) straight into a bench database (`<test database>_bench_export`,
 * migrated, bulk INSERT ... SELECT generate_series; reused when it already holds N claims), starts the
 * api on it, streams `GET /v1/exports/claims?format=csv` and prints rows/s, MB/s and the api process's
 * peak RSS (VmHWM from /proc, i.e. the high-water mark over the whole export).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { createDataSource, ensureDatabase, runMigrations } from '@sitrep/persistence';
import { testAppEnvironment, testDatabaseUrl } from '@sitrep/testing';
import { apiFetch, useApiKeyDatabase } from '../support/api-client';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const arg = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : (process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
};
const ROWS = Number(arg('rows', '1000000'));
const FORMAT = arg('format', 'csv');
const CHUNK = 100_000;

function benchDatabaseUrl(): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = `${url.pathname}_bench_export`;
  return url.toString();
}

async function seed(url: string): Promise<void> {
  await ensureDatabase(url);
  const dataSource = await createDataSource({ url, applicationName: 'sitrep-bench' }).initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  const pg = new Client({ connectionString: url });
  await pg.connect();
  try {
    const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM claims`)).rows;
    if (n === ROWS) return console.log(`bench database already holds ${ROWS} claims`);
    await pg.query('TRUNCATE claims');
    const started = performance.now();
    for (let from = 1; from <= ROWS; from += CHUNK) {
      const to = Math.min(ROWS, from + CHUNK - 1);
      // Realistic widths: a 150-character evidence sentence, two items, a URL and a title per claim.
      await pg.query(
        `INSERT INTO claims (id, article_id, engine_version, ordinal, cluster_id, type, source, target,
           source_country, target_country, status, modality, claimant, items, event_date, evidence_text,
           evidence_start, evidence_end, confidence, outlet, language, url, title, seen_at, published_at,
           sanctions)
         SELECT 'bench-' || g, gen_random_uuid(), 'bench', 0, 'cl-' || lpad(to_hex(g % 5000), 24, '0'),
           (ARRAY['arms_transfer','sanctions_violation','military_cooperation'])[1 + g % 3],
           (ARRAY['PRK','IRN','RUS','CHN'])[1 + g % 4], (ARRAY['RUS','SYR','PRK','BLR'])[1 + g % 4],
           (ARRAY['PRK','IRN','RUS','CHN'])[1 + g % 4], (ARRAY['RUS','SYR','PRK','BLR'])[1 + g % 4],
           'completed', 'alleged', 'USA', '["artillery shell","drone"]'::jsonb, '2023-09',
           'North Korea has shipped artillery shells and rockets to Russia by rail, "according to" officials, '
             || 'who said, in a statement, that the transfers went on. #' || g,
           0, 150, 0.8, 'outlet' || (g % 200) || '.example', 'en', 'https://outlet.example/news/' || g,
           'Shipments, rail and "shells" ' || g,
           timestamp '2022-01-01' + (g || ' minutes')::interval,
           timestamp '2022-01-01' + (g || ' minutes')::interval,
           '{"relevant":true,"instruments":["UNSCR 1718","UNSCR 1874"],"flags":[]}'::jsonb
         FROM generate_series($1::int, $2::int) g`,
        [from, to],
      );
      process.stdout.write(`\rseeded ${to} claims`);
    }
    await pg.query('ANALYZE claims');
    console.log(`\nseeded ${ROWS} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pg.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** Peak resident memory of a process so far (kB -> MB), from /proc. */
const peakRssMb = (pid: number): number =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  await seed(url);
  useApiKeyDatabase(url);
  const port = await freePort();
  const api = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join('apps', 'api', 'src', 'main.ts'),
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...testAppEnvironment({ DATABASE_URL: url, API_PORT: String(port), LOG_LEVEL: 'warn' }),
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let live = false; !live;) {
      live = await fetch(`${base}/health/live`)
        .then((r) => r.ok)
        .catch(() => false);
      if (!live) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const idleRss = peakRssMb(api.pid as number);
    const started = performance.now();
    const response = await apiFetch(`${base}/v1/exports/claims?format=${FORMAT}`);
    if (response.status !== 200) throw new Error(`export answered ${response.status}`);
    let bytes = 0;
    let lines = 0;
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const byte of value) if (byte === 10) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const rows = FORMAT === 'csv' ? lines - 1 : lines;
    console.log(`export ${FORMAT}: ${rows} rows (${(bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s`);
    console.log(
      `  ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s; ` +
        `api peak RSS ${peakRssMb(api.pid as number).toFixed(0)} MB (after start ${idleRss.toFixed(0)} MB)`,
    );
    if (rows !== ROWS)
      console.log(
        `  WARNING: ${ROWS} claims seeded, ${rows} rows exported (CSV rows with line breaks count double)`,
      );
  } finally {
    api.kill('SIGTERM');
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
