import { Logger, OnModuleDestroy } from '@nestjs/common';
import type { ArticleInput, ExtractionResult } from '@sitrep/extraction';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

interface Pending {
  resolve: (result: ExtractionResult) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Runs the CPU-bound extraction engine in worker threads so that several articles are extracted at
 * once on a multi-core host, while the main thread keeps Kafka heartbeats and PostgreSQL I/O going.
 */
export class ExtractionWorkerPool implements OnModuleDestroy {
  private readonly logger = new Logger(ExtractionWorkerPool.name);
  private readonly workers: PooledWorker[] = [];
  private sequence = 0;
  private closing = false;

  constructor(size: number) {
    for (let i = 0; i < size; i += 1) this.workers.push(this.spawn());
  }

  /** Extracts one article on the least busy worker. */
  run(input: ArticleInput): Promise<ExtractionResult> {
    const target = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = (this.sequence += 1);
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, input });
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }

  private spawn(): PooledWorker {
    // Under ts-node the worker is TypeScript too and needs the same loaders; from dist/ it is plain JS.
    const extension = extname(__filename);
    const execArgv =
      extension === '.ts' ? ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'] : [];
    const worker = new Worker(join(__dirname, `extraction.worker${extension}`), { execArgv });
    const entry: PooledWorker = { worker, pending: new Map() };
    worker.on('message', (message: { id: number; result?: ExtractionResult; error?: string }) => {
      const pending = entry.pending.get(message.id);
      if (!pending) return;
      entry.pending.delete(message.id);
      if (message.result) pending.resolve(message.result);
      else pending.reject(new Error(message.error ?? 'extraction failed'));
    });
    worker.on('error', (error) => this.logger.error(`extraction worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      for (const pending of entry.pending.values())
        pending.reject(new Error(`extraction worker exited (${code})`));
      entry.pending.clear();
      if (this.closing) return;
      // Replace a dead worker so that the pool keeps its size.
      const at = this.workers.indexOf(entry);
      if (at >= 0) this.workers[at] = this.spawn();
    });
    return entry;
  }
}
