import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import {
  KafkaModule,
  kafkaOptionsFromEnv,
  OutboxModule,
  outboxOptionsFromEnv,
  Topic,
} from '@sitrep/messaging';
import { PersistenceModule, persistenceOptionsFromEnv } from '@sitrep/persistence';
import { IngestEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';

/** The ingest app: takes articles in (HTTP, feeds) and announces them on `articles.ingested`. */
@Module({})
export class AppModule {
  static register(env: IngestEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-ingest')),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ArticlesIngested])),
        OutboxModule.forRoot(outboxOptionsFromEnv(env)),
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: IngestEnvDto, useValue: env }],
    };
  }
}
