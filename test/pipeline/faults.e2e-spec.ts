/**
 * Faults: the extractor and the indexer are SIGKILLed in the middle of a stream of articles and
 * restarted; Elasticsearch is stopped for a while. Every article's claims must end up in PostgreSQL and
 * in Elasticsearch exactly once.
 */
import { Client as ElasticsearchClient } from '@elastic/elasticsearch';
import { infraLocal, testDatabaseUrl, testElasticsearchUrl, waitUntil } from '@sitrep/testing';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import {
  PipelineHarness,
  postJson,
  readDevArticles,
  REPO_ROOT,
  uniqueBody,
} from './support/pipeline.harness';

interface SubmitResponse {
  id: string;
  published: boolean;
}

describe('claims pipeline under faults (e2e)', () => {
  const harness = new PipelineHarness('faults', {
    indexer: { INDEXER_INITIAL_BACKOFF_MS: '200', INDEXER_MAX_BACKOFF_MS: '2000' },
  });
  const articles = readDevArticles('articles.jsonl');
  const pg = new Client({ connectionString: testDatabaseUrl() });
  const es = new ElasticsearchClient({ node: testElasticsearchUrl() });
  const claimsIndex = `${harness.indexPrefix}timeline-claims`;
  const posted: string[] = [];
  const clustersIndex = `${harness.indexPrefix}timeline-clusters`;

  async function post(index: number, note: string): Promise<string> {
    const article = articles[index % articles.length];
    const response = await postJson<SubmitResponse>(harness.url('ingest', '/v1/articles'), {
      url: `https://faults-${harness.runId}.example/${note}/${index}`,
      raw: uniqueBody(article.raw, `${harness.runId}-${note}-${index}`),
      language: article.language ?? undefined,
    });
    expect(response.status).toBeLessThan(300);
    if (!response.body.published) throw new Error(`ingest did not publish: ${JSON.stringify(response.body)}`);
    posted.push(response.body.id);
    return response.body.id;
  }

  const extractedCount = async (ids: string[]): Promise<number> =>
    Number(
      (await pg.query(`SELECT count(*) AS n FROM article_extractions WHERE article_id = ANY($1)`, [ids]))
        .rows[0].n,
    );

  /** Claim ids PostgreSQL holds for the articles (all current: one engine version). */
  async function pgClaims(ids: string[]): Promise<string[]> {
    const rows = await pg.query(`SELECT id FROM claims WHERE article_id = ANY($1) ORDER BY id`, [ids]);
    return rows.rows.map((row: { id: string }) => row.id);
  }

  async function esClaims(ids: string[]): Promise<string[]> {
    await es.indices.refresh({ index: claimsIndex });
    const response = await es.search<{ id: string }>({
      index: claimsIndex,
      size: 10_000,
      query: { terms: { article_id: ids } },
      _source: ['id'],
    });
    return response.hits.hits.map((hit) => hit._source?.id ?? '').sort();
  }

  /** Every article extracted once in PostgreSQL, and Elasticsearch holding exactly the same claims. */
  async function expectExactlyOnce(ids: string[]): Promise<void> {
    await waitUntil(
      async () => (await extractedCount(ids)) === ids.length,
      'every article extracted',
      120_000,
    );
    const dupes = await pg.query(
      `SELECT article_id, ordinal, count(*) FROM claims WHERE article_id = ANY($1) GROUP BY 1, 2 HAVING count(*) > 1`,
      [ids],
    );
    expect(dupes.rows).toEqual([]);
    const inPostgres = await pgClaims(ids);
    expect(inPostgres.length).toBeGreaterThan(0);
    await waitUntil(
      async () => (await esClaims(ids)).length === inPostgres.length,
      'Elasticsearch to catch up',
      120_000,
      1000,
    );
    expect(await esClaims(ids)).toEqual(inPostgres);

    // Cluster documents carry the latest PostgreSQL version of each cluster.
    const clusters = await pg.query(
      `SELECT DISTINCT k.id, k.version FROM claim_clusters k JOIN claims c ON c.cluster_id = k.id WHERE c.article_id = ANY($1)`,
      [ids],
    );
    await waitUntil(
      async () => {
        await es.indices.refresh({ index: clustersIndex });
        const found = await es.search<{ id: string; version: number }>({
          index: clustersIndex,
          size: 10_000,
          query: { ids: { values: clusters.rows.map((row: { id: string }) => row.id) } },
          _source: ['id', 'version'],
        });
        const versions = new Map(found.hits.hits.map((hit) => [hit._source?.id, hit._source?.version]));
        return clusters.rows.every(
          (row: { id: string; version: string }) => versions.get(row.id) === Number(row.version),
        );
      },
      'cluster documents at their latest version',
      60_000,
      1000,
    );
  }

  beforeAll(async () => {
    await pg.connect();
    await harness.prepare();
    await harness.startAll(['ingest', 'extractor', 'indexer']);
  }, 240_000);

  afterAll(async () => {
    // Whatever happened, the shared Elasticsearch is running again for the next test.
    infraLocal('up', 'elasticsearch');
    await harness.stopAll();
    await harness.dropTopics();
    await pg.end();
    await es.close();
  }, 300_000);

  it('should keep every article exactly once when the extractor and the indexer are SIGKILLed mid-stream', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) ids.push(await post(i, 'kill'));
    await harness.kill('extractor');
    for (let i = 12; i < 24; i += 1) ids.push(await post(i, 'kill'));
    await harness.kill('indexer');
    await harness.start('extractor');
    for (let i = 24; i < 36; i += 1) ids.push(await post(i, 'kill'));
    await harness.start('indexer');
    for (let i = 36; i < 48; i += 1) ids.push(await post(i, 'kill'));

    await expectExactlyOnce(ids);
  }, 360_000);

  it('should back off while Elasticsearch is stopped and catch up when it returns', async () => {
    infraLocal('down', 'elasticsearch');
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push(await post(i, 'es-down'));
    await waitUntil(
      async () => (await extractedCount(ids)) === ids.length,
      'extraction while ES is down',
      120_000,
    );
    // The indexer keeps running (backing off) instead of crashing or dead-lettering.
    const live = await fetch(harness.url('indexer', '/health/live'));
    expect(live.ok).toBe(true);

    infraLocal('up', 'elasticsearch');
    await expectExactlyOnce(ids);
  }, 420_000);

  it('should rebuild the indices from PostgreSQL with npm run reindex and keep every claim once', async () => {
    const before = await es.indices.getAlias({ name: claimsIndex });
    const result = spawnSync('npm', ['run', '-s', 'reindex'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...harness.env('indexer') },
      encoding: 'utf8',
      timeout: 300_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('reindexed');
    const after = await es.indices.getAlias({ name: claimsIndex });
    expect(Object.keys(after)).not.toEqual(Object.keys(before));
    await expectExactlyOnce(posted);
  }, 360_000);
});
