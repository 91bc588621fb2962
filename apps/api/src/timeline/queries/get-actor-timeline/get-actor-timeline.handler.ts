import { Logger } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimRecord, ClusterViewFactory } from '@sitrep/domain/clusters';
import { TimelineDocumentMapper } from '@sitrep/search/timeline/timeline-document.mapper';
import { TimelineQueryBuilder } from '@sitrep/search/timeline/timeline-query.builder';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { TimelineCursorCodec } from '@sitrep/search/timeline/timeline.cursor';
import type { ClusterDocument } from '@sitrep/search/timeline/timeline.documents';
import type { TimelineCursor, TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import { ActorDirectory } from '../../actor.directory';
import type { TimelinePageDto } from '../../dto/timeline.response.dto';
import { timelineItemOf } from '../../timeline.views';
import { GetActorTimelineQuery } from './get-actor-timeline.query';

/**
 * Clusters that changed after an `as_of` moment, and their claims, read for one view at most: those
 * clusters are regrouped in memory. Clusters that did not change since are read as stored.
 */
export const AS_OF_MAX_CLUSTERS = 2_000;
export const AS_OF_MAX_CLAIMS = 10_000;

const dateOf = (doc: ClusterDocument, filter: TimelineFilter): string =>
  filter.dateField === 'event' ? doc.event_start : doc.first_seen;

/**
 * Reads the current timeline from the clusters index. With `as_of`, the clusters unchanged since that
 * moment are read as stored (one query, every filter in Elasticsearch); the few that changed after it
 * are regrouped from the claims recorded by then (and not yet replaced) with the same domain rules,
 * filtered in memory, and merged into the page in sort order.
 */
@QueryHandler(GetActorTimelineQuery)
export class GetActorTimelineHandler implements IQueryHandler<GetActorTimelineQuery> {
  private readonly logger = new Logger(GetActorTimelineHandler.name);
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
    const [stored, changed] = await Promise.all([
      this.search.clusters(
        this.queries.clustersUnchangedSince(filter),
        this.queries.sort(filter, order),
        limit,
        this.queries.searchAfter(after),
      ),
      this.search.clusterIds(this.queries.clustersChangedSince(filter), AS_OF_MAX_CLUSTERS),
    ]);
    if (changed.total > changed.ids.length)
      this.logger.warn(
        `as_of ${filter.asOf} for ${filter.actorId}: ${changed.total} clusters changed since, only ${changed.ids.length} regrouped`,
      );
    const regrouped = changed.ids.length > 0 ? await this.regroup(filter, changed.ids) : [];

    const sign = order === 'asc' ? 1 : -1;
    const key = (doc: ClusterDocument) => [Date.parse(dateOf(doc, filter)), doc.id] as const;
    const compare = (a: ClusterDocument, b: ClusterDocument) => {
      const [da, ia] = key(a);
      const [db, ib] = key(b);
      return sign * (da - db || (ia < ib ? -1 : ia > ib ? 1 : 0));
    };
    const afterCursor = (doc: ClusterDocument) => {
      if (!after) return true;
      const [d, i] = key(doc);
      const cd = Date.parse(after.date);
      return sign * (d - cd || (i < after.id ? -1 : i > after.id ? 1 : 0)) > 0;
    };
    const items = [...stored.items, ...regrouped.filter(afterCursor)].sort(compare).slice(0, limit);
    return { items, total: stored.total + regrouped.length };
  }

  /** The given clusters as they were at `as_of`, regrouped from their claims known then, filtered. */
  private async regroup(filter: TimelineFilter & { asOf: string }, clusterIds: string[]) {
    const claims = await this.search.claims(
      this.queries.claimsAsOf(filter.asOf, clusterIds),
      [{ id: 'asc' }],
      AS_OF_MAX_CLAIMS,
    );
    const byCluster = new Map<string, ClaimRecord[]>();
    for (const doc of claims.items) {
      const members = byCluster.get(doc.cluster_id) ?? [];
      members.push(TimelineDocumentMapper.claimRecordOf(doc));
      byCluster.set(doc.cluster_id, members);
    }
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
