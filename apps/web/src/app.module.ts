import { DynamicModule, Module } from '@nestjs/common';
import { WebEnvDto } from './config/env.dto';
import { HealthController } from './health/health.controller';

/** The web app: the analysts' workspace (a built single-page app) and one origin for the apps behind it. */
@Module({})
export class AppModule {
  static register(env: WebEnvDto): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController],
      providers: [{ provide: WebEnvDto, useValue: env }],
    };
  }
}
