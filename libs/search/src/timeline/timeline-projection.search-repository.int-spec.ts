import { Client } from '@elastic/elasticsearch';
import { ClusterKeyFactory, ClusterViewFactory } from '@sitrep/domain/clusters';
import { makeClaimRecord } from '@sitrep/domain/clusters/cluster-member.factory';
import { testElasticsearchUrl, uniqueName } from '@sitrep/testing';
import { SearchIndexInstaller, sitrepIndexDefinitions } from '../elasticsearch/search-index.installer';
import { TimelineProjectionSearchRepository } from './timeline-projection.search-repository';
import { TimelineSearchRepository } from './timeline.search-repository';

describe(TimelineProjectionSearchRepository.name, () => {
  const client = new Client({ node: testElasticsearchUrl() });
  const prefix = `${uniqueName('projection', '-')}-`;
  const installer = new SearchIndexInstaller(client);
  const sut = new TimelineProjectionSearchRepository(
    client,
    new TimelineSearchRepository(client, { indexPrefix: prefix }),
  );

  const base = makeClaimRecord({ claim_id: '0b7f2a44-0000-5000-8000-000000000001', event_date: '2022-08' });
  const claim = { ...base, cluster_id: new ClusterKeyFactory().keyOf(base).id };

  beforeAll(async () => {
    await installer.install(sitrepIndexDefinitions(prefix));
  });

  afterAll(async () => {
    await installer.uninstall(sitrepIndexDefinitions(prefix));
    await client.close();
  });

  describe('project', () => {
    it('should never let a replay or an older version overwrite a newer document', async () => {
      const superseded = { ...claim, superseded_at: '2022-09-10T00:00:00.000Z', version: 2 };
      await expect(sut.project([superseded], [], { refresh: true })).resolves.toEqual({
        written: 1,
        stale: 0,
      });
      await expect(sut.project([claim], [], { refresh: true })).resolves.toEqual({ written: 0, stale: 1 });
      await expect(sut.project([superseded], [], { refresh: true })).resolves.toEqual({
        written: 0,
        stale: 1,
      });
      const stored = await client.get<{ superseded_at: string | null }>({
        index: sut.names.claims,
        id: claim.claim_id,
      });
      expect(stored._version).toBe(2);
      expect(stored._source?.superseded_at).toBe('2022-09-10T00:00:00.000Z');
    });

    it('should keep the cluster document at the highest version it was given', async () => {
      const view = new ClusterViewFactory().build([claim]);
      if (!view) throw new Error('no view');
      const at = (version: number, claimCount: number) => ({
        ...view,
        summary: { ...view.summary, claim_count: claimCount },
        version,
        updated_at: new Date().toISOString(),
      });
      await sut.project([], [at(3, 3)], { refresh: true });
      await expect(sut.project([], [at(2, 2)], { refresh: true })).resolves.toEqual({ written: 0, stale: 1 });
      const stored = await client.get<{ claim_count: number; version: number }>({
        index: sut.names.clusters,
        id: view.summary.id,
      });
      expect(stored._source).toMatchObject({ claim_count: 3, version: 3 });
    });

    it("should have the documents searchable when a bulk with refresh 'now' returns", async () => {
      // No periodic refresh: only the bulk's own can make the document visible.
      await client.indices.putSettings({ index: sut.names.claims, settings: { refresh_interval: '-1' } });
      const other = { ...claim, claim_id: '0b7f2a44-0000-5000-8000-000000000002' };
      const count = () =>
        client.count({ index: sut.names.claims, query: { ids: { values: [other.claim_id] } } });

      await expect(sut.project([other], [], { refresh: false })).resolves.toEqual({ written: 1, stale: 0 });
      await expect(count()).resolves.toMatchObject({ count: 0 });
      await expect(sut.project([other], [], { refresh: 'now' })).resolves.toEqual({ written: 0, stale: 1 });
      await expect(count()).resolves.toMatchObject({ count: 1 });
    });
  });
});
