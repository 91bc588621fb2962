import { LoggerService } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';

/**
 * The primary of an app run as `count` cluster workers, which share its port (Node hands each new
 * connection to one of them): it starts them and only supervises. SIGTERM and SIGINT are passed on
 * and the primary exits 0 once every worker has stopped. A worker that exits on its own (a failed
 * start, a crash) stops the others and the primary exits 1, so that whatever runs the app (npm start,
 * systemd, an orchestrator) sees one app that failed, not a half-running one.
 */
export function superviseWorkers(name: string, count: number, logger: LoggerService): void {
  const live = new Set<Worker>();
  let stopping = false;
  let exitCode = 0;

  const stopAll = (signal: NodeJS.Signals): void => {
    stopping = true;
    for (const worker of live) worker.process.kill(signal);
  };

  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker);
    if (!stopping) {
      logger.error(
        `${name} worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping the others`,
        undefined,
        'Workers',
      );
      exitCode = 1;
      stopAll('SIGTERM');
    }
    if (live.size === 0) process.exit(exitCode);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(signal));

  for (let i = 0; i < count; i++) live.add(cluster.fork());
  logger.log(`${name} runs ${count} workers (primary ${process.pid})`, 'Workers');
}
