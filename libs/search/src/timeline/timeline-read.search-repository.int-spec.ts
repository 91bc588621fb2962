import { Client } from '@elastic/elasticsearch';
import { independentSourceCount } from '@sitrep/domain/clusters';
import { quietNestLogs, testElasticsearchUrl, testRunId } from '@sitrep/testing';
import { randomBytes } from 'node:crypto';
import { SearchIndexInstaller, sitrepIndexDefinitions } from '../elasticsearch/search-index.installer';
import { TimelineReadSearchRepository } from './timeline-read.search-repository';
import { TimelineSearchRepository } from './timeline.search-repository';
import { ClaimDocument } from './timeline.documents';

const aClaimDocument = (n: number, overrides: Partial<ClaimDocument>): ClaimDocument => ({
  id: `claim-${n}`,
  cluster_id: 'cl-1',
  article_id: `article-${n}`,
  engine_version: 'test',
  ordinal: 0,
  type: 'arms_transfer',
  source: 'PRK',
  target: 'RUS',
  actors: ['PRK', 'RUS'],
  source_ids: ['PRK'],
  target_ids: ['RUS'],
  source_country: 'PRK',
  target_country: 'RUS',
  status: 'completed',
  modality: 'assessed',
  claimant: null,
  reported_by: [],
  items: ['artillery_shell'],
  quantity: null,
  instrument: null,
  event_date: '2023-09',
  event_start: '2023-09-01',
  evidence: { text: 'Shells were delivered by rail.', start: 0, end: 30 },
  confidence: 0.8,
  language: 'en',
  outlet: `outlet-${n}.example`,
  story_id: null,
  url: null,
  title: null,
  seen_at: `2023-09-${String(10 + (n % 10)).padStart(2, '0')}T10:00:00.000Z`,
  published_at: null,
  recorded_at: '2023-09-20T10:00:00.000Z',
  superseded_at: null,
  curation: null,
  sanctions: { relevant: false, instruments: [], flags: [] },
  ...overrides,
});

describe(`${TimelineReadSearchRepository.name} (cluster keys over Elasticsearch)`, () => {
  const client = new Client({ node: testElasticsearchUrl() });
  const prefix = `sitrep-test-${testRunId()}-${randomBytes(3).toString('hex')}-`;
  const definitions = sitrepIndexDefinitions(prefix);
  const installer = new SearchIndexInstaller(client);
  const indices = new TimelineSearchRepository(client, { indexPrefix: prefix });
  const sut = new TimelineReadSearchRepository(client, indices);
  quietNestLogs();

  /**
   * Three clusters whose articles link through shared outlets, wire stories and agencies (several per
   * claim), two claims of one article, one article without outlet.
   */
  const claims: ClaimDocument[] = [
    aClaimDocument(1, { cluster_id: 'cl-a', outlet: 'tass.example', reported_by: ['TASS', 'AFP'] }),
    aClaimDocument(2, { cluster_id: 'cl-a', outlet: 'ria.example', reported_by: ['TASS'] }),
    aClaimDocument(3, { cluster_id: 'cl-a', outlet: 'bbc.example' }),
    aClaimDocument(4, { cluster_id: 'cl-a', article_id: 'article-3', outlet: 'bbc.example', ordinal: 1 }),
    aClaimDocument(5, { cluster_id: 'cl-a', outlet: null }),
    aClaimDocument(6, { cluster_id: 'cl-b', story_id: 'story-1', reported_by: ['Reuters'] }),
    aClaimDocument(7, { cluster_id: 'cl-b', story_id: 'story-1' }),
    aClaimDocument(8, { cluster_id: 'cl-b', outlet: 'afp.example', reported_by: ['AFP', 'AP'] }),
    aClaimDocument(9, { cluster_id: 'cl-c', outlet: 'yna.example' }),
    aClaimDocument(10, { cluster_id: 'cl-c', outlet: 'yna.example' }),
  ];
  const expected = (clusterId: string) =>
    independentSourceCount(claims.filter((claim) => claim.cluster_id === clusterId));

  beforeAll(async () => {
    await installer.install(definitions);
    await indices.upsert('claims', claims);
    await client.indices.refresh({ index: indices.indexName('claims') });
  });

  afterAll(async () => {
    await installer.uninstall(definitions);
    await client.close();
  });

  it.each([1, 2, 3, 100])(
    "should list each cluster's articles with outlet, story and agencies for the independent sources (composite pages of %i)",
    async (sourcesPage) => {
      const keys = await sut.clusterKeys({ match_all: {} }, 10, ['articles'], 1, sourcesPage);

      expect(expected('cl-a')).toBe(3);
      expect(expected('cl-b')).toBe(2);
      expect(expected('cl-c')).toBe(1);
      const byId = new Map(keys.map((key) => [key.id, key]));
      expect([...byId.keys()].sort()).toEqual(['cl-a', 'cl-b', 'cl-c']);
      for (const id of ['cl-a', 'cl-b', 'cl-c'])
        expect(independentSourceCount(byId.get(id)!.members!.articles)).toBe(expected(id));
      const article1 = byId
        .get('cl-a')!
        .members!.articles.find((article) => article.article_id === 'article-1');
      expect(article1).toEqual({
        article_id: 'article-1',
        outlet: 'tass.example',
        story_id: null,
        reported_by: ['AFP', 'TASS'],
      });
      expect(
        byId
          .get('cl-a')!
          .members!.articles.map((article) => article.article_id)
          .sort(),
      ).toEqual(['article-1', 'article-2', 'article-3', 'article-5']);
      expect(byId.get('cl-a')!.claims).toBe(5);
    },
  );
});
