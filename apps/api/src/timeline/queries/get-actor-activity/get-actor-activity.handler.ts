import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TimelineQueryBuilder } from '@sitrep/search/timeline/timeline-query.builder';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { ActorDirectory } from '../../actor.directory';
import type { ActivityResponseDto } from '../../dto/timeline.response.dto';
import { GetActorActivityQuery } from './get-actor-activity.query';

/** Monthly counts per claim type from an Elasticsearch date histogram over the actor's clusters. */
@QueryHandler(GetActorActivityQuery)
export class GetActorActivityHandler implements IQueryHandler<GetActorActivityQuery> {
  private readonly queries = new TimelineQueryBuilder();

  constructor(
    private readonly actors: ActorDirectory,
    private readonly search: TimelineReadSearchRepository,
  ) {}

  async execute({ filter }: GetActorActivityQuery): Promise<ActivityResponseDto | null> {
    const actor = this.actors.find(filter.actorId);
    if (!actor) return null;
    const query = this.queries.clusters(filter);
    const months = await this.search.activity(query, TimelineQueryBuilder.dateFieldOf(filter, 'cluster'));
    return { actor, months };
  }
}
