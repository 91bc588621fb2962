/**
 * `npm run bench:timeline [-- --claims 1000000 --queries 300]`
 *
 * Timeline query latency at scale. Generating a million claims through the engine would take hours on
 * the build machine, so this bench bulk-loads Elasticsearch directly with generated claims (the
 * timeline indices of a fresh index prefix, through the same document mapper and index templates as the
 * indexer) and their clusters (summarised with the extractor's ClusterViewFactory/ClusterViewMerger),
 * then starts the API and prints p50/p95/p99 of `GET /v1/actors/:id/timeline` over the same actors and
 * filter sets as bench:pipeline, plus the same with `as_of`.
 *
 * The mix: 6 claim types, 40 states with a skew towards the usual suspects (PRK, RUS, IRN, CHN, USA...),
 * 3 claims per article, 2,000 outlets, 9 languages, event months over 2014-2024, about a third of the
 * claims sanctions-relevant.
 */
import { Client as ElasticsearchClient, estypes } from '@elastic/elasticsearch';
import {
  ClaimRecord,
  ClusterKeyFactory,
  ClusterView,
  ClusterViewFactory,
  ClusterViewMerger,
} from '@sitrep/domain/clusters';
import { TimelineDocumentMapper } from '@sitrep/search/timeline/timeline-document.mapper';
import { testElasticsearchUrl } from '@sitrep/testing';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { authHeaders, PipelineHarness } from '../support/pipeline.harness';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const CLAIMS = arg('claims', 1_000_000);
const QUERIES = arg('queries', 300);
const CHUNK = 5_000;

const harness = new PipelineHarness('timelinebench', { api: { LOG_LEVEL: 'warn' } });
const es = new ElasticsearchClient({ node: testElasticsearchUrl(), requestTimeout: 120_000 });
const names = {
  claims: `${harness.indexPrefix}timeline-claims`,
  clusters: `${harness.indexPrefix}timeline-clusters`,
};

/** Deterministic pseudo-random numbers (mulberry32), so two runs load the same data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261125);
const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];
/** Skewed pick: earlier values far more often (the usual suspects). */
const pickSkewed = <T>(values: readonly T[]): T => values[Math.floor(rand() ** 2.2 * values.length)];

const STATES = [
  'PRK',
  'RUS',
  'IRN',
  'CHN',
  'USA',
  'UKR',
  'KOR',
  'BLR',
  'SYR',
  'ISR',
  'GBR',
  'FRA',
  'DEU',
  'TUR',
  'JPN',
  'IND',
  'PAK',
  'SAU',
  'ARE',
  'EGY',
  'VEN',
  'CUB',
  'MMR',
  'LBY',
  'YEM',
  'IRQ',
  'AFG',
  'SDN',
  'ERI',
  'ETH',
  'KAZ',
  'UZB',
  'IDN',
  'MYS',
  'VNM',
  'PHL',
  'BRA',
  'ZAF',
  'NGA',
  'POL',
];
const TYPES = [
  'arms_transfer',
  'arms_transfer',
  'arms_transfer',
  'military_cooperation',
  'military_cooperation',
  'sanctions_imposed',
  'sanctions_violation',
  'labor_export',
  'diplomatic_recognition',
] as const;
const ITEMS = [
  ['artillery_shell'],
  ['ballistic_missile'],
  ['drone'],
  ['rocket', 'artillery_shell'],
  ['tank'],
  [],
];
const MODALITIES = ['asserted', 'assessed', 'alleged', 'alleged', 'hypothetical', 'denied'] as const;
const STATUSES = ['completed', 'in_progress', 'planned', 'unknown'] as const;
const LANGUAGES = ['en', 'ru', 'ko', 'id', 'fr', 'de', 'es', 'ar', 'zh'];
const AGENCIES = ['AFP', 'Reuters', 'AP', 'Yonhap', 'TASS', 'IRNA'];
const keys = new ClusterKeyFactory();

function uuidOf(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Claim n of the generated corpus (3 per article). */
function claimOf(n: number): ClaimRecord {
  const articleNo = Math.floor(n / 3);
  const article_id = uuidOf(`article ${articleNo}`);
  const type = pick(TYPES);
  const source = pickSkewed(STATES);
  let target = pickSkewed(STATES);
  if (target === source) target = STATES[(STATES.indexOf(source) + 1) % STATES.length];
  const year = 2014 + Math.floor(rand() * 11);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const event_date = rand() < 0.6 ? `${year}-${month}` : null;
  const seen_at = new Date(Date.UTC(year, Number(month) - 1, 1 + Math.floor(rand() * 27), 12)).toISOString();
  const items = type === 'arms_transfer' ? pick(ITEMS) : [];
  const outlet = `outlet-${Math.floor(rand() ** 1.5 * 2000)}.example`;
  const relevant =
    (source === 'PRK' || target === 'PRK' || source === 'IRN') && type !== 'diplomatic_recognition';
  const claim = {
    claim_id: uuidOf(`claim ${n}`),
    article_id,
    outlet,
    language: pick(LANGUAGES),
    story_id: rand() < 0.2 ? `story-${Math.floor(rand() * 50_000)}` : null,
    seen_at,
    published_at: seen_at,
    type,
    source,
    target,
    status: pick(STATUSES),
    modality: pick(MODALITIES),
    claimant: rand() < 0.5 ? pickSkewed(STATES) : null,
    reported_by: rand() < 0.3 ? [pick(AGENCIES)] : [],
    items,
    quantity: null,
    instrument: null,
    event_date,
    evidence: {
      text: `${source} and ${target}: generated evidence sentence ${n} about ${type.replace('_', ' ')} ${items.join(' ')}.`,
      start: 0,
      end: 80,
    },
    confidence: 0.5 + rand() / 2,
  } satisfies Omit<
    ClaimRecord,
    | 'engine_version'
    | 'ordinal'
    | 'cluster_id'
    | 'source_country'
    | 'target_country'
    | 'url'
    | 'title'
    | 'sanctions'
    | 'recorded_at'
    | 'superseded_at'
    | 'version'
  >;
  return {
    ...claim,
    engine_version: 'bench',
    ordinal: n % 3,
    cluster_id: keys.keyOf(claim).id,
    source_country: source,
    target_country: target,
    url: `https://${outlet}/${articleNo}`,
    title: `Generated article ${articleNo}`,
    sanctions: relevant
      ? { relevant: true, instruments: ['UNSCR 1718'], flags: [] }
      : { relevant: false, instruments: [], flags: [] },
    recorded_at: seen_at,
    superseded_at: null,
    version: 1,
  };
}

async function bulk(operations: estypes.BulkOperationContainer[], documents: unknown[]): Promise<void> {
  const response = await es.bulk({ operations: operations.flatMap((op, i) => [op, documents[i]]) });
  if (response.errors) {
    const failed = response.items.find((item) => Object.values(item)[0]?.error);
    throw new Error(`bulk refused a document: ${JSON.stringify(failed)}`);
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function main(): Promise<void> {
  console.log(`bench:timeline  run ${harness.runId}  ${CLAIMS} claims; starting the API (ts-node) ...`);
  // The API installs the index templates and the aliased indices of this prefix at start.
  await harness.start('api');
  await es.indices.putSettings({ index: Object.values(names), settings: { refresh_interval: '-1' } });

  const factory = new ClusterViewFactory();
  const merger = new ClusterViewMerger();
  const clusters = new Map<string, ClusterView>();
  const loadStart = performance.now();
  let inFlight: Promise<void> = Promise.resolve();
  for (let from = 0; from < CLAIMS; from += CHUNK) {
    const claims = Array.from({ length: Math.min(CHUNK, CLAIMS - from) }, (_, i) => claimOf(from + i));
    const byCluster = new Map<string, ClaimRecord[]>();
    for (const claim of claims)
      byCluster.set(claim.cluster_id, [...(byCluster.get(claim.cluster_id) ?? []), claim]);
    for (const [id, members] of byCluster) {
      const known = clusters.get(id);
      clusters.set(id, known ? merger.merge(known, members) : factory.build(members)!);
    }
    await inFlight;
    inFlight = bulk(
      claims.map((claim) => ({ index: { _index: names.claims, _id: claim.claim_id } })),
      claims.map((claim) => TimelineDocumentMapper.claim(claim)),
    );
    if ((from / CHUNK) % 20 === 0)
      console.log(
        `  ${from + claims.length} claims, ${clusters.size} clusters, ${((performance.now() - loadStart) / 1000).toFixed(0)} s`,
      );
  }
  await inFlight;
  const views = [...clusters.values()];
  for (let i = 0; i < views.length; i += 2_000) {
    const chunk = views.slice(i, i + 2_000);
    await bulk(
      chunk.map((view) => ({ index: { _index: names.clusters, _id: view.summary.id } })),
      chunk.map((view) =>
        TimelineDocumentMapper.cluster({ ...view, version: 1, updated_at: view.summary.last_seen }),
      ),
    );
  }
  await es.indices.putSettings({ index: Object.values(names), settings: { refresh_interval: '200ms' } });
  await es.indices.refresh({ index: Object.values(names) });
  await es.indices.forcemerge({ index: Object.values(names), max_num_segments: 1 }).catch(() => undefined);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  const claimCount = (await es.count({ index: names.claims })).count;
  const clusterCount = (await es.count({ index: names.clusters })).count;

  const actors = ['PRK', 'RUS', 'IRN', 'USA', 'UKR', 'CHN', 'KOR', 'BLR', 'SYR', 'UN'];
  const filters = [
    '',
    '&types=arms_transfer',
    '&counterpart=RUS',
    '&sanctions_relevant=true',
    '&min_sources=2',
    '&order=desc&date_field=first_seen',
  ];
  async function measure(extra: string): Promise<number[]> {
    const times: number[] = [];
    const headers = await authHeaders();
    for (let i = 0; i < QUERIES + 50; i += 1) {
      const url = harness.url(
        'api',
        `/v1/actors/${actors[i % actors.length]}/timeline?limit=50${filters[i % filters.length]}${extra}`,
      );
      const t0 = performance.now();
      const response = await fetch(url, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      // The first 50 warm the API and the engine's caches up.
      if (i >= 50) times.push(performance.now() - t0);
    }
    return times;
  }
  const plain = await measure('');
  const asOf = await measure('&as_of=2020-06-01T00:00:00Z');

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const line = (label: string, times: number[]) =>
    console.log(
      `${label}: ${times.length}  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  p99 ${ms(percentile(times, 99))}`,
    );
  console.log('');
  console.log(
    `indexed: ${claimCount} claims in ${clusterCount} clusters (bulk-loaded in ${loadSeconds.toFixed(0)} s)`,
  );
  line('timeline queries (limit 50, 10 actors x 6 filter sets)', plain);
  line('same with as_of', asOf);

  // Wildcard deletes are refused by default: delete the concrete indices behind the aliases.
  const concrete = Object.keys(await es.indices.get({ index: Object.values(names) }));
  await es.indices.delete({ index: concrete }).catch(() => undefined);
  await es.close();
  await harness.stopAll();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await harness.stopAll().catch(() => undefined);
  process.exit(1);
});
