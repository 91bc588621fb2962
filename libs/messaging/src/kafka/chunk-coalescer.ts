/**
 * Joins the chunks that a consumer's partitions hand over at the same time into one call of `work`, with
 * at most `concurrency` calls at a time (group commit): while calls run, the chunks arriving meanwhile
 * wait and go together into the next one, up to `maxItems`. Under light load a chunk is worked on at
 * once; under heavy load the calls grow instead of queueing behind each other, so fixed costs per call (a
 * database read or transaction, a bulk request, a row or document rewritten for each call that touches
 * it) are paid once for many partitions, and the calls do not contend with each other beyond
 * `concurrency`.
 *
 * Each chunk's caller gets its own outcomes back, in order. When a joined call fails, every chunk in it
 * is tried on its own, so one bad chunk cannot fail the others; an error `isUnavailable` calls
 * "try again later" (a dependency is down) is passed to every caller at once instead, whose consumer
 * backs off and submits again.
 */
export class ChunkCoalescer<T, R> {
  private readonly waiting: Array<Pending<T, R>> = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly work: (items: T[]) => Promise<R[]>,
    private readonly options: {
      /** Most items in one call (a chunk is never split, so one larger chunk goes alone). */
      maxItems: number;
      /** Calls at a time (2 lets one call's CPU work overlap another's I/O). @default 1 */
      concurrency?: number;
      /** A failure every chunk would meet on its own too (a dependency down): not retried chunk by chunk. */
      isUnavailable?: (error: unknown) => boolean;
    },
  ) {}

  /** Resolves with the outcomes of these items once a call holding them succeeded. */
  submit(items: T[]): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      this.waiting.push({ items, resolve, reject });
      this.schedule();
    });
  }

  /** Chunks not yet in a call (tests, logs). */
  get queued(): number {
    return this.waiting.length;
  }

  /** Starts calls on the next turn of the event loop, so that the chunks of one fetch's partitions meet. */
  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrency) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length > 0 && this.running < this.concurrency) void this.run(this.take());
    });
  }

  private get concurrency(): number {
    return Math.max(1, this.options.concurrency ?? 1);
  }

  /** One call, then the next waiting chunks (joined with what arrived meanwhile). */
  private async run(chunks: Array<Pending<T, R>>): Promise<void> {
    this.running += 1;
    try {
      await this.call(chunks);
    } finally {
      this.running -= 1;
      if (this.waiting.length > 0) this.schedule();
    }
  }

  /** The oldest waiting chunks, whole, up to `maxItems` items (at least one chunk). */
  private take(): Array<Pending<T, R>> {
    let count = this.waiting[0].items.length;
    let taken = 1;
    while (
      taken < this.waiting.length &&
      count + this.waiting[taken].items.length <= Math.max(1, this.options.maxItems)
    ) {
      count += this.waiting[taken].items.length;
      taken += 1;
    }
    return this.waiting.splice(0, taken);
  }

  private async call(chunks: Array<Pending<T, R>>): Promise<void> {
    try {
      const outcomes = await this.work(chunks.flatMap((chunk) => chunk.items));
      let at = 0;
      for (const chunk of chunks) {
        chunk.resolve(outcomes.slice(at, at + chunk.items.length));
        at += chunk.items.length;
      }
      return;
    } catch (error) {
      if (chunks.length === 1 || this.options.isUnavailable?.(error)) {
        for (const chunk of chunks) chunk.reject(error);
        return;
      }
    }
    for (const chunk of chunks) await this.call([chunk]);
  }
}

interface Pending<T, R> {
  items: T[];
  resolve: (outcomes: R[]) => void;
  reject: (error: unknown) => void;
}
