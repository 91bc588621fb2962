/**
 * The whole claims path against the real engines: ingest API -> articles.ingested -> extractor ->
 * PostgreSQL + outbox -> claims.extracted -> indexer -> Elasticsearch -> timeline API.
 */
import { waitUntil } from '@sitrep/testing';
import { getJson, PipelineHarness, postJson, readDevArticles } from './support/pipeline.harness';

interface TimelineItem {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  event_date_from: string | null;
  items: string[];
  outlet_count: number;
  article_count: number;
  independent_source_count: number;
  evidence: string[];
  sanctions: { relevant: boolean; instruments: string[] };
}

interface TimelinePage {
  items: TimelineItem[];
  next_cursor: string | null;
  total: number;
}

interface SubmitResponse {
  id: string;
  story_id: string;
  dedup: string;
  published: boolean;
}

const [seed] = readDevArticles('seed.jsonl');
const goldArms = seed.gold.claims.find(
  (c) => c.type === 'arms_transfer' && c.source === 'PRK' && c.target === 'RUS',
);

describe('claims pipeline (e2e)', () => {
  const harness = new PipelineHarness('e2e');
  /**
   * The seed with a sentence of this run inside its body: ingest does not publish an identical body twice
   * (an exact copy of an earlier run's), and page furniture does not count because ingest hashes the cleaned body.
   */
  const variant = (note: string, furniture: string[] = []): string => {
    const lines = seed.raw.split('\n');
    const at = lines.findIndex((line) => line.length > 150);
    const sentence = `Catatan redaksi ${note}: laporan ini dimuat ulang tanpa perubahan isi berita untuk run ${harness.runId}.`;
    return [...furniture, ...lines.slice(0, at + 1), sentence, ...lines.slice(at + 1)].join('\n');
  };

  let beforeSecondOutlet: { at: string; outletCount: number } | null = null;

  const timeline = (actor: string, query = '') =>
    getJson<TimelinePage>(harness.url('api', `/v1/actors/${actor}/timeline?limit=100${query}`));

  const prkArms = async (): Promise<TimelineItem | undefined> =>
    (await timeline('PRK', '&types=arms_transfer&role=source&counterpart=RUS')).body.items.find((item) =>
      item.evidence.some((sentence) => goldArms && sentence.includes(goldArms.evidence.slice(0, 60))),
    );

  beforeAll(async () => {
    await harness.prepare();
    await harness.startAll(['ingest', 'extractor', 'indexer', 'api']);
    const posted = await postJson<SubmitResponse>(harness.url('ingest', '/v1/articles'), {
      url: `https://rmol.id/e2e-${harness.runId}`,
      raw: variant('pertama'),
      language: seed.language ?? undefined,
    });
    expect(posted.status).toBeLessThan(300);
    expect(posted.body.published).toBe(true);
  }, 240_000);

  afterAll(async () => {
    await harness.stopAll();
    await harness.dropTopics();
  }, 60_000);

  it('should show the PRK-to-RUS arms transfer with its evidence sentence, flagged under UNSCR 1718', async () => {
    expect(goldArms).toBeDefined();
    await waitUntil(
      async () => (await prkArms()) !== undefined,
      'the PRK arms transfer on the timeline',
      30_000,
    );
    const item = await prkArms();
    expect(item).toMatchObject({ type: 'arms_transfer', source: 'PRK', target: 'RUS' });
    expect(item?.sanctions.relevant).toBe(true);
    expect(item?.sanctions.instruments).toContain('UNSCR 1718');
  }, 60_000);

  it('should show the Iranian drones of August 2022 on the RUS timeline with counterpart IRN', async () => {
    const drones = async () =>
      (await timeline('RUS', '&counterpart=IRN&types=arms_transfer')).body.items.find(
        (item) => item.source === 'IRN' && item.target === 'RUS' && item.items.includes('drone'),
      );
    await waitUntil(async () => (await drones()) !== undefined, 'Iranian drones on the RUS timeline', 30_000);
    // The event month comes from the extraction engine ("pada Agustus" in an article of September 2022).
    expect((await drones())?.event_date_from).toBe('2022-08');
  }, 60_000);

  it("should grow the cluster's outlet count instead of adding a row when a second outlet posts the story", async () => {
    await waitUntil(
      async () => (await prkArms()) !== undefined,
      'the PRK arms transfer on the timeline',
      30_000,
    );
    const before = (await prkArms()) as TimelineItem;
    const rowsBefore = (await timeline('PRK')).body.total;
    beforeSecondOutlet = { at: new Date().toISOString(), outletCount: before.outlet_count };

    // Another outlet's copy: other page furniture around the same story, under another host.
    const copy = variant('kedua', ['Beranda', 'Internasional', 'Terpopuler']);
    const posted = await postJson<SubmitResponse>(harness.url('ingest', '/v1/articles'), {
      url: `https://second-outlet-${harness.runId}.example/berita/korut-rusia`,
      raw: copy,
      language: seed.language ?? undefined,
    });
    expect(posted.body.published).toBe(true);

    await waitUntil(
      async () => ((await prkArms())?.outlet_count ?? 0) > before.outlet_count,
      'the outlet count to grow',
      30_000,
    );
    const after = (await prkArms()) as TimelineItem;
    expect(after.id).toBe(before.id);
    expect(after.outlet_count).toBe(before.outlet_count + 1);
    expect(after.article_count).toBe(before.article_count + 1);
    expect((await timeline('PRK')).body.total).toBe(rowsBefore);
    if (posted.body.dedup === 'near_duplicate') {
      // A copy of the same story (same story_id) is not an independent source.
      expect(after.independent_source_count).toBe(before.independent_source_count);
    }
  }, 90_000);

  it('should expand a cluster to its claims, evidence and article links', async () => {
    const item = (await prkArms()) as TimelineItem;
    const detail = await getJson<{
      claims: Array<{ evidence: { text: string; start: number; end: number }; article: { url: string } }>;
    }>(harness.url('api', `/v1/clusters/${item.id}`));
    expect(detail.status).toBe(200);
    expect(detail.body.claims.length).toBeGreaterThan(0);
    expect(detail.body.claims[0].evidence.end).toBeGreaterThan(detail.body.claims[0].evidence.start);
    expect(detail.body.claims.map((claim) => claim.article.url)).toContain(
      `https://rmol.id/e2e-${harness.runId}`,
    );
  });

  it('should find an actor by an alias in another language and 404 an unknown one as problem+json', async () => {
    const found = await getJson<{ items: Array<{ id: string }> }>(
      harness.url('api', '/v1/actors?q=Korea%20Utara'),
    );
    expect(found.body.items.map((actor) => actor.id)).toContain('PRK');
    const missing = await getJson<{ status: number }>(harness.url('api', '/v1/actors/NOPE/timeline'));
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
    const invalid = await getJson<{ status: number }>(
      harness.url('api', '/v1/actors/PRK/timeline?min_sources=0'),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.contentType).toContain('application/problem+json');
  });

  it('should reproduce the timeline as it was before the second outlet posted (as_of)', async () => {
    expect(beforeSecondOutlet).not.toBeNull();
    const { at, outletCount } = beforeSecondOutlet as { at: string; outletCount: number };
    const then = await timeline(
      'PRK',
      `&types=arms_transfer&role=source&counterpart=RUS&as_of=${encodeURIComponent(at)}`,
    );
    const current = (await prkArms()) as TimelineItem;
    const item = then.body.items.find((entry) => entry.id === current.id);
    expect(item?.outlet_count).toBe(outletCount);
    const beforeAnything = await timeline('PRK', '&as_of=2000-01-01T00:00:00Z');
    expect(beforeAnything.body.total).toBe(0);
  });

  it('should serve the OpenAPI document', async () => {
    const docs = await getJson<{ paths: Record<string, unknown> }>(harness.url('api', '/v1/openapi.json'));
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/actors/{id}/timeline', '/v1/clusters/{id}']),
    );
  });
});
