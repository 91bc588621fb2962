import { Logger } from '@nestjs/common';
import { logLevel as KafkaLogLevel, LogEntry } from 'kafkajs';

/** Routes kafkajs' own logs to the Nest logger (and so to the app's JSON lines). */
export const kafkaLogCreator = () => {
  const loggers = new Map<string, Logger>();
  return ({ namespace, level, log }: LogEntry): void => {
    const context = `kafkajs${namespace ? `:${namespace}` : ''}`;
    let logger = loggers.get(context);
    if (!logger) {
      logger = new Logger(context);
      loggers.set(context, logger);
    }
    const { message, timestamp: _timestamp, logger: _logger, ...extra } = log;
    const line = Object.keys(extra).length > 0 ? `${message} ${JSON.stringify(extra)}` : message;
    if (level === KafkaLogLevel.ERROR) logger.error(line);
    else if (level === KafkaLogLevel.WARN) logger.warn(line);
    else if (level === KafkaLogLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
};
