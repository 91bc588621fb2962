import { Client } from '@elastic/elasticsearch';
import { quietNestLogs, testElasticsearchUrl, testRunId } from '@sitrep/testing';
import { randomBytes } from 'node:crypto';
import { SearchIndexInstaller, sitrepIndexDefinitions } from '../elasticsearch/search-index.installer';
import { BulkIndexError, TimelineSearchRepository } from './timeline.search-repository';
import { ClaimDocument } from './timeline.documents';

const aClaimDocument = (overrides: Partial<ClaimDocument> = {}): ClaimDocument => ({
  id: `claim-${randomBytes(4).toString('hex')}`,
  cluster_id: 'cl-test',
  article_id: 'article-1',
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
  claimant: 'usa.dod',
  reported_by: [],
  items: ['artillery_shell'],
  quantity: 'millions',
  instrument: null,
  event_date: '2023-09',
  event_start: '2023-09-01',
  evidence: { text: 'Officials said the shells had been delivered by rail.', start: 0, end: 55 },
  confidence: 0.8,
  language: 'en',
  outlet: 'news.example.org',
  story_id: null,
  url: 'https://news.example.org/a',
  title: 'Shells delivered by rail',
  seen_at: '2023-09-12T10:00:00Z',
  published_at: '2023-09-12T08:00:00Z',
  recorded_at: '2023-09-12T10:00:01Z',
  superseded_at: null,
  sanctions: { relevant: true, instruments: ['UNSCR 1718'], flags: [] },
  ...overrides,
});

describe(TimelineSearchRepository.name, () => {
  const client = new Client({ node: testElasticsearchUrl() });
  const prefix = `sitrep-test-${testRunId()}-${randomBytes(3).toString('hex')}-`;
  const definitions = sitrepIndexDefinitions(prefix);
  const installer = new SearchIndexInstaller(client);
  const sut = new TimelineSearchRepository(client, { indexPrefix: prefix });
  quietNestLogs();

  beforeAll(async () => {
    await installer.install(definitions);
  });

  afterAll(async () => {
    await installer.uninstall(definitions);
    await client.close();
  });

  describe(SearchIndexInstaller.name, () => {
    it('should put each index behind its alias and stay idempotent', async () => {
      await installer.install(definitions);

      const aliases = await client.indices.getAlias({ name: sut.indexName('claims') });
      expect(Object.keys(aliases)).toEqual([`${sut.indexName('claims')}-000001`]);
      const template = await client.indices.getIndexTemplate({ name: sut.indexName('clusters') });
      expect(template.index_templates[0].index_template.index_patterns).toEqual([
        `${sut.indexName('clusters')}-*`,
      ]);
    });
  });

  describe('upsert', () => {
    it('should bulk index documents that a search finds after a refresh', async () => {
      const shells = aClaimDocument({ id: 'claim-shells' });
      const drones = aClaimDocument({
        id: 'claim-drones',
        source: 'IRN',
        actors: ['IRN', 'RUS'],
        source_ids: ['IRN'],
        items: ['drone', 'Shahed-136'],
        event_start: '2022-10-01',
        evidence: { text: 'Drones were shipped across the Caspian Sea.', start: 0, end: 43 },
      });
      const other = aClaimDocument({
        id: 'claim-other',
        source: 'USA',
        target: 'UKR',
        actors: ['USA', 'UKR'],
      });

      await sut.upsert('claims', [shells, drones, other]);
      await sut.refresh('claims');
      const page = await sut.search('claims', {
        query: { bool: { filter: [{ term: { actors: 'RUS' } }] } },
        sort: [{ event_start: { order: 'asc' } }, { id: { order: 'asc' } }],
      });

      expect(page.total).toBe(2);
      expect(page.items.map((d) => d.id)).toEqual(['claim-drones', 'claim-shells']);
      expect(page.items[1]).toEqual(shells);
    });

    it('should find documents by words of the evidence', async () => {
      await sut.upsert(
        'claims',
        [
          aClaimDocument({
            id: 'claim-caspian',
            evidence: { text: 'Barges crossed the Caspian at night.', start: 0, end: 36 },
          }),
        ],
        true,
      );

      const page = await sut.search('claims', { query: { match: { 'evidence.text': 'caspian barges' } } });

      expect(page.items.map((d) => d.id)).toContain('claim-caspian');
    });

    it('should replace a document indexed again with the same id', async () => {
      await sut.upsert('claims', [aClaimDocument({ id: 'claim-revised', status: 'planned' })], true);
      await sut.upsert('claims', [aClaimDocument({ id: 'claim-revised', status: 'completed' })], true);

      const page = await sut.search('claims', { query: { term: { id: 'claim-revised' } } });

      expect(page.items.map((d) => d.status)).toEqual(['completed']);
    });

    it('should report the documents the strict mapping refuses', async () => {
      const bad = { ...aClaimDocument({ id: 'claim-bad' }), unexpected_field: 'x' } as ClaimDocument;

      await expect(sut.upsert('claims', [bad])).rejects.toThrow(BulkIndexError);
      await expect(sut.upsert('claims', [bad])).rejects.toThrow(
        /claim-bad \(strict_dynamic_mapping_exception/,
      );
    });
  });
});
