import { ConsoleLogger, LogLevel } from '@nestjs/common';
import { LOG_LEVELS, LogFormat, LogLevelName } from '../config/shared-env';
import { RequestIds, requestContext } from './request-context';

/** The levels a minimum level enables: 'log' enables fatal, error, warn and log. */
export const logLevelsFrom = (minimum: LogLevelName): LogLevel[] =>
  LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(minimum) + 1) as LogLevel[];

/**
 * Nest's console logger; in JSON mode every line also names the service that wrote it and, when it
 * was written while serving a request, that request's `requestId` and `correlationId`.
 */
export class AppLogger extends ConsoleLogger {
  constructor(
    private readonly service: string,
    level: LogLevelName,
    format: LogFormat,
  ) {
    super({ json: format === 'json', logLevels: logLevelsFrom(level), prefix: service });
  }

  protected override getJsonLogObject(
    message: unknown,
    options: Parameters<ConsoleLogger['getJsonLogObject']>[1],
  ): ReturnType<ConsoleLogger['getJsonLogObject']> & { service: string } & Partial<RequestIds> {
    const ids = requestContext.getStore();
    return {
      ...super.getJsonLogObject(message, options),
      service: this.service,
      ...(ids ? { requestId: ids.requestId, correlationId: ids.correlationId } : {}),
    };
  }
}
