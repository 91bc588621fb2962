import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { ActorDirectory } from './actor.directory';
import { FindClaimsHandler } from './queries/find-claims/find-claims.handler';
import { GetActorActivityHandler } from './queries/get-actor-activity/get-actor-activity.handler';
import { GetActorTimelineHandler } from './queries/get-actor-timeline/get-actor-timeline.handler';
import { GetClusterHandler } from './queries/get-cluster/get-cluster.handler';
import { ActorsHttpController, ClaimsHttpController } from './timeline.http.controller';

/** The read API: actors, timelines, activity, claims and clusters. Needs SearchModule. */
@Module({
  imports: [CqrsModule],
  controllers: [ActorsHttpController, ClaimsHttpController],
  providers: [
    ActorDirectory,
    TimelineReadSearchRepository,
    GetActorTimelineHandler,
    GetActorActivityHandler,
    FindClaimsHandler,
    GetClusterHandler,
  ],
  exports: [ActorDirectory],
})
export class TimelineModule {}
