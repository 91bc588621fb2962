/**
 * `npm run bench:timeline [-- --claims 1000000 --queries 200 --reuse --only as_of --skip as_of]`
 *
 * Timeline query latency at scale. Generating a million claims through the engine would take hours on
 * the build machine, so this bench bulk-loads Elasticsearch directly with generated claims (the
 * timeline indices, through the same document mapper and index templates as the indexer) and their
 * clusters (summarised with the extractor's ClusterViewFactory/ClusterViewMerger), then starts the API
 * and prints p50/p95/p99 of `GET /v1/actors/:id/timeline` per query shape (plain, counterpart, type,
 * sanctions only, minimum sources, date range, language, free text, as_of, a page deep behind a cursor).
 * The as_of shapes at one fixed moment repeat their requests, so Elasticsearch answers their requests
 * without hits (the changed clusters' ids and keys) from its shard request cache, as for the pages of
 * one view; the shapes with a new moment each time (a second apart) show an analyst's first look.
 * The timeline's read path is Elasticsearch alone, so PostgreSQL is not loaded.
 *
 * `--reuse` keeps the loaded indices under a fixed prefix (`sitrep-bench-timeline-`) and loads them
 * only when they do not hold `--claims` claims yet, so later runs only query; without it every run
 * loads fresh indices of its own and deletes them at the end.
 *
 * The mix: 6 claim types, 40 states with a skew towards the usual suspects (PRK, RUS, IRN, CHN, USA...),
 * 3 claims per article, 2,000 outlets, 9 languages, events over 2014-2024; about half the claims report
 * an event already reported (other outlets, days to weeks later), so clusters grow several claims and
 * some span the `as_of` moment; about a third of the claims are sanctions-relevant.
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
import { seededRandom, testElasticsearchUrl, UNSCR_1718_RECORD } from '@sitrep/testing';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { authHeaders, PipelineHarness } from '../support/pipeline.harness';

const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : Number(process.env[`BENCH_${name.toUpperCase()}`]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const CLAIMS = arg('claims', 1_000_000);
const QUERIES = arg('queries', 200);
const REUSE = process.argv.includes('--reuse') || process.env.BENCH_REUSE === 'true';
/** `--only as_of` / `--skip as_of`: time only (or all but) the shapes whose label contains this text. */
const textArg = (name: string) =>
  process.argv.includes(`--${name}`) ? process.argv[process.argv.indexOf(`--${name}`) + 1] : null;
const ONLY = textArg('only') ?? '';
const SKIP = textArg('skip');
const CHUNK = 5_000;
/** The moment of the `as_of` shape: mid-month, so some clusters of that month span it. */
const AS_OF = '2020-06-15T12:00:00.000Z';

const REUSE_PREFIX = 'sitrep-bench-timeline-';
const harness = new PipelineHarness('timelinebench', {
  api: { LOG_LEVEL: 'warn', ...(REUSE ? { ELASTICSEARCH_INDEX_PREFIX: REUSE_PREFIX } : {}) },
});
const es = new ElasticsearchClient({ node: testElasticsearchUrl(), requestTimeout: 600_000 });
const prefix = REUSE ? REUSE_PREFIX : harness.indexPrefix;
const names = {
  claims: `${prefix}timeline-claims`,
  clusters: `${prefix}timeline-clusters`,
};

const rand = seededRandom(20261125);
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

/** An event reported by one or more claims. */
interface GeneratedEvent {
  type: (typeof TYPES)[number];
  source: string;
  target: string;
  items: string[];
  event_date: string | null;
  /** When the first report was seen (ms). */
  first: number;
}

const DAY = 86_400_000;
/** Events recently reported: half the claims report one of these again. */
const recent: GeneratedEvent[] = [];

function eventFor(): { event: GeneratedEvent; seen: number } {
  if (recent.length > 0 && rand() < 0.5) {
    const event = recent[Math.floor(rand() * recent.length)];
    // Later reports: days to weeks after the first (exponential, capped at 90 days).
    return { event, seen: event.first + Math.min(90, -Math.log(1 - rand()) * 10) * DAY };
  }
  const type = pick(TYPES);
  const source = pickSkewed(STATES);
  let target = pickSkewed(STATES);
  if (target === source) target = STATES[(STATES.indexOf(source) + 1) % STATES.length];
  const year = 2014 + Math.floor(rand() * 11);
  const month = 1 + Math.floor(rand() * 12);
  const first = Date.UTC(year, month - 1, 1 + Math.floor(rand() * 27), Math.floor(rand() * 24));
  const event: GeneratedEvent = {
    type,
    source,
    target,
    items: type === 'arms_transfer' ? pick(ITEMS) : [],
    event_date: rand() < 0.6 ? `${year}-${String(month).padStart(2, '0')}` : null,
    first,
  };
  if (recent.length < 5_000) recent.push(event);
  else recent[Math.floor(rand() * recent.length)] = event;
  return { event, seen: first };
}

/** Claim n of the generated corpus (3 per article). */
function claimOf(n: number): ClaimRecord {
  const articleNo = Math.floor(n / 3);
  const article_id = uuidOf(`article ${articleNo}`);
  const { event, seen } = eventFor();
  const { type, source, target, items, event_date } = event;
  const seen_at = new Date(seen).toISOString();
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
    sanctions: relevant ? UNSCR_1718_RECORD : { relevant: false, instruments: [], flags: [] },
    // Extraction takes a moment after acceptance.
    recorded_at: new Date(seen + 30_000).toISOString(),
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

/** Bulk-loads CLAIMS generated claims and their clusters into the (empty) indices. */
async function load(): Promise<number> {
  await es.indices.putSettings({ index: Object.values(names), settings: { refresh_interval: '-1' } });
  const factory = new ClusterViewFactory();
  const merger = new ClusterViewMerger();
  const clusters = new Map<string, { view: ClusterView; from: string; to: string }>();
  const loadStart = performance.now();
  let inFlight: Promise<void> = Promise.resolve();
  for (let from = 0; from < CLAIMS; from += CHUNK) {
    const claims = Array.from({ length: Math.min(CHUNK, CLAIMS - from) }, (_, i) => claimOf(from + i));
    const byCluster = new Map<string, ClaimRecord[]>();
    for (const claim of claims) {
      const members = byCluster.get(claim.cluster_id);
      if (members) members.push(claim);
      else byCluster.set(claim.cluster_id, [claim]);
    }
    for (const [id, members] of byCluster) {
      const known = clusters.get(id);
      const times = members.map((member) => member.recorded_at).sort();
      if (known) {
        known.view = merger.merge(known.view, members);
        if (times[0] < known.from) known.from = times[0];
        if (times[times.length - 1] > known.to) known.to = times[times.length - 1];
      } else clusters.set(id, { view: factory.build(members)!, from: times[0], to: times[times.length - 1] });
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
      chunk.map(({ view }) => ({ index: { _index: names.clusters, _id: view.summary.id } })),
      chunk.map(({ view, from, to }) =>
        TimelineDocumentMapper.cluster({
          ...view,
          version: 1,
          updated_at: to,
          recorded_from: from,
          changed_at: to,
        }),
      ),
    );
  }
  await es.indices.putSettings({ index: Object.values(names), settings: { refresh_interval: '200ms' } });
  await es.indices.refresh({ index: Object.values(names) });
  console.log(`  force-merging ...`);
  await es.indices.forcemerge({ index: Object.values(names), max_num_segments: 1 }).catch(() => undefined);
  return (performance.now() - loadStart) / 1000;
}

/** A query shape: the extra query string per actor, and how many pages deep the timed request is. */
interface Shape {
  label: string;
  /** The extra query string for the i-th timed request of an actor. */
  extra: (actor: string, i: number) => string;
  depth?: number;
}

/**
 * A moment a second apart per request, within the day after AS_OF, from a random start per run: about
 * the same changed clusters, but requests that Elasticsearch cannot answer from its shard request
 * cache (an analyst's first look at a moment, not a page of it), in this run and in any other run over
 * the same `--reuse` indices (with moments fixed per request, the runs after the first could find the
 * answers of the first in the cache).
 */
const FRESH_FROM = Date.parse(AS_OF) + Math.floor(Math.random() * 86_400) * 1000;
const freshAsOf = (i: number) => new Date(FRESH_FROM + (i + 1) * 1000).toISOString();

const COUNTERPART: Record<string, string> = { PRK: 'RUS', RUS: 'IRN', IRN: 'RUS', USA: 'CHN', CHN: 'RUS' };
const SHAPES: Shape[] = [
  { label: 'plain', extra: () => '' },
  { label: 'plain, newest first by first seen', extra: () => '&order=desc&date_field=first_seen' },
  { label: 'counterpart', extra: (actor) => `&counterpart=${COUNTERPART[actor] ?? 'RUS'}` },
  { label: 'types=arms_transfer', extra: () => '&types=arms_transfer' },
  { label: 'sanctions_relevant', extra: () => '&sanctions_relevant=true' },
  { label: 'min_sources=2', extra: () => '&min_sources=2' },
  { label: 'date range 2019-2021', extra: () => '&from=2019-01-01&to=2021-12-31' },
  { label: 'language=ru', extra: () => '&language=ru' },
  { label: 'free text q=drone', extra: () => '&q=drone' },
  { label: 'as_of', extra: () => `&as_of=${AS_OF}` },
  {
    label: 'as_of + counterpart + types',
    extra: (actor) => `&as_of=${AS_OF}&counterpart=${COUNTERPART[actor] ?? 'RUS'}&types=arms_transfer`,
  },
  { label: 'as_of + min_sources=2, desc', extra: () => `&as_of=${AS_OF}&min_sources=2&order=desc` },
  { label: 'as_of, a new moment each time', extra: (_, i) => `&as_of=${freshAsOf(i)}` },
  {
    label: 'as_of + min_sources=2, desc, new moment',
    extra: (_, i) => `&as_of=${freshAsOf(i)}&min_sources=2&order=desc`,
  },
  { label: 'page 20 behind a cursor', extra: () => '', depth: 20 },
  { label: 'as_of page 20 behind a cursor', extra: () => `&as_of=${AS_OF}`, depth: 20 },
];
const ACTORS = ['PRK', 'RUS', 'IRN', 'USA', 'UKR', 'CHN', 'KOR', 'BLR', 'SYR', 'VEN'];

async function main(): Promise<void> {
  console.log(
    `bench:timeline  run ${harness.runId}  ${CLAIMS} claims${REUSE ? ` (reusing ${prefix}*)` : ''}; starting the API (ts-node) ...`,
  );
  // The API installs the index templates and the aliased indices of this prefix at start.
  await harness.start('api');
  const counted = (await es.count({ index: names.claims })).count;
  let loadSeconds: number | null = null;
  if (!REUSE || counted !== CLAIMS) {
    if (counted > 0) {
      // Another size was loaded before: start from empty indices of this prefix.
      console.log(`  ${counted} claims indexed, ${CLAIMS} wanted: emptying the indices first`);
      await es.deleteByQuery({ index: Object.values(names), query: { match_all: {} }, refresh: true });
    }
    loadSeconds = await load();
  }
  const claimCount = (await es.count({ index: names.claims })).count;
  const clusterCount = (await es.count({ index: names.clusters })).count;
  console.log('');
  console.log(
    `indexed: ${claimCount} claims in ${clusterCount} clusters (${loadSeconds === null ? 'reused' : `bulk-loaded in ${loadSeconds.toFixed(0)} s`})`,
  );

  const headers = await authHeaders();
  const get = async (path: string) => {
    const url = harness.url('api', path);
    const response = await fetch(url, { headers });
    const body = (await response.json()) as { next_cursor: string | null; total: number };
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const pathOf = (actor: string, shape: Shape, i: number, cursor?: string | null) =>
    `/v1/actors/${actor}/timeline?limit=50${shape.extra(actor, i)}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(8);
  console.log(
    `timeline queries, limit 50, over ${ACTORS.join(' ')}; ${QUERIES} timed per shape after 20 warm-up`,
  );
  const shapes = SHAPES.filter(
    ({ label }) => label.includes(ONLY) && (SKIP === null || !label.includes(SKIP)),
  );
  for (const shape of shapes) {
    // Cursors of the deep page per actor (not timed).
    const cursors = new Map<string, string | null>();
    if (shape.depth)
      for (const actor of ACTORS) {
        let cursor: string | null = null;
        for (let page = 1; page < shape.depth; page += 1) {
          cursor = (await get(pathOf(actor, shape, 0, cursor))).next_cursor;
          if (!cursor) break;
        }
        cursors.set(actor, cursor);
      }
    const times: number[] = [];
    let totals = 0;
    for (let i = 0; i < QUERIES + 20; i += 1) {
      const actor = ACTORS[i % ACTORS.length];
      const t0 = performance.now();
      const body = await get(pathOf(actor, shape, i, cursors.get(actor)));
      if (i >= 20) {
        times.push(performance.now() - t0);
        totals += body.total;
      }
    }
    console.log(
      `  ${shape.label.padEnd(40)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  p99 ${ms(percentile(times, 99))}   (mean total ${Math.round(totals / times.length)})`,
    );
  }

  if (!REUSE) {
    // Wildcard deletes are refused by default: delete the concrete indices behind the aliases.
    const concrete = Object.keys(await es.indices.get({ index: Object.values(names) }));
    await es.indices.delete({ index: concrete }).catch(() => undefined);
  }
  await es.close();
  await harness.stopAll();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  await harness.stopAll().catch(() => undefined);
  process.exit(1);
});
