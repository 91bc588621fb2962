import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule, authOptionsFromEnv } from '@sitrep/auth';
import { TerminusModule } from '@nestjs/terminus';
import { KafkaModule, kafkaOptionsFromEnv, Topic } from '@sitrep/messaging';
import { PersistenceModule, persistenceOptionsFromEnv } from '@sitrep/persistence';
import { alertsOptionsFromEnv } from './alerts/alerts.env';
import { AlertsModule } from './alerts/alerts.module';
import { AlertsEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';

/** The alerts app: watches extracted claims and notifies subscribers. */
@Module({})
export class AppModule {
  static register(env: AlertsEnvDto): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env, 'sitrep-alerts')),
        AuthModule.forRoot(authOptionsFromEnv(env)),
        KafkaModule.forRoot(kafkaOptionsFromEnv(env, [Topic.ClaimsExtracted])),
        TerminusModule,
        AlertsModule.register(alertsOptionsFromEnv(env)),
      ],
      controllers: [HealthController],
      providers: [{ provide: AlertsEnvDto, useValue: env }],
    };
  }
}
