import { Client } from '@elastic/elasticsearch';
import { ClaimRecord, ClusterKeyFactory, ClusterViewFactory } from '@sitrep/domain/clusters';
import {
  SearchIndexInstaller,
  sitrepIndexDefinitions,
} from '@sitrep/search/elasticsearch/search-index.installer';
import { TimelineDocumentMapper } from '@sitrep/search/timeline/timeline-document.mapper';
import { TimelineQueryBuilder } from '@sitrep/search/timeline/timeline-query.builder';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { TimelineSearchRepository } from '@sitrep/search/timeline/timeline.search-repository';
import type { ClusterDocument } from '@sitrep/search/timeline/timeline.documents';
import type { SortOrder, TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import {
  quietNestLogs,
  seededRandom,
  testElasticsearchUrl,
  testRunId,
  UNSCR_1718_RECORD,
} from '@sitrep/testing';
import { randomBytes } from 'node:crypto';
import { ActorDirectory } from '../../actor.directory';
import type { TimelineItemDto } from '../../dto/timeline.response.dto';
import { timelineItemOf } from '../../timeline.views';
import { GetActorTimelineHandler } from './get-actor-timeline.handler';
import { GetActorTimelineQuery } from './get-actor-timeline.query';

const AS_OF = '2022-06-15T00:00:00.000Z';
const DAY = 86_400_000;

/**
 * PRK's claims over 3,200 events: most clusters got claims before `AS_OF` and after it (some claims
 * known then were replaced after it), some did not change since, some did not exist yet. Well over
 * 2,000 clusters changed after `AS_OF`, the cap an `as_of` read had before.
 */
function generate(): ClaimRecord[] {
  const rand = seededRandom(5);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rand() * values.length)];
  const asOf = Date.parse(AS_OF);
  const types = ['arms_transfer', 'military_cooperation', 'labor_export'] as const;
  const targets = ['RUS', 'IRN', 'CHN', 'SYR', 'BLR', 'CUB', 'VEN', 'MMR', 'LBY', 'SDN'];
  const words = ['shells', 'drones', 'rockets', 'workers'];
  const claims: ClaimRecord[] = [];
  let n = 0;
  const claim = (event: number, recorded: number, overrides: Partial<ClaimRecord> = {}): ClaimRecord => {
    n += 1;
    const type = types[event % 3];
    const target = targets[Math.floor(event / 3) % 10];
    const month = Math.floor(event / 30) % 300;
    const yearMonth = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    const seen = new Date(recorded - 30_000).toISOString();
    return {
      claim_id: `claim-${String(n).padStart(6, '0')}`,
      article_id: `article-${Math.floor(rand() * 6_000)}`,
      outlet: `outlet-${Math.floor(rand() * 12)}.example`,
      language: pick(['en', 'ko', 'ru']),
      story_id: rand() < 0.2 ? `story-${Math.floor(rand() * 20)}` : null,
      seen_at: seen,
      published_at: seen,
      type,
      source: 'PRK',
      target,
      status: pick(['completed', 'in_progress', 'planned', 'unknown'] as const),
      modality: pick(['asserted', 'assessed', 'alleged', 'denied'] as const),
      claimant: rand() < 0.5 ? 'USA' : null,
      reported_by: rand() < 0.2 ? [pick(['AFP', 'Reuters'])] : [],
      items: type === 'arms_transfer' ? ['artillery_shell'] : [],
      quantity: null,
      instrument: null,
      event_date:
        rand() < 0.5 ? yearMonth : `${yearMonth}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      evidence: { text: `PRK sent ${pick(words)} to its partner.`, start: 0, end: 30 },
      confidence: 0.8,
      engine_version: '1.0.0',
      ordinal: 0,
      cluster_id: '',
      source_country: 'PRK',
      target_country: target,
      url: null,
      title: null,
      sanctions: rand() < 0.3 ? UNSCR_1718_RECORD : { relevant: false, instruments: [], flags: [] },
      recorded_at: new Date(recorded).toISOString(),
      superseded_at: null,
      version: 1,
      ...overrides,
    };
  };
  const before = () => asOf - (1 + rand() * 400) * DAY;
  const after = () => asOf + (1 + rand() * 200) * DAY;
  for (let event = 0; event < 3_200; event += 1) {
    const kind = event % 10;
    if (kind === 8) {
      // Not known yet at AS_OF.
      claims.push(claim(event, after()));
      continue;
    }
    const known = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => claim(event, before()));
    claims.push(...known);
    if (kind === 7) continue; // unchanged since
    if (rand() < 0.4) {
      // A newer engine replaced one claim known then.
      const replaced = known[0];
      const at = after();
      replaced.superseded_at = new Date(at).toISOString();
      claims.push(claim(event, at, { article_id: replaced.article_id, outlet: replaced.outlet }));
    }
    for (let i = Math.floor(rand() * 3); i > 0; i -= 1) claims.push(claim(event, after()));
  }
  const keys = new ClusterKeyFactory();
  return claims.map((record) => ({ ...record, cluster_id: keys.keyOf(record).id }));
}

describe(`${GetActorTimelineHandler.name} (as_of over Elasticsearch)`, () => {
  const client = new Client({ node: testElasticsearchUrl() });
  const prefix = `sitrep-test-${testRunId()}-${randomBytes(3).toString('hex')}-`;
  const definitions = sitrepIndexDefinitions(prefix);
  const installer = new SearchIndexInstaller(client);
  const indices = new TimelineSearchRepository(client, { indexPrefix: prefix });
  const sut = new GetActorTimelineHandler(
    new ActorDirectory(),
    new TimelineReadSearchRepository(client, indices),
  );
  const queries = new TimelineQueryBuilder();
  const views = new ClusterViewFactory();
  const claims = generate();
  quietNestLogs();

  /** Each cluster as it was at AS_OF, regrouped from every claim known then (what as_of promises). */
  const reference = (() => {
    const byCluster = new Map<string, ClaimRecord[]>();
    for (const claim of claims) {
      if (claim.recorded_at > AS_OF || (claim.superseded_at && claim.superseded_at <= AS_OF)) continue;
      byCluster.set(claim.cluster_id, [...(byCluster.get(claim.cluster_id) ?? []), claim]);
    }
    return [...byCluster.values()].map((members) =>
      TimelineDocumentMapper.cluster({ ...views.build(members)!, version: 0, updated_at: AS_OF }),
    );
  })();

  const expected = (filter: TimelineFilter, order: SortOrder) => {
    const dateOf = (doc: ClusterDocument) =>
      Date.parse(filter.dateField === 'event' ? doc.event_start : doc.first_seen);
    const sign = order === 'asc' ? 1 : -1;
    return reference
      .filter((doc) => queries.matches(doc, filter))
      .sort((a, b) => sign * (dateOf(a) - dateOf(b) || (a.id < b.id ? -1 : 1)));
  };

  /** Every page of an as_of timeline, through the cursor. */
  const readAll = async (filter: TimelineFilter, order: SortOrder) => {
    const items: TimelineItemDto[] = [];
    const totals = new Set<number>();
    let cursor: string | null = null;
    do {
      const page = await sut.execute(new GetActorTimelineQuery(filter, order, 100, cursor));
      items.push(...page!.items);
      totals.add(page!.total);
      cursor = page!.next_cursor;
    } while (cursor);
    return { items, totals: [...totals] };
  };

  beforeAll(async () => {
    await installer.install(definitions);
    const clusters = new Map<string, ClaimRecord[]>();
    for (const claim of claims)
      clusters.set(claim.cluster_id, [...(clusters.get(claim.cluster_id) ?? []), claim]);
    const documents = [...clusters.values()].flatMap((members) => {
      const current = members.filter((member) => !member.superseded_at);
      const times = members.flatMap((member) => [member.recorded_at, member.superseded_at ?? '']).sort();
      const stored = TimelineDocumentMapper.cluster({
        ...views.build(current)!,
        version: 1,
        updated_at: times[times.length - 1],
        recorded_from: members.map((member) => member.recorded_at).sort()[0],
        changed_at: times[times.length - 1],
      });
      return [
        { index: { _index: indices.indexName('clusters'), _id: stored.id } },
        stored,
        ...members.flatMap((member) => [
          { index: { _index: indices.indexName('claims'), _id: member.claim_id } },
          TimelineDocumentMapper.claim(member),
        ]),
      ];
    });
    const response = await client.bulk({ operations: documents, refresh: true });
    expect(response.errors).toBe(false);
  });

  afterAll(async () => {
    await installer.uninstall(definitions);
    await client.close();
  });

  it('should have more than the 2,000 changed clusters an as_of read used to stop at', async () => {
    const changed = await client.count({
      index: indices.indexName('clusters'),
      query: queries.clustersChangedSince({ actorId: 'PRK', role: 'any', dateField: 'event', asOf: AS_OF }),
    });
    expect(changed.count).toBeGreaterThan(2_000);
  });

  it.each<[string, Partial<TimelineFilter>, SortOrder]>([
    ['no filter', {}, 'asc'],
    ['first seen, newest first', { dateField: 'first_seen' }, 'desc'],
    ['a minimum of independent sources', { minIndependentSources: 2 }, 'desc'],
    [
      'status, language and sanctions',
      { statuses: ['completed'], languages: ['ko'], sanctionsRelevantOnly: true },
      'asc',
    ],
    ['counterpart and type', { counterpart: 'RUS', types: ['arms_transfer'] }, 'asc'],
    ['free text', { q: 'drones' }, 'asc'],
  ])(
    'should page %s exactly as a regroup of every claim known then',
    async (_, extra, order) => {
      const filter: TimelineFilter = {
        actorId: 'PRK',
        role: 'any',
        dateField: 'event',
        asOf: AS_OF,
        ...extra,
      };
      const want = expected(filter, order);

      const { items, totals } = await readAll(filter, order);

      expect(want.length).toBeGreaterThan(50);
      expect(totals).toEqual([want.length]);
      expect(items).toEqual(want.map((doc) => timelineItemOf(doc, filter.dateField)));
      // Every page of free text regroups each changed cluster: slow on a loaded machine.
    },
    180_000,
  );
});
