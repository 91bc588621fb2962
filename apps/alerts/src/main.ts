import 'reflect-metadata';
import { bootstrapApp } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { AlertsEnvDto } from './config/env.dto';

void bootstrapApp({
  name: 'alerts',
  envClass: AlertsEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
});
