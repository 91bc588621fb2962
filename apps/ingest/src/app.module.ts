import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@sitrep/auth';
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
import { ArticlesModule } from './articles/articles.module';
import { IngestEnvDto } from './config/env.dto';
import { FeedsModule } from './feeds/feeds.module';
import { HealthController } from './health/health.controller';
import { IngestSettingsModule } from './ingest-settings.module';
import { ingestSettingsFromEnv } from './ingest.settings';

/** The ingest app: takes articles in (HTTP, feeds) and announces them on `articles.ingested`. */
@Module({})
export class AppModule {
  static register(env: IngestEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-ingest')),
        AuthModule.forRoot(authOptionsFromEnv(env)),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ArticlesIngested])),
        // The relay publishes the topic intake writes to (INGEST_ARTICLES_TOPIC, a test topic in e2e tests);
        // every worker runs one, nudged by its own commits, and they take turns (one round at a time).
        OutboxModule.forRoot({
          ...outboxOptionsFromEnv(env, [Topic.ArticlesIngested]),
          topics: [env.INGEST_ARTICLES_TOPIC],
          exclusive: true,
        }),
        TerminusModule,
        IngestSettingsModule.forRoot(ingestSettingsFromEnv(env)),
        ArticlesModule,
        FeedsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: IngestEnvDto, useValue: env }],
    };
  }
}
