import 'reflect-metadata';
import { bootstrapApp } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { ExtractorEnvDto } from './config/env.dto';

void bootstrapApp({
  name: 'extractor',
  envClass: ExtractorEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
});
