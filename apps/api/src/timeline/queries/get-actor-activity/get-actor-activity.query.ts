import { Query } from '@nestjs/cqrs';
import type { TimelineFilter } from '@sitrep/search/timeline/timeline.query';
import type { ActivityResponseDto } from '../../dto/timeline.response.dto';

/** Events per month and type of an actor (charts); null when the actor is unknown. */
export class GetActorActivityQuery extends Query<ActivityResponseDto | null> {
  constructor(readonly filter: TimelineFilter) {
    super();
  }
}
