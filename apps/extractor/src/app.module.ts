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
import { claimsOptionsFromEnv } from './claims/claims.env';
import { ClaimsModule } from './claims/claims.module';
import { ExtractorEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';

/** The extractor app: runs the extraction engine on ingested articles and announces `claims.extracted`. */
@Module({})
export class AppModule {
  static register(env: ExtractorEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-extractor')),
        AuthModule.forRoot(authOptionsFromEnv(env)),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ArticlesIngested, Topic.ClaimsExtracted])),
        OutboxModule.forRoot({
          ...outboxOptionsFromEnv(env, [Topic.ClaimsExtracted]),
          // The claims feature may write to its own topic (tests): the relay publishes that one too.
          topics: [
            Topic.ClaimsExtracted,
            ...(env.EXTRACTOR_OUTPUT_TOPIC ? [env.EXTRACTOR_OUTPUT_TOPIC] : []),
          ],
        }),
        TerminusModule,
        ClaimsModule.forRoot(claimsOptionsFromEnv(env)),
      ],
      controllers: [HealthController],
      providers: [{ provide: ExtractorEnvDto, useValue: env }],
    };
  }
}
