/**
 * `npm run bench:pipeline [-- --articles 10000 --rate 100 --rate-seconds 30 --queries 300]`
 *
 * Pushes articles through the whole path (ingest API -> extractor -> PostgreSQL -> indexer ->
 * Elasticsearch) and prints:
 * - latency from acceptance (the ingest response) to searchable (its claims in the timeline index),
 *   p50/p95/p99, at a fixed offered rate (default 100 articles/s);
 * - sustained throughput (articles/s) when N articles (default 10,000) are offered at once;
 * - timeline query latency p95 over the indexed claims.
 * The mix cycles through the 45 dev articles (9 languages, read at run time from ../shared), each copy
 * with a sentence of its own and a publication date spread over three years, so copies of a story
 * fall into different periods and clusters grow the way wire copies make them grow.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { testElasticsearchUrl } from '@sitrep/testing';
import { performance } from 'node:perf_hooks';
import { authHeaders, PipelineHarness, readDevArticles, uniqueBody } from '../support/pipeline.harness';

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

const dev = [...readDevArticles('seed.jsonl'), ...readDevArticles('articles.jsonl')];
const harness = new PipelineHarness('bench', {
  extractor: { LOG_LEVEL: 'warn' },
  indexer: { LOG_LEVEL: 'warn' },
  ingest: { LOG_LEVEL: 'warn' },
  api: { LOG_LEVEL: 'warn' },
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
    const acceptedAt = performance.now();
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

/** Article ids that have claims in the timeline index (searchable). */
async function searchable(): Promise<Set<string>> {
  const response = await es.search({
    index: claimsIndex,
    size: 0,
    query: { term: { outlet: host } },
    aggs: { articles: { terms: { field: 'article_id', size: 65_000 } } },
  });
  const buckets =
    (response.aggregations?.articles as { buckets: Array<{ key: string }> } | undefined)?.buckets ?? [];
  return new Set(buckets.map((bucket) => bucket.key));
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
    const found = await searchable().catch(() => new Set<string>());
    const now = performance.now();
    for (const id of found) if (!seenAt.has(id)) seenAt.set(id, now);
    const expected = await withClaims();
    if (accepted.every((a) => !expected.has(a.id) || seenAt.has(a.id))) return;
    if (now > deadline) throw new Error(`timed out: ${seenAt.size} searchable of ${expected.size}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main(): Promise<void> {
  const { Client } = await import('pg');
  const { testDatabaseUrl } = await import('@sitrep/testing');
  const pg = new Client({ connectionString: testDatabaseUrl() });
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
  const extracted = async (): Promise<number> =>
    Number(
      (
        await pg.query(`SELECT count(*) AS n FROM article_extractions WHERE url LIKE $1`, [
          `https://${host}/%`,
        ])
      ).rows[0].n,
    );

  console.log(`bench:pipeline  run ${harness.runId}  starting apps (ts-node) ...`);
  await harness.prepare();
  await harness.startAll(['ingest', 'extractor', 'indexer', 'api']);
  const seenAt = new Map<string, number>();

  // Warm-up (JIT, consumer group joins, connection pools): not measured.
  const warm = await post(50);
  await waitExtracted(extracted, warm.filter((a) => a.published).length, 300_000);
  await track(warm, seenAt, 300_000, withClaims);

  // Phase 1: latency at a fixed offered rate.
  const rateAccepted: Accepted[] = [];
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
    if (tick % 5 === 0)
      for (const id of await searchable().catch(() => new Set<string>()))
        if (!seenAt.has(id)) seenAt.set(id, performance.now());
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  await waitExtracted(extracted, warm.length + rateAccepted.filter((a) => a.published).length, 300_000);
  await track(rateAccepted, seenAt, 300_000, withClaims);
  const expectedRate = await withClaims();
  const latencies = rateAccepted
    .filter((a) => expectedRate.has(a.id))
    .map((a) => (seenAt.get(a.id) ?? NaN) - a.acceptedAt);
  const offered = rateAccepted.length / RATE_SECONDS;

  // Phase 2: sustained throughput with N articles offered at once.
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
  await track(flood, seenAt, 3_600_000, withClaims);
  const floodSeconds = (performance.now() - floodStart) / 1000;

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
  console.log(
    `throughput: ${flood.length} articles posted in ${postedIn.toFixed(1)} s, all searchable after ${floodSeconds.toFixed(1)} s`,
  );
  console.log(`  sustained ${(flood.length / floodSeconds).toFixed(1)} articles/s end to end`);
  console.log(
    `timeline queries: ${QUERIES}  p50 ${ms(percentile(queryTimes, 50))}  p95 ${ms(percentile(queryTimes, 95))}  p99 ${ms(percentile(queryTimes, 99))}`,
  );
  console.log(`indexed: ${claimCount} claims in ${clusterCount} clusters (whole index of this run)`);
  if (failedPosts > 0) console.log(`${failedPosts} batch posts of the fixed-rate phase failed for good`);
  if (retriedPosts > 0)
    console.log(`ingest answered 5xx to ${retriedPosts} batch posts; they were sent again`);

  await pg.end();
  await es.close();
  await harness.stopAll();
  await harness.dropTopics();
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
