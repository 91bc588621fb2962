import { Query } from '@nestjs/cqrs';
import type { SortOrder, TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import type { TimelinePageDto } from '../../dto/timeline.response.dto';

/** The timeline of an actor; null when the actor is unknown. */
export class GetActorTimelineQuery extends Query<TimelinePageDto | null> {
  constructor(
    readonly filter: TimelineFilter,
    readonly order: SortOrder,
    readonly limit: number,
    readonly cursor: string | null,
  ) {
    super();
  }
}
