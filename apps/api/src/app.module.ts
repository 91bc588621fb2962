import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@sitrep/auth';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { PersistenceModule, persistenceOptionsFromEnv } from '@sitrep/persistence';
import { SearchModule, searchOptionsFromEnv } from '@sitrep/search';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ArticlesModule } from './articles/articles.module';
import { ApiEnvDto } from './config/env.dto';
import { CurationModule } from './curation/curation.module';
import { ExportsModule } from './exports/exports.module';
import { HealthController } from './health/health.controller';
import { NetworkModule } from './network/network.module';
import { ReportsModule } from './reports/reports.module';
import { TimelineModule } from './timeline/timeline.module';

/** The api app: the public read API (timelines, actors, claims) with OpenAPI docs at /docs. */
@Module({})
export class AppModule {
  static register(env: ApiEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-api')),
        AuthModule.forRoot(authOptionsFromEnv(env)),
        SearchModule.forRoot(searchOptionsFromEnv(env)),
        TerminusModule,
        TimelineModule,
        ApiKeysModule,
        ReportsModule,
        ExportsModule.register(env),
        ArticlesModule,
        NetworkModule,
        CurationModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: ApiEnvDto, useValue: env }],
    };
  }
}
