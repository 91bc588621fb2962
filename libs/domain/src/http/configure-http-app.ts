import { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestContextMiddleware } from './request-context';

/** What every Sitrep app sets up on its HTTP side, in main.ts and in e2e tests alike. */
export function configureHttpApp(app: INestApplication): INestApplication {
  app.use(requestContextMiddleware);
  app.useGlobalFilters(new ProblemDetailsFilter(app.get(HttpAdapterHost)));
  // Stops the consumers and the outbox relay and closes the pools on SIGTERM/SIGINT.
  app.enableShutdownHooks();
  return app;
}
