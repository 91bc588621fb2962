import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { bootstrapApp } from '@sitrep/domain/http';
import { AppModule } from './app.module';
import { WebEnvDto } from './config/env.dto';
import { configureWebApp } from './configure-web-app';

void bootstrapApp({
  name: 'web',
  envClass: WebEnvDto,
  module: (env) => AppModule.register(env),
  port: (env) => env.port,
  // Request bodies stream through the proxies as they came.
  bodyParser: false,
  configure: (app, env) => configureWebApp(app as NestExpressApplication, env),
});
