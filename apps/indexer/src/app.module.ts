import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaModule, kafkaOptionsFromEnv, Topic } from '@sitrep/messaging';
import { PersistenceModule, persistenceOptionsFromEnv } from '@sitrep/persistence';
import { SearchModule, searchOptionsFromEnv } from '@sitrep/search';
import { IndexerEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';

/** The indexer app: projects extracted claims into the Elasticsearch timeline indices. */
@Module({})
export class AppModule {
  static register(env: IndexerEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-indexer')),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ClaimsExtracted])),
        SearchModule.forRoot(searchOptionsFromEnv(env)),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: IndexerEnvDto, useValue: env }],
    };
  }
}
