import { Client } from '@elastic/elasticsearch';
import { ClaimRecord, ClusterKeyFactory, ClusterViewFactory } from '@sitrep/domain/clusters';
import { makeClaimRecord } from '@sitrep/domain/clusters/cluster-member.factory';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { ClaimMarksRepository } from '@sitrep/persistence/curation';
import {
  SearchIndexInstaller,
  sitrepIndexDefinitions,
} from '@sitrep/search/elasticsearch/search-index.installer';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { TimelineSearchRepository } from '@sitrep/search/timeline/timeline.search-repository';
import { createTestDataSource, testElasticsearchUrl, uniqueName } from '@sitrep/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { exportClaimLabels } from '../../queries/export-claim-labels/export-claim-labels';
import { MarkClaimCommand } from './mark-claim.command';
import { ClaimSupersededError } from './mark-claim.errors';
import { MarkClaimHandler } from './mark-claim.handler';

jest.setTimeout(60_000);

/** Real PostgreSQL and Elasticsearch: a mark changes the claim, rebuilds its cluster and reaches the index. */
describe(MarkClaimHandler.name, () => {
  const es = new Client({ node: testElasticsearchUrl() });
  const prefix = `${uniqueName('curation', '-')}-`;
  const timeline = new TimelineSearchRepository(es, { indexPrefix: prefix });
  const installer = new SearchIndexInstaller(es);
  let dataSource: DataSource;
  let sut: MarkClaimHandler;
  let marks: ClaimMarksRepository;

  /** Two claims of one event from two articles (a period of their own, so the cluster is this test's). */
  async function twoClaimEvent(): Promise<{ claims: ClaimRecord[]; clusterId: string }> {
    const year = 1900 + Math.floor(Math.random() * 90);
    const base = { event_date: `${year}-0${1 + Math.floor(Math.random() * 9)}` };
    const first = makeClaimRecord({
      ...base,
      claim_id: randomUUID(),
      article_id: randomUUID(),
      outlet: 'a.example',
    });
    const clusterId = new ClusterKeyFactory().keyOf(first).id;
    const claims = [
      { ...first, cluster_id: clusterId },
      makeClaimRecord({
        ...base,
        claim_id: randomUUID(),
        article_id: randomUUID(),
        outlet: 'b.example',
        cluster_id: clusterId,
      }),
    ];
    const repo = ClaimsRepository.fromDataSource(dataSource);
    await repo.insertClaims(claims);
    await repo.upsertClusters([new ClusterViewFactory().build(claims)!]);
    return { claims, clusterId };
  }

  const clusterCount = async (id: string) =>
    (await ClaimsRepository.fromDataSource(dataSource).findCluster(id))?.summary.claim_count;
  const indexed = async (kind: 'claims' | 'clusters', id: string) =>
    (await es.get<Record<string, unknown>>({ index: timeline.indexName(kind), id }))._source!;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    await installer.install(sitrepIndexDefinitions(prefix));
    marks = ClaimMarksRepository.fromDataSource(dataSource);
    sut = new MarkClaimHandler(
      dataSource,
      ClaimsRepository.fromDataSource(dataSource),
      marks,
      new TimelineProjectionSearchRepository(es, timeline),
    );
  });

  afterAll(async () => {
    await installer.uninstall(sitrepIndexDefinitions(prefix));
    await es.close();
    await dataSource.destroy();
  });

  describe('execute', () => {
    it('should take a wrong claim out of its cluster, retire the cluster when none is left, and bring it back when confirmed', async () => {
      const { claims, clusterId } = await twoClaimEvent();
      const [a, b] = claims;

      const first = await sut.execute(
        new MarkClaimCommand(a.claim_id, 'wrong', 'not what it says', 'tester'),
      );
      expect(first).toMatchObject({
        claim_id: a.claim_id,
        verdict: 'wrong',
        reason: 'not what it says',
        marked_by: 'tester',
      });
      expect(await clusterCount(clusterId)).toBe(1);
      expect(await indexed('clusters', clusterId)).toMatchObject({ claim_count: 1, outlets: ['b.example'] });
      expect(await indexed('claims', a.claim_id)).toMatchObject({ curation: 'wrong' });

      await sut.execute(new MarkClaimCommand(b.claim_id, 'wrong', 'duplicate of a denial', null));
      expect(await clusterCount(clusterId)).toBe(0);
      expect(await indexed('clusters', clusterId)).toMatchObject({ claim_count: 0 });

      await sut.execute(new MarkClaimCommand(a.claim_id, 'confirmed', null, 'tester'));
      expect(await clusterCount(clusterId)).toBe(1);
      expect(await indexed('clusters', clusterId)).toMatchObject({ claim_count: 1, outlets: ['a.example'] });
      expect(await indexed('claims', a.claim_id)).toMatchObject({ curation: 'confirmed' });
    });

    it('should keep every mark in the audit list and export the verdict in force per claim', async () => {
      const { claims } = await twoClaimEvent();
      const [a] = claims;
      await sut.execute(new MarkClaimCommand(a.claim_id, 'wrong', 'misread', 'tester'));
      await sut.execute(new MarkClaimCommand(a.claim_id, 'confirmed', null, 'tester'));

      const listed = (await marks.list(500, null)).filter((mark) => mark.claim_id === a.claim_id);
      expect(listed.map((mark) => [mark.verdict, mark.current])).toEqual([
        ['confirmed', true],
        ['wrong', false],
      ]);
      expect(listed[1].claim).toMatchObject({
        type: a.type,
        cluster_id: a.cluster_id,
        evidence: a.evidence.text,
      });

      const lines: string[] = [];
      for await (const line of exportClaimLabels(marks)) lines.push(line);
      const label = lines.map((line) => JSON.parse(line)).find((l) => l.claim_id === a.claim_id);
      expect(label).toMatchObject({ label: 'confirmed', claim: { type: a.type, evidence: a.evidence } });
    });

    it('should answer null for an unknown claim and refuse a superseded one', async () => {
      await expect(
        sut.execute(new MarkClaimCommand(randomUUID(), 'confirmed', null, null)),
      ).resolves.toBeNull();
      const { claims } = await twoClaimEvent();
      await dataSource.query(`UPDATE claims SET superseded_at = now() WHERE id = $1`, [claims[0].claim_id]);
      await expect(
        sut.execute(new MarkClaimCommand(claims[0].claim_id, 'wrong', 'x', null)),
      ).rejects.toBeInstanceOf(ClaimSupersededError);
    });
  });
});
