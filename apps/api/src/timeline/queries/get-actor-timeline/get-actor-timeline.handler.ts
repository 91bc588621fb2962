import { errors } from '@elastic/elasticsearch';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimRecord, clusterFacetsOf, ClusterViewFactory } from '@sitrep/domain/clusters';
import { dateSpanOf } from '@sitrep/domain/sanctions';
import { TimelineDocumentMapper } from '@sitrep/search/timeline/timeline-document.mapper';
import { TimelineQueryBuilder } from '@sitrep/search/timeline/timeline-query.builder';
import {
  ClusterClaimsKey,
  ClusterMembersFact,
  Page,
  TimelineReadSearchRepository,
} from '@sitrep/search/timeline/timeline-read.search-repository';
import { TimelineCursorCodec } from '@sitrep/search/timeline/timeline.cursor';
import type { ClaimDocument, ClusterDocument } from '@sitrep/search/timeline/timeline.documents';
import type { TimelineCursor, TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import { ActorDirectory } from '../../actor.directory';
import type { TimelinePageDto } from '../../dto/timeline.response.dto';
import { timelineItemOf } from '../../timeline.views';
import { GetActorTimelineQuery } from './get-actor-timeline.query';

/**
 * Clusters that changed after an `as_of` moment are told from their claims known then, read in batches:
 * up to this many clusters per aggregation of their keys (with the members' facts a cluster takes a
 * dozen buckets or more, and a response holds at most `search.max_buckets`, 65,536; a batch refused for
 * too many buckets is split in two), and per query of their claims (a terms query takes up to 65,536).
 */
export const AS_OF_KEYS_BATCH = { keys: 10_000, members: 1_000 } as const;
export const AS_OF_CLAIMS_BATCH = 10_000;

/**
 * The fields of a claim that tell whether its cluster matches free text and the parties asked (what
 * clusterFacetsOf reads for evidence sentences and parties, and the keywords `q` can equal).
 */
const TEXT_FIELDS = [
  'id',
  'cluster_id',
  'type',
  'source',
  'target',
  'source_country',
  'target_country',
  'modality',
  'evidence.text',
  'items',
  'claimant',
  'instrument',
];

const tooManyBuckets = (error: unknown) =>
  error instanceof errors.ResponseError && JSON.stringify(error.body ?? '').includes('too_many_buckets');

/** Splits `values` into consecutive batches of at most `size`. */
const batchesOf = <T>(values: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, (i + 1) * size));

const dateOf = (doc: ClusterDocument, filter: TimelineFilter): string =>
  filter.dateField === 'event' ? doc.event_start : doc.first_seen;

interface SortKey {
  date: number;
  id: string;
}

/**
 * The sort date a cluster regrouped from these claims will have (as TimelineDocumentMapper.cluster
 * computes it): its first seen, or the start of its lowest event date (of the period when none).
 */
const sortDateOf = (key: ClusterClaimsKey, filter: TimelineFilter): string =>
  filter.dateField === 'event'
    ? ((key.event_date ? dateSpanOf(key.event_date)?.from : null) ?? key.event_start)
    : key.first_seen;

/**
 * Reads the current timeline from the clusters index. With `as_of`, the clusters unchanged since that
 * moment are read as stored (one query, every filter in Elasticsearch); the few that changed after it
 * are regrouped from the claims recorded by then (and not yet replaced) with the same domain rules,
 * filtered in memory, and merged into the page in sort order.
 */
@QueryHandler(GetActorTimelineQuery)
export class GetActorTimelineHandler implements IQueryHandler<GetActorTimelineQuery> {
  private readonly queries = new TimelineQueryBuilder();
  private readonly views = new ClusterViewFactory();

  constructor(
    private readonly actors: ActorDirectory,
    private readonly search: TimelineReadSearchRepository,
  ) {}

  async execute({ filter, order, limit, cursor }: GetActorTimelineQuery): Promise<TimelinePageDto | null> {
    const actor = this.actors.find(filter.actorId);
    if (!actor) return null;
    const after = cursor ? TimelineCursorCodec.decode(cursor) : null;
    const page = filter.asOf
      ? await this.asOf({ ...filter, asOf: filter.asOf }, order, limit, after)
      : await this.current(filter, order, limit, after);
    const last = page.items.length === limit ? page.items[page.items.length - 1] : null;
    return {
      actor,
      items: page.items.map((doc) => timelineItemOf(doc, filter.dateField)),
      next_cursor: last
        ? TimelineCursorCodec.encode({ date: new Date(dateOf(last, filter)).toISOString(), id: last.id })
        : null,
      total: page.total,
      as_of: filter.asOf ?? null,
    };
  }

  private async current(
    filter: TimelineFilter,
    order: 'asc' | 'desc',
    limit: number,
    after: TimelineCursor | null,
  ) {
    const query = this.queries.clusters(filter);
    return this.search.clusters(
      query,
      this.queries.sort(filter, order),
      limit,
      this.queries.searchAfter(after),
    );
  }

  private async asOf(
    filter: TimelineFilter & { asOf: string },
    order: 'asc' | 'desc',
    limit: number,
    after: TimelineCursor | null,
  ) {
    // The changed clusters are told as soon as their ids are known, while the stored page is still
    // being read.
    const members = TimelineQueryBuilder.memberFactsOf(filter);
    const changed = this.search.clusterDates(
      this.queries.clustersChangedSince(filter),
      TimelineQueryBuilder.dateFieldOf(filter, 'cluster'),
    );
    const changedKeys = changed.then((clusters) =>
      clusters.length === 0
        ? null
        : filter.q
          ? this.keysMatchingText(
              filter,
              clusters.map(({ id }) => id),
              members,
            )
          : this.keysOf(
              filter,
              clusters.map(({ id }) => id),
              members,
            ),
    );
    const storedPage = this.search.clusters(
      this.queries.clustersUnchangedSince(filter),
      this.queries.sort(filter, order),
      limit,
      this.queries.searchAfter(after),
    );

    const sign = order === 'asc' ? 1 : -1;
    const compare = (a: SortKey, b: SortKey) =>
      sign * (a.date - b.date || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const keyOf = (doc: ClusterDocument): SortKey => ({ date: Date.parse(dateOf(doc, filter)), id: doc.id });
    const cursor = after ? { date: Date.parse(after.date), id: after.id } : null;
    /** Between the cursor and the last stored cluster of a full page: where changed clusters get on it. */
    const onThePage = (key: SortKey, lastStored: SortKey | null) =>
      (!cursor || compare(key, cursor) > 0) && (!lastStored || compare(key, lastStored) < 0);
    const lastOf = (stored: Page<ClusterDocument>) =>
      stored.items.length === limit ? keyOf(stored.items[limit - 1]) : null;

    // Speculatively, alongside their keys: the claims known then of the changed clusters that their
    // stored dates (usually their dates then too) put on this page, so that the page is regrouped without
    // another round trip when the keys confirm them (the newest moments of a view, desc pages).
    const likely = Promise.all([changed, storedPage]).then(async ([clusters, stored]) => {
      const ids = clusters
        .flatMap(({ id, date }) => (date === null ? [] : [{ id, date }]))
        .filter((key) => onThePage(key, lastOf(stored)))
        .sort(compare)
        .slice(0, members.length > 0 ? 2 * limit : limit)
        .map(({ id }) => id);
      return { ids: new Set(ids), claims: ids.length > 0 ? await this.claimsAsOf(filter, ids) : [] };
    });
    const [stored, keysThen, speculated] = await Promise.all([storedPage, changedKeys, likely]);
    if (!keysThen) return { items: stored.items, total: stored.total };

    const pageOf = (regrouped: ClusterDocument[]) =>
      [...stored.items, ...regrouped.filter((doc) => !cursor || compare(keyOf(doc), cursor) > 0)]
        .sort((a, b) => compare(keyOf(a), keyOf(b)))
        .slice(0, limit);

    // One aggregation over the claims known then gave each changed cluster's sort date and, when the
    // filters need them, the facts about its members that decide them; only the clusters that make it
    // onto this page are regrouped.
    const keys = keysThen
      .filter(
        (key) => members.length === 0 || (key.members && this.queries.membersMatch(key.members, filter)),
      )
      .map((key) => ({ id: key.id, date: Date.parse(sortDateOf(key, filter)) }))
      .filter(
        ({ date }) =>
          (!filter.from || date >= Date.parse(filter.from)) && (!filter.to || date <= Date.parse(filter.to)),
      );
    const onPage = keys
      .filter((key) => onThePage(key, lastOf(stored)))
      .sort(compare)
      .slice(0, limit)
      .map(({ id }) => id);
    // The claims of those not read speculatively are read now.
    const unread = onPage.filter((id) => !speculated.ids.has(id));
    const claims = [
      ...speculated.claims,
      ...(unread.length > 0 ? await this.claimsAsOf(filter, unread) : []),
    ];
    const regrouped = onPage.length > 0 ? this.regroup(filter, onPage, claims) : [];
    return { items: pageOf(regrouped), total: stored.total + keys.length };
  }

  /**
   * Each given cluster's key as told by its claims known at `as_of` (with `members`, the facts that
   * decide the member filters), over batches of clusters.
   */
  private async keysOf(
    filter: TimelineFilter & { asOf: string },
    clusterIds: readonly string[],
    members: readonly ClusterMembersFact[],
  ): Promise<ClusterClaimsKey[]> {
    const keysOfBatch = async (ids: readonly string[]): Promise<ClusterClaimsKey[]> => {
      try {
        return await this.search.clusterKeys(
          this.queries.claimsAsOf(filter.asOf, ids),
          ids.length,
          members,
          // Independent sources never outnumber claims.
          filter.minIndependentSources ?? 1,
        );
      } catch (error) {
        if (!tooManyBuckets(error) || ids.length < 2) throw error;
        const half = Math.ceil(ids.length / 2);
        return [...(await keysOfBatch(ids.slice(0, half))), ...(await keysOfBatch(ids.slice(half)))];
      }
    };
    const keys: ClusterClaimsKey[] = [];
    for (const ids of batchesOf(clusterIds, AS_OF_KEYS_BATCH[members.length > 0 ? 'members' : 'keys']))
      keys.push(...(await keysOfBatch(ids)));
    return keys;
  }

  /**
   * `keysOf` for free text: only the clusters whose claims known at `as_of` match `q` and the actor,
   * counterpart and role as the regrouped cluster would (its evidence sentences, items, claimants,
   * instruments and parties, from those fields of its claims alone).
   */
  private async keysMatchingText(
    filter: TimelineFilter & { asOf: string },
    clusterIds: readonly string[],
    members: readonly ClusterMembersFact[],
  ): Promise<ClusterClaimsKey[]> {
    const [keys, claims] = await Promise.all([
      this.keysOf(filter, clusterIds, members),
      this.claimsAsOf(filter, clusterIds, TEXT_FIELDS),
    ]);
    const byCluster = new Map<string, ClaimRecord[]>();
    for (const doc of claims) {
      const members = byCluster.get(doc.cluster_id) ?? [];
      members.push(TimelineDocumentMapper.claimRecordOf(doc));
      byCluster.set(doc.cluster_id, members);
    }
    const matching = new Set<string>();
    const distinct = (values: (string | null | undefined)[]) =>
      values.filter((value): value is string => !!value);
    for (const [id, records] of byCluster) {
      const facets = clusterFacetsOf(records);
      const text = {
        evidence_text: facets.evidence_text,
        items: distinct(records.flatMap((record) => record.items ?? [])),
        claimants: distinct(records.map((record) => record.claimant)),
        instruments: distinct(records.map((record) => record.instrument)),
      };
      if (this.queries.partyMatches(facets, filter) && this.queries.textMatches(text, filter))
        matching.add(id);
    }
    return keys.filter((key) => matching.has(key.id));
  }

  /** The claims of the given clusters known at `as_of` (with `fields`, only those), in batches. */
  private async claimsAsOf(
    filter: TimelineFilter & { asOf: string },
    clusterIds: readonly string[],
    fields?: readonly string[],
  ): Promise<ClaimDocument[]> {
    const claims: ClaimDocument[] = [];
    for (const ids of batchesOf(clusterIds, AS_OF_CLAIMS_BATCH))
      claims.push(
        ...(await this.search.allClaims(this.queries.claimsAsOf(filter.asOf, ids), undefined, fields)),
      );
    return claims;
  }

  /**
   * The given clusters as they were at `as_of`, regrouped from their claims known then (`claims` holds
   * them, and maybe claims of other clusters), filtered.
   */
  private regroup(
    filter: TimelineFilter & { asOf: string },
    clusterIds: readonly string[],
    claims: readonly ClaimDocument[],
  ): ClusterDocument[] {
    const byCluster = new Map<string, ClaimRecord[]>(clusterIds.map((id) => [id, []]));
    for (const doc of claims) byCluster.get(doc.cluster_id)?.push(TimelineDocumentMapper.claimRecordOf(doc));
    const docs: ClusterDocument[] = [];
    for (const members of byCluster.values()) {
      const view = this.views.build(members);
      if (!view) continue;
      const doc = TimelineDocumentMapper.cluster({ ...view, version: 0, updated_at: filter.asOf });
      if (this.queries.matches(doc, filter)) docs.push(doc);
    }
    return docs;
  }
}
