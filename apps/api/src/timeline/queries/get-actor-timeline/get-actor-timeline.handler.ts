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

/** Claims read for one `as_of` view at most: the view is rebuilt in memory from them. */
export const AS_OF_MAX_CLAIMS = 10_000;

const dateOf = (doc: ClusterDocument, filter: TimelineFilter): string =>
  filter.dateField === 'event' ? doc.event_start : doc.first_seen;

/**
 * Reads the current timeline from the clusters index; with `as_of`, regroups the claims recorded by
 * then (and not yet replaced) into the clusters as they were, with the same domain rules.
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
    const claims = await this.search.claims(
      this.queries.claimsAsOf(filter),
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
      if (filter.minIndependentSources && doc.independent_source_count < filter.minIndependentSources)
        continue;
      if (filter.sanctionsRelevantOnly && !doc.sanctions.relevant) continue;
      if (filter.modalities?.length && !doc.modalities.some((m) => filter.modalities?.includes(m))) continue;
      docs.push(doc);
    }
    const sign = order === 'asc' ? 1 : -1;
    const key = (doc: ClusterDocument) => [Date.parse(dateOf(doc, filter)), doc.id] as const;
    docs.sort((a, b) => {
      const [da, ia] = key(a);
      const [db, ib] = key(b);
      return sign * (da - db || ia.localeCompare(ib));
    });
    const start = after
      ? docs.findIndex((doc) => {
          const [d, i] = key(doc);
          const cd = Date.parse(after.date);
          return sign * (d - cd || i.localeCompare(after.id)) > 0;
        })
      : 0;
    const items = start < 0 ? [] : docs.slice(start, start + limit);
    return { items, total: docs.length };
  }
}
