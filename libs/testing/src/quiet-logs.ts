import { Logger, LogLevel } from '@nestjs/common';

/** Keeps Nest's logs of code under test to errors (TEST_LOG_LEVEL=debug shows everything). */
export function quietNestLogs(): void {
  const levels: LogLevel[] =
    process.env.TEST_LOG_LEVEL === 'debug' ? ['fatal', 'error', 'warn', 'log', 'debug'] : ['fatal', 'error'];
  Logger.overrideLogger(levels);
}
