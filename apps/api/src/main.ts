import 'reflect-metadata';
import { bootstrapApp, setupOpenApi } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { ApiEnvDto } from './config/env.dto';
import { API_OPENAPI } from './openapi';

void bootstrapApp({
  name: 'api',
  envClass: ApiEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
  configure: (app) => setupOpenApi(app, API_OPENAPI),
});
