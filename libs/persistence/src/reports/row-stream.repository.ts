import { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { Readable } from 'node:stream';

/** Rows fetched from the server cursor at a time: memory stays flat whatever the result size. */
export const ROW_STREAM_BATCH_SIZE = 500;

/** No connection of the export pool became free in time: too many exports at once. */
export class ExportCapacityError extends Error {
  readonly code = 'EXPORT.BUSY';
}

export interface RowStreamOptions {
  url: string;
  /** Exports that may run at once (each holds one connection for its whole length). @default 4 */
  maxConcurrent?: number;
  /** How long a new export waits for a free connection. @default 5000 */
  acquireTimeoutMs?: number;
  /** Shown in `pg_stat_activity`. @default 'sitrep-export' */
  applicationName?: string;
}

/**
 * Streams query results from a PostgreSQL cursor (`pg-query-stream`) on a pool of its own, so that long
 * exports never starve the API's other queries. The cursor reads the next batch only when the consumer
 * asks for more (backpressure); the connection goes back to the pool when the stream closes, whether it
 * ended, failed or was destroyed (client disconnect). A stream destroyed before its end discards its
 * connection rather than reusing one whose cursor state is unknown.
 */
export class RowStreamRepository {
  private readonly pool: Pool;

  constructor(options: RowStreamOptions) {
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConcurrent ?? 4,
      connectionTimeoutMillis: options.acquireTimeoutMs ?? 5000,
      application_name: options.applicationName ?? 'sitrep-export',
    });
    // An idle client's error (server restart) must not crash the app; the next acquire reconnects.
    this.pool.on('error', () => undefined);
  }

  /** Starts the query and returns its rows as an object-mode stream. */
  async stream(sql: string, params: unknown[]): Promise<Readable> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      if (error instanceof Error && /timeout/i.test(error.message)) {
        throw new ExportCapacityError('Too many exports are running; retry in a moment');
      }
      throw error;
    }
    const rows = client.query(new QueryStream(sql, params, { batchSize: ROW_STREAM_BATCH_SIZE }));
    let ended = false;
    let released = false;
    rows.once('end', () => (ended = true));
    rows.once('close', () => {
      if (released) return;
      released = true;
      client.release(ended ? undefined : new Error('export stream closed before its end'));
    });
    return rows;
  }

  /** Connections of this pool in use right now (exports running). */
  get active(): number {
    return this.pool.totalCount - this.pool.idleCount;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
