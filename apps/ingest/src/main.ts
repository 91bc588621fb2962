import 'reflect-metadata';
import { bootstrapApp } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { IngestEnvDto } from './config/env.dto';

void bootstrapApp({
  name: 'ingest',
  envClass: IngestEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
  // Intake reads bodies itself: explicit limits and media types, every refusal as problem+json.
  bodyParser: false,
});
