import 'reflect-metadata';
import { bootstrapApp, setupOpenApi } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { IngestEnvDto } from './config/env.dto';
import { INGEST_OPENAPI } from './openapi';

void bootstrapApp({
  name: 'ingest',
  envClass: IngestEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
  workers: (env) => env.INGEST_WORKERS,
  configure: (app) => setupOpenApi(app, INGEST_OPENAPI),
  // Intake reads bodies itself: explicit limits and media types, every refusal as problem+json.
  bodyParser: false,
});
