import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { DataSource } from 'typeorm';
import { ProjectArticlesHandler } from './commands/project-articles/project-articles.handler';
import { ClaimsExtractedConsumer } from './consumers/claims-extracted.consumer';
import { INDEXER_TIMELINE_OPTIONS, IndexerTimelineOptions } from './timeline.options';

/** The timeline projection: `claims.extracted` -> PostgreSQL read -> Elasticsearch. Needs Persistence, Kafka and Search. */
@Module({})
export class TimelineModule {
  static forRoot(options: IndexerTimelineOptions): DynamicModule {
    return {
      module: TimelineModule,
      imports: [CqrsModule],
      providers: [
        { provide: INDEXER_TIMELINE_OPTIONS, useValue: options },
        { provide: ClaimsRepository, useFactory: ClaimsRepository.fromDataSource, inject: [DataSource] },
        TimelineProjectionSearchRepository,
        ProjectArticlesHandler,
        ClaimsExtractedConsumer,
      ],
      exports: [ClaimsExtractedConsumer, TimelineProjectionSearchRepository],
    };
  }
}
