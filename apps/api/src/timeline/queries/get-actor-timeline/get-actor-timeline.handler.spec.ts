import { ClusterKeyFactory, ClusterViewFactory } from '@sitrep/domain/clusters';
import { makeClaimRecord } from '@sitrep/domain/clusters/cluster-member.factory';
import { TimelineDocumentMapper } from '@sitrep/search/timeline/timeline-document.mapper';
import { TimelineQueryBuilder } from '@sitrep/search/timeline/timeline-query.builder';
import type { estypes } from '@elastic/elasticsearch';
import type {
  ClusterClaimsKey,
  TimelineReadSearchRepository,
} from '@sitrep/search/timeline/timeline-read.search-repository';
import type { ClaimDocument, ClusterDocument } from '@sitrep/search/timeline/timeline.documents';
import type { TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import { ActorDirectory } from '../../actor.directory';
import { GetActorTimelineHandler } from './get-actor-timeline.handler';
import { GetActorTimelineQuery } from './get-actor-timeline.query';

const keys = new ClusterKeyFactory();

/** A claim document as the indexer writes it, its cluster id computed like the extractor does. */
function claimDoc(overrides: Parameters<typeof makeClaimRecord>[0]): ClaimDocument {
  const record = makeClaimRecord(overrides);
  return TimelineDocumentMapper.claim({ ...record, cluster_id: keys.keyOf(record).id });
}

/**
 * Search answers for an as_of read: `stored` are the clusters unchanged since as_of (as Elasticsearch
 * would page them), `claims` the claims of the clusters that changed after it.
 */
/** The cluster ids of a claimsAsOf query. */
const idsIn = (query: estypes.QueryDslQueryContainer): string[] =>
  (query.bool?.filter as estypes.QueryDslQueryContainer[]).flatMap(
    (part) => (part.terms?.cluster_id as string[] | undefined) ?? [],
  );

/**
 * Search answers for an as_of read: `stored` are the clusters unchanged since as_of (as Elasticsearch
 * would page them), `claims` the claims of the clusters that changed after it.
 */
function searchReturning(claims: ClaimDocument[], stored: ClusterDocument[] = []) {
  const ids = [...new Set(claims.map((claim) => claim.cluster_id))];
  const of = (query: estypes.QueryDslQueryContainer) =>
    claims.filter((c) => idsIn(query).includes(c.cluster_id));
  const min = (values: string[]) => [...values].sort()[0] ?? null;
  return {
    allClaims: jest.fn(async (query: estypes.QueryDslQueryContainer) => of(query)),
    clusters: jest.fn().mockResolvedValue({ items: stored, sorts: [], total: stored.length }),
    // Each changed cluster with its stored date: here the date its claims give it.
    clusterDates: jest.fn().mockResolvedValue(
      ids.map((id) => ({
        id,
        date: Date.parse(min(claims.filter((c) => c.cluster_id === id).map((c) => c.event_start))!),
      })),
    ),
    // What the aggregation answers, computed from the claims.
    clusterKeys: jest.fn(
      async (query: estypes.QueryDslQueryContainer, _size: number, facts: readonly string[] = []) =>
        idsIn(query).map((id): ClusterClaimsKey => {
          const members = claims.filter((claim) => claim.cluster_id === id);
          const distinct = (values: (string | null)[]) =>
            [...new Set(values.filter((v): v is string => !!v))].sort();
          return {
            id,
            claims: members.length,
            first_seen: new Date(min(members.map((m) => m.seen_at))!).toISOString(),
            event_start: new Date(min(members.map((m) => m.event_start))!).toISOString(),
            event_date: min(members.flatMap((m) => (m.event_date ? [m.event_date] : []))),
            ...(facts.length > 0
              ? {
                  members: {
                    languages: distinct(members.map((m) => m.language)),
                    modalities: distinct(members.map((m) => m.modality)),
                    relevant: members.some((m) => m.sanctions.relevant),
                    supporting_statuses: distinct(
                      members.filter((m) => m.modality !== 'denied').map((m) => m.status),
                    ),
                    articles: distinct(members.map((m) => m.article_id)).map((article_id) => {
                      const of = members.filter((m) => m.article_id === article_id);
                      return {
                        article_id,
                        outlet: of[0].outlet,
                        story_id: of[0].story_id,
                        reported_by: distinct(of.flatMap((m) => m.reported_by)),
                      };
                    }),
                  },
                }
              : {}),
          };
        }),
    ),
  } as unknown as TimelineReadSearchRepository & {
    allClaims: jest.Mock;
    clusters: jest.Mock;
    clusterDates: jest.Mock;
    clusterKeys: jest.Mock;
  };
}

const filter = (overrides: Partial<TimelineFilter> = {}): TimelineFilter => ({
  actorId: 'PRK',
  role: 'any',
  dateField: 'event',
  asOf: '2022-09-30T00:00:00Z',
  ...overrides,
});

describe(GetActorTimelineHandler.name, () => {
  const actors = new ActorDirectory();

  describe('execute', () => {
    it('should regroup the claims known at as_of into clusters with their counts', async () => {
      const search = searchReturning([
        claimDoc({ article_id: 'a1', outlet: 'one.example', event_date: '2022-08' }),
        claimDoc({ article_id: 'a2', outlet: 'two.example', event_date: '2022-08' }),
        claimDoc({ article_id: 'a3', outlet: 'three.example', event_date: '2022-03' }),
      ]);
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(new GetActorTimelineQuery(filter(), 'asc', 20, null));

      expect(page?.items.map((item) => [item.event_date_from, item.outlet_count])).toEqual([
        ['2022-03', 1],
        ['2022-08', 2],
      ]);
      expect(page?.as_of).toBe('2022-09-30T00:00:00Z');
    });

    it('should apply the minimum of independent sources after regrouping', async () => {
      const search = searchReturning([
        claimDoc({ article_id: 'b1', outlet: 'one.example', event_date: '2022-08' }),
        claimDoc({ article_id: 'b2', outlet: 'two.example', event_date: '2022-08' }),
        claimDoc({ article_id: 'b3', outlet: 'three.example', event_date: '2022-03' }),
      ]);
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(
        new GetActorTimelineQuery(filter({ minIndependentSources: 2 }), 'asc', 20, null),
      );

      expect(page?.items).toHaveLength(1);
      expect(page?.items[0].independent_source_count).toBe(2);
    });

    it('should page with a cursor', async () => {
      const docs = ['2022-01', '2022-02', '2022-03'].map((month, i) =>
        claimDoc({ article_id: `c${i}`, event_date: month }),
      );
      const sut = new GetActorTimelineHandler(actors, searchReturning(docs));

      const first = await sut.execute(new GetActorTimelineQuery(filter(), 'desc', 2, null));
      const second = await sut.execute(
        new GetActorTimelineQuery(filter(), 'desc', 2, first?.next_cursor ?? null),
      );

      expect(first?.items.map((item) => item.event_date_from)).toEqual(['2022-03', '2022-02']);
      expect(second?.items.map((item) => item.event_date_from)).toEqual(['2022-01']);
    });

    it('should merge the clusters unchanged since as_of with the regrouped ones in date order', async () => {
      const unchanged = TimelineDocumentMapper.cluster({
        ...new ClusterViewFactory().build([
          TimelineDocumentMapper.claimRecordOf(claimDoc({ article_id: 'd0', event_date: '2022-05' })),
        ])!,
        version: 3,
        updated_at: '2022-06-01T00:00:00Z',
      });
      const search = searchReturning(
        ['2022-03', '2022-08'].map((month, i) => claimDoc({ article_id: `d${i + 1}`, event_date: month })),
        [unchanged],
      );
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(new GetActorTimelineQuery(filter(), 'asc', 20, null));

      expect(page?.items.map((item) => item.event_date_from)).toEqual(['2022-03', '2022-05', '2022-08']);
      expect(page?.total).toBe(3);
      expect(search.clusterDates.mock.calls[0]).toEqual([
        new TimelineQueryBuilder().clustersChangedSince(filter() as TimelineFilter & { asOf: string }),
        'event_start',
      ]);
    });

    it('should regroup only the changed clusters that make it onto the page, and count them all', async () => {
      const docs = ['2022-01', '2022-02', '2022-03'].map((month, i) =>
        claimDoc({ article_id: `f${i}`, event_date: month }),
      );
      const search = searchReturning(docs);
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(new GetActorTimelineQuery(filter(), 'asc', 1, null));

      expect(page?.items.map((item) => item.event_date_from)).toEqual(['2022-01']);
      expect(page?.total).toBe(3);
      // Read alongside the keys, by its stored date, and not again.
      expect(search.allClaims).toHaveBeenCalledTimes(1);
      expect(idsIn(search.allClaims.mock.calls[0][0])).toEqual([docs[0].cluster_id]);
    });

    it('should read the claims of a page cluster that its stored date did not put on the page', async () => {
      const docs = ['2022-01', '2022-02', '2022-03'].map((month, i) =>
        claimDoc({ article_id: `g${i}`, event_date: month }),
      );
      const search = searchReturning(docs);
      // Stored now, the first was dated last (say a claim known then was replaced by a later date).
      search.clusterDates.mockResolvedValue(
        docs.map((doc, i) => ({ id: doc.cluster_id, date: Date.parse(`2022-0${i === 0 ? 9 : i + 1}-01`) })),
      );
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(new GetActorTimelineQuery(filter(), 'asc', 1, null));

      expect(page?.items.map((item) => item.event_date_from)).toEqual(['2022-01']);
      expect(search.allClaims.mock.calls.map(([query]) => idsIn(query))).toEqual([
        [docs[1].cluster_id],
        [docs[0].cluster_id],
      ]);
    });

    it('should leave out regrouped clusters that fail a filter', async () => {
      const search = searchReturning([
        claimDoc({ article_id: 'e1', event_date: '2022-03', language: 'en' }),
        claimDoc({ article_id: 'e2', event_date: '2022-08', language: 'ko' }),
      ]);
      const sut = new GetActorTimelineHandler(actors, search);

      const page = await sut.execute(
        new GetActorTimelineQuery(filter({ languages: ['ko'] }), 'asc', 20, null),
      );

      expect(page?.items.map((item) => item.event_date_from)).toEqual(['2022-08']);
    });

    it('should return null for an unknown actor', async () => {
      const sut = new GetActorTimelineHandler(actors, searchReturning([]));
      await expect(
        sut.execute(new GetActorTimelineQuery(filter({ actorId: 'NOPE' }), 'asc', 20, null)),
      ).resolves.toBeNull();
    });
  });
});
