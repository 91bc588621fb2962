import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@sitrep/auth';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaModule, kafkaOptionsFromEnv, Topic } from '@sitrep/messaging';
import { PersistenceModule, persistenceOptionsFromEnv } from '@sitrep/persistence';
import { SearchModule, searchOptionsFromEnv } from '@sitrep/search';
import { IndexerEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';
import { timelineOptionsFromEnv } from './timeline/timeline.env';
import { TimelineModule } from './timeline/timeline.module';

/** The indexer app: projects extracted claims into the Elasticsearch timeline indices. */
@Module({})
export class AppModule {
  static register(env: IndexerEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-indexer')),
        AuthModule.forRoot(authOptionsFromEnv(env)),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ClaimsExtracted])),
        SearchModule.forRoot(searchOptionsFromEnv(env)),
        TerminusModule,
        TimelineModule.forRoot(timelineOptionsFromEnv(env)),
      ],
      controllers: [HealthController],
      providers: [{ provide: IndexerEnvDto, useValue: env }],
    };
  }
}
