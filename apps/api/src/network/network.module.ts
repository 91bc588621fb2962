import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { ActorDirectory } from '../timeline/actor.directory';
import { NetworkHttpController } from './network.http.controller';
import { GetNetworkHandler } from './queries/get-network/get-network.handler';

/** The actor network over the clusters index. Needs SearchModule. */
@Module({
  imports: [CqrsModule],
  controllers: [NetworkHttpController],
  providers: [ActorDirectory, TimelineReadSearchRepository, GetNetworkHandler],
})
export class NetworkModule {}
