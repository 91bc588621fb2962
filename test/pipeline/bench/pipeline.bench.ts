/**
 * `npm run bench:pipeline [-- --articles 10000 --rate 100 --rate-seconds 30 --queries 300]`
 *
 * Pushes articles through the whole path (ingest API -> extractor -> PostgreSQL -> indexer ->
 * Elasticsearch) and prints:
 * - latency from acceptance (the ingest response) to searchable (its claims in the timeline index),
 *   p50/p95/p99, at a fixed offered rate (default 100 articles/s);
 * - sustained throughput (articles/s) when N articles (default 10,000) are offered at once;
 * - timeline query latency p95 over the indexed claims;
 * - where the latency goes, per stage (the stage trace the messages carry: ingest, relay, extractor,
 *   relay, then searchable as the bench sees it), and CPU ms per article of each process (apps, Kafka,
 *   Elasticsearch, this database's PostgreSQL backends), which the machine's load does not change.
 * The mix cycles through the 45 dev articles (9 languages, read at run time from ../shared), each copy
 * with a sentence of its own and a publication date spread over three years, so copies of a story
 * fall into different periods and clusters grow the way wire copies make them grow.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { testElasticsearchUrl } from '@sitrep/testing';
import { performance } from 'node:perf_hooks';
import { CpuMeter } from '../support/cpu-usage';
import { authHeaders, PipelineHarness, readDevArticles, uniqueBody } from '../support/pipeline.harness';
import { percentile, StageTraceObserver } from '../support/stage-trace.observer';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value =
    at >= 0
      ? Number(process.argv[at + 1])
      : Number(process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const ARTICLES = arg('articles', 10_000);
const RATE = arg('rate', 100);
const RATE_SECONDS = arg('rate-seconds', 30);
const QUERIES = arg('queries', 300);
const BATCH = 100;

/** `BENCH_APP_LOG_LEVEL=debug` shows, in .sitrep/test-logs, each consumer chunk's waits (kafka-consumer.runner). */
const APP_LOG_LEVEL = process.env.BENCH_APP_LOG_LEVEL || 'warn';
const dev = [...readDevArticles('seed.jsonl'), ...readDevArticles('articles.jsonl')];
const harness = new PipelineHarness('bench', {
  extractor: { LOG_LEVEL: APP_LOG_LEVEL },
  indexer: { LOG_LEVEL: APP_LOG_LEVEL },
  ingest: { LOG_LEVEL: APP_LOG_LEVEL },
  api: { LOG_LEVEL: APP_LOG_LEVEL },
});
const host = `bench-${harness.runId}.example`;
const es = new ElasticsearchClient({ node: testElasticsearchUrl() });
const claimsIndex = `${harness.indexPrefix}timeline-claims`;

let sequence = 0;
function nextArticle() {
  sequence += 1;
  const source = dev[sequence % dev.length];
  const day = new Date(Date.UTC(2022, 0, 1) + ((sequence * 7919) % 1095) * 86_400_000);
  return {
    url: `https://${host}/${sequence}`,
    raw: uniqueBody(source.raw, `bench ${harness.runId} ${sequence}`),
    language: source.language ?? undefined,
    published_at: day.toISOString(),
  };
}

interface Accepted {
  id: string;
  /** When ingest answered (ms since the epoch, like the stage trace). */
  acceptedAt: number;
  published: boolean;
}

/** Posts that ingest answered with a 5xx and the bench sent again (the shared machine overloads it at times). */
let retriedPosts = 0;
/** Posts of the fixed-rate phase that failed even after the retries. */
let failedPosts = 0;

async function post(count: number): Promise<Accepted[]> {
  const articles = Array.from({ length: count }, nextArticle);
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(harness.url('ingest', '/v1/articles/batch'), {
      method: 'POST',
      headers: await authHeaders({ 'content-type': 'application/json' }),
      body: JSON.stringify({ articles }),
    });
    const acceptedAt = Date.now();
    if (response.status >= 500 && attempt < 5) {
      retriedPosts += 1;
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      continue;
    }
    if (!response.ok) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { results: Array<{ id: string; published: boolean }> };
    return body.results.map((result) => ({ id: result.id, acceptedAt, published: result.published }));
  }
}

/**
 * Which of these articles have claims in the timeline index (searchable). Asks only for the articles not
 * seen yet, one hit per article (collapse on doc values): a terms aggregation over the whole index
 * rebuilt its global ordinals after every refresh and made the bench a large part of Elasticsearch's CPU.
 */
async function searchable(pending: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < pending.length; i += 5000) {
    const ids = pending.slice(i, i + 5000);
    const response = await es.search<unknown>({
      index: claimsIndex,
      size: ids.length,
      _source: false,
      query: { terms: { article_id: ids } },
      collapse: { field: 'article_id' },
    });
    for (const hit of response.hits.hits) {
      const id = (hit.fields?.article_id as string[] | undefined)?.[0];
      if (id) found.add(id);
    }
  }
  return found;
}

/** Records when each of the articles was first seen searchable. */
async function lookFor(articles: Accepted[], seenAt: Map<string, number>): Promise<void> {
  const pending = articles.filter((a) => !seenAt.has(a.id)).map((a) => a.id);
  if (pending.length === 0) return;
  const found = await searchable(pending).catch(() => new Set<string>());
  const now = Date.now();
  for (const id of found) seenAt.set(id, now);
}

/**
 * Waits until the timeline index holds `expected` claims of this run: one count of a single term (every
 * claim of the run has the run's host as its outlet) every 100 ms. The throughput phase needs only the
 * moment its last article is searchable; polling for each of its thousands of articles (a terms query of
 * up to 5,000 ids with a collapse, 10 times a second) cost Elasticsearch ~70 ms of CPU per poll, which
 * the bench then counted as the pipeline's and took from its two cores.
 */
async function untilIndexed(expected: number, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { count } = await es
      .count({ index: claimsIndex, query: { term: { outlet: host } } })
      .catch(() => ({ count: -1 }));
    if (count >= expected) return;
    if (performance.now() > deadline) throw new Error(`timed out: ${count} of ${expected} claims searchable`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls until every article with claims is searchable; records when each one first was. */
async function track(
  accepted: Accepted[],
  seenAt: Map<string, number>,
  timeoutMs: number,
  withClaims: () => Promise<Set<string>>,
) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    await lookFor(accepted, seenAt);
    const expected = await withClaims();
    if (accepted.every((a) => !expected.has(a.id) || seenAt.has(a.id))) return;
    if (performance.now() > deadline)
      throw new Error(`timed out: ${seenAt.size} searchable of ${expected.size}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const { Client } = await import('pg');
  const { testDatabaseUrl } = await import('@sitrep/testing');
  const pg = new Client({ connectionString: testDatabaseUrl() });
  // prepare() creates and migrates the test database: connect after it (a fresh machine has none yet).
  await harness.prepare();
  await pg.connect();
  /** Articles of the run that the extractor stored with at least one claim. */
  const withClaims = async (): Promise<Set<string>> =>
    new Set(
      (
        await pg.query(`SELECT article_id FROM article_extractions WHERE claim_count > 0 AND url LIKE $1`, [
          `https://${host}/%`,
        ])
      ).rows.map((row: { article_id: string }) => row.article_id),
    );
  /** Claims PostgreSQL holds for the run's articles (every copy's URL is on the run's host). */
  const storedClaims = async (): Promise<number> =>
    Number(
      (await pg.query(`SELECT count(*) AS n FROM claims WHERE url LIKE $1`, [`https://${host}/%`])).rows[0].n,
    );
  const extracted = async (): Promise<number> =>
    Number(
      (
        await pg.query(`SELECT count(*) AS n FROM article_extractions WHERE url LIKE $1`, [
          `https://${host}/%`,
        ])
      ).rows[0].n,
    );

  console.log(`bench:pipeline  run ${harness.runId}  starting apps (ts-node) ...`);
  await harness.startAll(['ingest', 'extractor', 'indexer', 'api']);
  const observer = new StageTraceObserver(harness.topics.claims, `sitrep-bench-trace-${harness.runId}`);
  await observer.start();
  const cpu = new CpuMeter(
    () => ({
      ingest: pidOf('ingest'),
      extractor: pidOf('extractor'),
      indexer: pidOf('indexer'),
      ...CpuMeter.engines(),
      postgres: { postgresDatabase: new URL(testDatabaseUrl()).pathname.slice(1) },
    }),
    pg,
  );
  const seenAt = new Map<string, number>();

  // Warm-up (JIT, consumer group joins, connection pools): not measured.
  const warm = await post(50);
  await waitExtracted(extracted, warm.filter((a) => a.published).length, 300_000);
  await track(warm, seenAt, 300_000, withClaims);

  // Phase 1: latency at a fixed offered rate.
  const rateCpu = await cpu.snapshot();
  const rateAccepted: Accepted[] = [];
  // Searchable is looked for every 100 ms beside the posts (not between them, which would delay them).
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await lookFor(rateAccepted, seenAt);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const perTick = Math.max(1, Math.round(RATE / 10));
  const ticks = RATE_SECONDS * 10;
  const started = performance.now();
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = started + tick * 100;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // Not awaited (a fixed offered rate); a post that still fails is counted, never an unhandled rejection.
    void post(perTick)
      .then((batch) => rateAccepted.push(...batch))
      .catch((error: unknown) => {
        failedPosts += 1;
        console.error(`a post failed: ${error instanceof Error ? error.message : String(error)}`);
      });
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await waitExtracted(extracted, warm.length + rateAccepted.filter((a) => a.published).length, 300_000);
  await track(rateAccepted, seenAt, 300_000, withClaims);
  polling = false;
  await poller;
  const rateCpuPerArticle = CpuMeter.perUnit(rateCpu, await cpu.snapshot(), rateAccepted.length);
  const expectedRate = await withClaims();
  const latencies = rateAccepted
    .filter((a) => expectedRate.has(a.id))
    .map((a) => (seenAt.get(a.id) ?? NaN) - a.acceptedAt);
  const offered = rateAccepted.length / RATE_SECONDS;

  const rateBreakdown = observer.breakdown(
    rateAccepted
      .filter((a) => expectedRate.has(a.id))
      .map((a) => ({ id: a.id, after: [['searchable', seenAt.get(a.id) ?? NaN] as const] })),
  );

  // Phase 2: sustained throughput with N articles offered at once.
  const floodCpu = await cpu.snapshot();
  const floodStart = performance.now();
  const flood: Accepted[] = [];
  for (let sent = 0; sent < ARTICLES; sent += BATCH)
    flood.push(...(await post(Math.min(BATCH, ARTICLES - sent))));
  const postedIn = (performance.now() - floodStart) / 1000;
  await waitExtracted(
    extracted,
    [...warm, ...rateAccepted, ...flood].filter((a) => a.published).length,
    3_600_000,
  );
  await untilIndexed(await storedClaims(), 3_600_000);
  const floodSeconds = (performance.now() - floodStart) / 1000;
  const floodCpuPerArticle = CpuMeter.perUnit(floodCpu, await cpu.snapshot(), flood.length);

  // Phase 3: timeline queries.
  const actors = ['PRK', 'RUS', 'IRN', 'USA', 'UKR', 'CHN', 'KOR', 'BLR', 'SYR', 'UN'];
  const filters = [
    '',
    '&types=arms_transfer',
    '&counterpart=RUS',
    '&sanctions_relevant=true',
    '&min_sources=2',
    '&order=desc&date_field=first_seen',
  ];
  const queryTimes: number[] = [];
  const headers = await authHeaders();
  for (let i = 0; i < QUERIES + 50; i += 1) {
    const url = harness.url(
      'api',
      `/v1/actors/${actors[i % actors.length]}/timeline?limit=50${filters[i % filters.length]}`,
    );
    const t0 = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    // The first 50 warm the API up.
    if (i >= 50) queryTimes.push(performance.now() - t0);
  }
  await es.indices.refresh({ index: claimsIndex });
  const claimCount = (await es.count({ index: claimsIndex })).count;
  const clusterCount = (await es.count({ index: `${harness.indexPrefix}timeline-clusters` })).count;

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log('');
  console.log(
    `latency at ${offered.toFixed(0)} articles/s offered (${rateAccepted.length} articles, ${latencies.length} with claims):`,
  );
  console.log(
    `  acceptance -> searchable  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  p99 ${ms(percentile(latencies, 99))}`,
  );
  for (const line of rateBreakdown) console.log(`  ${line}`);
  console.log(`  CPU ms per article: ${CpuMeter.format(rateCpuPerArticle)}`);
  console.log(
    `throughput: ${flood.length} articles posted in ${postedIn.toFixed(1)} s, all searchable after ${floodSeconds.toFixed(1)} s`,
  );
  console.log(`  sustained ${(flood.length / floodSeconds).toFixed(1)} articles/s end to end`);
  console.log(`  CPU ms per article: ${CpuMeter.format(floodCpuPerArticle)}`);
  console.log(
    `timeline queries: ${QUERIES}  p50 ${ms(percentile(queryTimes, 50))}  p95 ${ms(percentile(queryTimes, 95))}  p99 ${ms(percentile(queryTimes, 99))}`,
  );
  console.log(`indexed: ${claimCount} claims in ${clusterCount} clusters (whole index of this run)`);
  if (failedPosts > 0) console.log(`${failedPosts} batch posts of the fixed-rate phase failed for good`);
  if (retriedPosts > 0)
    console.log(`ingest answered 5xx to ${retriedPosts} batch posts; they were sent again`);

  await observer.stop();
  await pg.end();
  // The run's indices (tens of MB each) would otherwise pile up run after run.
  // (by name: Elasticsearch 8 refuses wildcard deletes).
  const runIndices = Object.keys(await es.indices.get({ index: `${harness.indexPrefix}*` }));
  if (runIndices.length > 0) await es.indices.delete({ index: runIndices });
  await es.close();
  await harness.stopAll();
  await harness.dropTopics();
}

function pidOf(app: 'ingest' | 'extractor' | 'indexer'): { pid: number } | undefined {
  const pid = harness.pid(app);
  return pid === undefined ? undefined : { pid };
}

async function waitExtracted(
  extracted: () => Promise<number>,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while ((await extracted()) < count) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${count} extractions`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await harness.stopAll().catch(() => undefined);
  process.exit(1);
});
