import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cluster from 'node:cluster';
import { ClassConstructor } from 'class-transformer';
import { InvalidEnvironmentError, loadEnv } from '../config/load-env';
import { RuntimeEnv } from '../config/shared-env';
import { AppLogger } from './app-logger';
import { configureHttpApp } from './configure-http-app';
import { superviseWorkers } from './supervise-workers';

export interface BootstrapOptions<E extends RuntimeEnv> {
  /** Service name in logs, e.g. `ingest`. */
  name: string;
  /** The app's env DTO, validated before anything starts. */
  envClass: ClassConstructor<E>;
  /** The root module for a validated env. */
  module: (env: E) => DynamicModule;
  /** The port to listen on. */
  port: (env: E) => number;
  /** Extra HTTP setup (OpenAPI docs...). */
  configure?: (app: INestApplication, env: E) => void;
  /** Nest's default JSON/urlencoded parsers; false when the app reads its bodies itself. @default true */
  bodyParser?: boolean;
  /** Processes serving the port (Node cluster workers under a supervising primary). @default 1 */
  workers?: (env: E) => number;
}

/**
 * Starts an app: validates its env (exit 1 naming the bad variables), creates it with the JSON logger,
 * problem+json errors and shutdown hooks, and listens. A failure while starting (an engine down,
 * a migration failing) logs the reason and exits 1 instead of leaving a half-started process.
 * With more than one worker, this process only supervises them (undefined); each worker starts the app.
 */
export async function bootstrapApp<E extends RuntimeEnv>(
  options: BootstrapOptions<E>,
): Promise<INestApplication | undefined> {
  let env: E;
  try {
    env = loadEnv(options.envClass);
  } catch (error) {
    const logger = new AppLogger(options.name, 'log', 'json');
    logger.fatal(error instanceof InvalidEnvironmentError ? error.message : String(error), 'Config');
    process.exit(1);
  }
  const logger = new AppLogger(options.name, env.LOG_LEVEL, env.LOG_FORMAT);
  const workers = options.workers?.(env) ?? 1;
  if (workers > 1 && cluster.isPrimary) {
    superviseWorkers(options.name, workers, logger);
    return undefined;
  }
  try {
    const app = await NestFactory.create(options.module(env), {
      logger,
      abortOnError: false,
      bodyParser: options.bodyParser ?? true,
    });
    configureHttpApp(app);
    options.configure?.(app, env);
    const port = options.port(env);
    await app.listen(port, env.HOST);
    logger.log(`${options.name} listening on http://${env.HOST}:${port}`, 'Bootstrap');
    return app;
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    logger.error(`${options.name} failed to start: ${reason.message}`, reason.stack, 'Bootstrap');
    process.exit(1);
  }
}
