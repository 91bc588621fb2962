/**
 * Reports and exports against the real engines: the seed and the dev articles go through ingest and the
 * extractor into PostgreSQL, then every figure the API reports is checked against a direct SQL count.
 */
import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { createTestApiKey, testDatabaseUrl, waitUntil } from '@sitrep/testing';
import { PipelineHarness, postJson, readDevArticles, uniqueBody } from '../pipeline/support/pipeline.harness';
import { apiFetch, apiGet } from './support/api-client';
import { StixBundle, stixValidator } from './support/stix-validator';

interface SubmitResponse {
  id: string;
  published: boolean;
}

interface Problem {
  status: number;
  detail: string;
}

interface Dossier {
  actor: { id: string };
  first_seen: string | null;
  last_seen: string | null;
  totals: { claims: number; clusters: number; articles: number };
  counterparts: Array<{
    type: string;
    role: string;
    counterparts: Array<{ actor: string; claims: number; clusters: number; articles: number }>;
  }>;
  months: Array<{ month: string; type: string; clusters: number; claims: number; articles: number }>;
  sanctions: {
    total: number;
    instruments: Array<{ instrument: string; clusters: number }>;
    clusters: Array<{ id: string; instruments: string[] }>;
  };
  claimants: Array<{ key: string; claims: number }>;
  outlets: Array<{ key: string; claims: number; articles: number }>;
  languages: Array<{ key: string; claims: number; articles: number }>;
}

interface Matrix {
  cells: Array<{
    source: string;
    target: string;
    clusters: number;
    articles: number;
    claims: number;
    items: Array<{ item: string; claims: number }>;
  }>;
}

interface Trends {
  buckets: Array<{
    start: string;
    claims: number;
    clusters: number;
    articles: number;
    types: Array<{ type: string; claims: number }>;
  }>;
}

const articles = [...readDevArticles('seed.jsonl'), ...readDevArticles('articles.jsonl')];
/** Claims of PRK (or its agencies and officials) on either side, as the reports count them. */
const PRK_CLAIMS = `superseded_at IS NULL AND 'PRK' IN (source, target, source_country, target_country)`;

describe('reports (e2e)', () => {
  // One export connection: an export that did not give its connection back would block the next one.
  const harness = new PipelineHarness('reports', { api: { EXPORT_MAX_CONCURRENT: '1' } });
  const pg = new Client({ connectionString: testDatabaseUrl() });
  const posted: string[] = [];
  /** Articles ingest failed on (a bug of ingest's, not of the reports): left out, and named in the log. */
  const api = <T>(path: string) => apiGet<T>(harness.url('api', path));
  const text = async (path: string) => {
    const response = await apiFetch(harness.url('api', path));
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: await response.text(),
    };
  };
  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> =>
    (await pg.query(text, params)).rows as T[];

  beforeAll(async () => {
    await pg.connect();
    await harness.prepare();
    await harness.startAll(['ingest', 'extractor', 'api']);
    for (const [index, article] of articles.entries()) {
      const response = await postJson<SubmitResponse>(harness.url('ingest', '/v1/articles'), {
        url: `${article.url}${article.url.includes('?') ? '&' : '?'}run=${harness.runId}`,
        raw: uniqueBody(article.raw, `reports ${harness.runId} ${index}`),
        language: article.language ?? undefined,
        // A dev line may date its article by month only ("2024-04"): ingest takes full dates only.
        published_at:
          article.published_at && /^\d{4}-\d{2}-\d{2}/.test(article.published_at)
            ? article.published_at
            : undefined,
      });
      if (response.status >= 300 || !response.body.published) {
        throw new Error(`ingest refused article ${article.id}: ${JSON.stringify(response.body)}`);
      }
      posted.push(response.body.id);
    }
    expect(posted).toHaveLength(articles.length);
    await waitUntil(
      async () =>
        Number(
          (
            await sql<{ n: string }>(
              `SELECT count(*) AS n FROM article_extractions WHERE article_id = ANY($1)`,
              [posted],
            )
          )[0].n,
        ) === posted.length,
      'every article extracted',
      240_000,
    );
  }, 400_000);

  afterAll(async () => {
    await harness.stopAll();
    await harness.dropTopics();
    await pg.end();
  }, 60_000);

  describe('GET /v1/reports/actors/:id', () => {
    it("should name RUS as PRK's arms_transfer counterpart and UNSCR 1718 among its instruments", async () => {
      const { status, body } = await api<Dossier>('/v1/reports/actors/PRK');
      expect(status).toBe(200);
      const supplied = body.counterparts.find((g) => g.type === 'arms_transfer' && g.role === 'source');
      expect(supplied?.counterparts.map((c) => c.actor)).toContain('RUS');
      expect(body.sanctions.instruments.map((i) => i.instrument)).toContain('UNSCR 1718');
      expect(body.sanctions.clusters.some((c) => c.instruments.includes('UNSCR 1718'))).toBe(true);
    });

    it('should report totals, first and last seen equal to a direct SQL count', async () => {
      const { body } = await api<Dossier>('/v1/reports/actors/PRK');
      const [expected] = await sql<Record<string, string | Date>>(
        `SELECT count(*) AS claims, count(DISTINCT cluster_id) AS clusters, count(DISTINCT article_id) AS articles,
                min(seen_at) AS first_seen, max(seen_at) AS last_seen FROM claims WHERE ${PRK_CLAIMS}`,
      );
      expect(body.totals).toEqual({
        claims: Number(expected.claims),
        clusters: Number(expected.clusters),
        articles: Number(expected.articles),
      });
      expect(body.totals.claims).toBeGreaterThan(0);
      expect(body.first_seen).toBe((expected.first_seen as Date).toISOString());
      expect(body.last_seen).toBe((expected.last_seen as Date).toISOString());
    });

    it('should count the PRK-to-RUS arms transfers like SQL does', async () => {
      const { body } = await api<Dossier>('/v1/reports/actors/PRK');
      const rus = body.counterparts
        .find((g) => g.type === 'arms_transfer' && g.role === 'source')
        ?.counterparts.find((c) => c.actor === 'RUS');
      const [expected] = await sql<Record<string, string>>(
        `SELECT count(*) AS claims, count(DISTINCT cluster_id) AS clusters, count(DISTINCT article_id) AS articles
         FROM claims WHERE superseded_at IS NULL AND type = 'arms_transfer'
           AND 'PRK' IN (source, source_country) AND COALESCE(target_country, target) = 'RUS'`,
      );
      expect(rus).toEqual({
        actor: 'RUS',
        name: expect.any(String),
        claims: Number(expected.claims),
        clusters: Number(expected.clusters),
        articles: Number(expected.articles),
      });
    });

    it('should sum its months, outlets and languages to the totals', async () => {
      const { body } = await api<Dossier>('/v1/reports/actors/PRK');
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      expect(sum(body.months.map((m) => m.claims))).toBe(body.totals.claims);
      expect(sum(body.months.map((m) => m.clusters))).toBe(body.totals.clusters);
      expect(sum(body.languages.map((l) => l.claims))).toBe(
        Number(
          (
            await sql<{ n: string }>(
              `SELECT count(*) AS n FROM claims WHERE ${PRK_CLAIMS} AND language IS NOT NULL`,
            )
          )[0].n,
        ),
      );
      const [top] = await sql<{ outlet: string; n: string }>(
        `SELECT outlet, count(*) AS n FROM claims WHERE ${PRK_CLAIMS} AND outlet IS NOT NULL
         GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 1`,
      );
      expect(body.outlets[0]).toMatchObject({ key: top.outlet, claims: Number(top.n) });
    });

    it('should answer 404 problem+json for an unknown actor', async () => {
      const missing = await api<Problem>('/v1/reports/actors/NOPE');
      expect(missing.status).toBe(404);
      expect(missing.contentType).toContain('application/problem+json');
      expect(missing.body.detail).toContain('NOPE');
    });
  });

  describe('GET /v1/reports/matrix', () => {
    it('should count supplier x recipient clusters and articles like SQL, with their items', async () => {
      const { status, body } = await api<Matrix>('/v1/reports/matrix?type=arms_transfer');
      expect(status).toBe(200);
      const expected = await sql<Record<string, string>>(
        `SELECT cc.source, cc.target, count(DISTINCT cc.id) AS clusters, count(DISTINCT c.article_id) AS articles
         FROM claim_clusters cc JOIN claims c ON c.cluster_id = cc.id AND c.superseded_at IS NULL
         WHERE cc.type = 'arms_transfer' AND cc.source IS NOT NULL AND cc.target IS NOT NULL
         GROUP BY 1, 2`,
      );
      expect(body.cells).toHaveLength(expected.length);
      for (const row of expected) {
        expect(body.cells.find((c) => c.source === row.source && c.target === row.target)).toMatchObject({
          clusters: Number(row.clusters),
          articles: Number(row.articles),
        });
      }
      const irnRus = body.cells.find((c) => c.source === 'IRN' && c.target === 'RUS');
      expect(irnRus?.items.map((i) => i.item)).toContain('drone');
    });

    it('should keep only the events of the months asked for', async () => {
      const all = (await api<Matrix>('/v1/reports/matrix?type=arms_transfer')).body;
      const none = (await api<Matrix>('/v1/reports/matrix?type=arms_transfer&from=1990-01-01&to=1990-12-31'))
        .body;
      expect(all.cells.length).toBeGreaterThan(0);
      expect(none.cells).toEqual([]);
    });

    it('should refuse a missing or unknown type and a reversed range with 400 problem+json', async () => {
      for (const query of [
        '',
        '?type=piracy',
        '?type=arms_transfer&from=2023-01-01&to=2022-01-01',
        '?type=arms_transfer&x=1',
      ]) {
        const response = await api<Problem>(`/v1/reports/matrix${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.contentType).toContain('application/problem+json');
      }
    });
  });

  describe('GET /v1/reports/trends', () => {
    it('should count claims per month of the report date like SQL', async () => {
      const { status, body } = await api<Trends>('/v1/reports/trends?actor=PRK&interval=month');
      expect(status).toBe(200);
      const expected = await sql<{ month: Date; n: string }>(
        `SELECT date_trunc('month', COALESCE(published_at, seen_at), 'UTC') AS month, count(*) AS n
         FROM claims WHERE ${PRK_CLAIMS} GROUP BY 1 ORDER BY 1`,
      );
      const nonEmpty = body.buckets.filter((b) => b.claims > 0);
      expect(nonEmpty.map((b) => [b.start, b.claims])).toEqual(
        expected.map((row) => [row.month.toISOString().slice(0, 10), Number(row.n)]),
      );
      expect(body.buckets.reduce((sum, b) => sum + b.claims, 0)).toBe(
        Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM claims WHERE ${PRK_CLAIMS}`))[0].n),
      );
    });

    it('should start weeks on Monday and split bucket counts by type', async () => {
      const { body } = await api<Trends>(
        '/v1/reports/trends?type=arms_transfer,sanctions_violation&interval=week',
      );
      expect(body.buckets.length).toBeGreaterThan(0);
      for (const bucket of body.buckets) {
        expect(new Date(`${bucket.start}T00:00:00Z`).getUTCDay()).toBe(1);
        expect(bucket.types.reduce((sum, t) => sum + t.claims, 0)).toBe(bucket.claims);
        for (const t of bucket.types) expect(['arms_transfer', 'sanctions_violation']).toContain(t.type);
      }
    });

    it('should refuse a bad interval, actor or date with 400 problem+json', async () => {
      for (const query of ['interval=day', 'actor=%20', 'from=yesterday', 'type=piracy']) {
        const response = await api<Problem>(`/v1/reports/trends?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
        expect(response.contentType).toContain('application/problem+json');
      }
    });
  });

  describe('exports', () => {
    /** A CSV cell as the export writes an NDJSON value. */
    const cell = (value: unknown): string =>
      value === null ? '' : Array.isArray(value) ? value.join('|') : String(value);

    it('should export claims as CSV that parses back to the NDJSON export and the database', async () => {
      const csv = await text('/v1/exports/claims?actor=PRK&format=csv');
      expect(csv.status).toBe(200);
      expect(csv.contentType).toContain('text/csv');
      const ndjson = await text('/v1/exports/claims?actor=PRK&format=ndjson');
      expect(ndjson.contentType).toContain('application/x-ndjson');
      const records = parse(csv.body, { columns: true }) as Array<Record<string, string>>;
      const lines = ndjson.body
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const ids = await sql<{ id: string }>(
        `SELECT id FROM claims WHERE ${PRK_CLAIMS} ORDER BY COALESCE(published_at, seen_at), id`,
      );
      expect(records.map((r) => r.id)).toEqual(ids.map((r) => r.id));
      expect(lines.map((l) => l.id)).toEqual(ids.map((r) => r.id));
      expect(csv.body.split('\n')[0]).toMatch(/^id,article_id,cluster_id,type,source,target,/);
      records.forEach((record, index) => {
        const line = lines[index];
        expect(Object.keys(record)).toEqual(Object.keys(line));
        for (const [key, value] of Object.entries(line))
          expect({ key, value: record[key] }).toEqual({ key, value: cell(value) });
      });
      const [first] = await sql<{ evidence_text: string; items: string[] }>(
        `SELECT evidence_text, items FROM claims WHERE id = $1`,
        [ids[0].id],
      );
      expect(records[0].evidence_text).toBe(first.evidence_text);
      expect(lines[0].items).toEqual(first.items);
    });

    it("should export clusters, and an actor's timeline, as many rows as SQL counts", async () => {
      const all = await text('/v1/exports/clusters?format=ndjson');
      const [{ n }] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM claim_clusters WHERE (summary->>'claim_count')::int > 0`,
      );
      expect(all.body.split('\n').filter(Boolean)).toHaveLength(Number(n));
      const timeline = await text(
        '/v1/exports/actors/PRK/timeline?format=csv&types=arms_transfer&role=source',
      );
      const rows = parse(timeline.body, { columns: true }) as Array<Record<string, string>>;
      const [{ m }] = await sql<{ m: string }>(
        `SELECT count(*) AS m FROM claim_clusters WHERE (summary->>'claim_count')::int > 0
           AND type = 'arms_transfer' AND facets->'source_ids' ? 'PRK'`,
      );
      expect(rows).toHaveLength(Number(m));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.target)).toContain('RUS');
      expect(timeline.contentType).toContain('text/csv');
    });

    it('should export a STIX 2.1 bundle that validates against the schemas', async () => {
      const { status, body, contentType } = await apiGet<StixBundle>(
        harness.url('api', '/v1/exports/stix?actor=PRK'),
      );
      expect(status).toBe(200);
      expect(contentType).toContain('application/stix+json');
      expect(stixValidator()(body)).toEqual([]);
      const identities = body.objects.filter((o) => o.type === 'identity').map((o) => o.x_sitrep_actor_id);
      expect(identities).toEqual(expect.arrayContaining(['PRK', 'RUS']));
      const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM claims WHERE ${PRK_CLAIMS}`);
      expect(body.objects.filter((o) => o.type === 'relationship' || o.type === 'report')).toHaveLength(
        Number(n),
      );
      const arms = body.objects.find(
        (o) => o.type === 'relationship' && o.relationship_type === 'arms-transfer',
      ) as { external_references: Array<{ url: string }>; confidence: number } | undefined;
      expect(arms?.external_references[0].url).toMatch(/^https?:\/\//);
      expect(arms?.confidence).toBeGreaterThan(0);
    });

    it('should refuse bad export parameters with 400 problem+json and an unknown actor with 404', async () => {
      for (const path of [
        '/v1/exports/claims?format=xml',
        '/v1/exports/claims?types=piracy',
        '/v1/exports/clusters?from=last-week',
        '/v1/exports/stix?role=both',
        '/v1/exports/claims?actor=%3Bdrop',
      ]) {
        const response = await text(path);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.contentType).toContain('application/problem+json');
      }
      const missing = await text('/v1/exports/actors/NOPE/timeline');
      expect(missing.status).toBe(404);
      expect(missing.contentType).toContain('application/problem+json');
    });

    it('should answer 401 without a key and 403 with a key lacking the read scope', async () => {
      const ingestOnly = await createTestApiKey(['ingest'], { name: 'reports e2e ingest-only' });
      for (const path of ['/v1/reports/actors/PRK', '/v1/exports/claims', '/v1/exports/stix']) {
        const anonymous = await fetch(harness.url('api', path));
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
        const wrongScope = await fetch(harness.url('api', path), { headers: ingestOnly.headers });
        expect({ path, status: wrongScope.status }).toEqual({ path, status: 403 });
        expect(wrongScope.headers.get('content-type')).toContain('application/problem+json');
      }
    });

    describe('with a large export', () => {
      const SYNTHETIC = 60_000;
      beforeAll(async () => {
        // Replaced (superseded) claims: only `include_superseded=true` exports them, no report counts them.
        await pg.query(
          `INSERT INTO claims (id, article_id, engine_version, ordinal, cluster_id, type, source, target, status,
             modality, evidence_text, evidence_start, evidence_end, confidence, seen_at, sanctions, superseded_at)
           SELECT 'synthetic-' || g, gen_random_uuid(), 'synthetic', 0, 'cl-synthetic', 'arms_transfer', 'PRK', 'RUS',
             'completed', 'asserted', repeat('Synthetic evidence sentence for a large export. ', 20), 0, 10, 0.5,
             now(), '{"relevant":false,"instruments":[],"flags":[]}', now()
           FROM generate_series(1, $1) g`,
          [SYNTHETIC],
        );
      }, 120_000);

      afterAll(async () => {
        await pg.query(`DELETE FROM claims WHERE engine_version = 'synthetic'`);
      });

      it('should give the connection back when the client disconnects mid-stream', async () => {
        const controller = new AbortController();
        const response = await apiFetch(
          harness.url('api', '/v1/exports/claims?format=ndjson&include_superseded=true'),
          {
            signal: controller.signal,
          },
        );
        expect(response.status).toBe(200);
        const reader = (response.body as ReadableStream<Uint8Array>).getReader();
        const first = await reader.read();
        expect(first.done).toBe(false);
        // While it streams, the only export connection is taken: another export is refused, not queued forever.
        const busy = await text('/v1/exports/clusters?format=csv');
        expect(busy.status).toBe(503);
        expect(busy.contentType).toContain('application/problem+json');
        controller.abort();
        await reader.cancel().catch(() => undefined);
        // The cursor was closed and its connection released: the next export gets it.
        await waitUntil(
          async () => (await text('/v1/exports/clusters?format=csv')).status === 200,
          'a free export connection',
          30_000,
        );
        const [{ n }] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'sitrep-api-export' AND state <> 'idle'`,
        );
        expect(Number(n)).toBe(0);
      }, 120_000);

      it('should stream every row of a large export', async () => {
        const response = await apiFetch(
          harness.url('api', '/v1/exports/claims?format=csv&include_superseded=true&types=arms_transfer'),
        );
        const records = parse(await response.text(), { columns: true }) as Array<Record<string, string>>;
        const [{ n }] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM claims WHERE type = 'arms_transfer'`,
        );
        expect(records).toHaveLength(Number(n));
        expect(records.filter((r) => r.id.startsWith('synthetic-'))).toHaveLength(SYNTHETIC);
      }, 120_000);
    });
  });
});
