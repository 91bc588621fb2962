import 'reflect-metadata';
import { bootstrapApp } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { IndexerEnvDto } from './config/env.dto';

void bootstrapApp({
  name: 'indexer',
  envClass: IndexerEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
});
