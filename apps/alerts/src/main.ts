import 'reflect-metadata';
import { bootstrapApp, setupOpenApi } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { AlertsEnvDto } from './config/env.dto';
import { ALERTS_OPENAPI } from './openapi';

void bootstrapApp({
  name: 'alerts',
  envClass: AlertsEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
  configure: (app) => setupOpenApi(app, ALERTS_OPENAPI),
});
