import { ChunkCoalescer } from './chunk-coalescer';

class Unavailable extends Error {}

/** A work function that records its calls and can be held until released. */
function recorder(fail: (items: string[]) => Error | undefined = () => undefined) {
  const calls: string[][] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | undefined;
  return {
    calls,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    work: async (items: string[]) => {
      calls.push(items);
      if (gate) {
        const held = gate;
        gate = undefined;
        await held;
      }
      const error = fail(items);
      if (error) throw error;
      return items.map((item) => `done ${item}`);
    },
  };
}

describe(ChunkCoalescer.name, () => {
  it('should join chunks submitted in the same turn into one call and give each caller its outcomes', async () => {
    const work = recorder();
    const sut = new ChunkCoalescer(work.work, { maxItems: 10 });

    const results = await Promise.all([sut.submit(['a', 'b']), sut.submit(['c']), sut.submit(['d', 'e'])]);

    expect(work.calls).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(results).toEqual([['done a', 'done b'], ['done c'], ['done d', 'done e']]);
  });

  it('should run one call at a time and put what arrives meanwhile into the next call', async () => {
    const work = recorder();
    work.hold();
    const sut = new ChunkCoalescer(work.work, { maxItems: 10 });

    const first = sut.submit(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [sut.submit(['b']), sut.submit(['c'])];
    await new Promise((resolve) => setImmediate(resolve));
    expect(work.calls).toEqual([['a']]);
    work.release();

    await expect(first).resolves.toEqual(['done a']);
    await expect(Promise.all(later)).resolves.toEqual([['done b'], ['done c']]);
    expect(work.calls).toEqual([['a'], ['b', 'c']]);
  });

  it('should run up to `concurrency` calls at a time and join what arrives beyond them', async () => {
    const releases: Array<() => void> = [];
    const calls: string[][] = [];
    const sut = new ChunkCoalescer(
      async (items: string[]) => {
        calls.push(items);
        await new Promise<void>((resolve) => releases.push(resolve));
        return items;
      },
      { maxItems: 10, concurrency: 2 },
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    const a = sut.submit(['a']);
    await turn();
    const b = sut.submit(['b']);
    await turn();
    const rest = [sut.submit(['c']), sut.submit(['d'])];
    await turn();
    expect(calls).toEqual([['a'], ['b']]);
    releases[0]();
    await expect(a).resolves.toEqual(['a']);
    await turn();
    expect(calls).toEqual([['a'], ['b'], ['c', 'd']]);
    releases[1]();
    releases[2]();

    await expect(Promise.all([b, ...rest])).resolves.toEqual([['b'], ['c'], ['d']]);
  });

  it('should not put more than maxItems into a call, nor split a chunk', async () => {
    const work = recorder();
    const sut = new ChunkCoalescer(work.work, { maxItems: 3 });

    await Promise.all([sut.submit(['a', 'b']), sut.submit(['c', 'd']), sut.submit(['e', 'f', 'g', 'h'])]);

    expect(work.calls).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f', 'g', 'h'],
    ]);
  });

  it('should try each chunk on its own when a joined call fails, so only the bad chunk fails', async () => {
    const work = recorder((items) => (items.includes('bad') ? new Error('refused') : undefined));
    const sut = new ChunkCoalescer(work.work, { maxItems: 10 });

    const results = await Promise.allSettled([
      sut.submit(['a']),
      sut.submit(['bad', 'b']),
      sut.submit(['c']),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(work.calls).toEqual([['a', 'bad', 'b', 'c'], ['a'], ['bad', 'b'], ['c']]);
  });

  it('should give every caller an unavailable error at once, without trying chunk by chunk', async () => {
    const work = recorder(() => new Unavailable('down'));
    const sut = new ChunkCoalescer(work.work, {
      maxItems: 10,
      isUnavailable: (error) => error instanceof Unavailable,
    });

    const results = await Promise.allSettled([sut.submit(['a']), sut.submit(['b'])]);

    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(work.calls).toEqual([['a', 'b']]);
  });

  it('should keep working after a failed call', async () => {
    let down = true;
    const sut = new ChunkCoalescer(
      async (items: string[]) => {
        if (down) throw new Unavailable('down');
        return items;
      },
      { maxItems: 10, isUnavailable: (error) => error instanceof Unavailable },
    );

    await expect(sut.submit(['a'])).rejects.toBeInstanceOf(Unavailable);
    down = false;

    await expect(sut.submit(['a'])).resolves.toEqual(['a']);
    expect(sut.queued).toBe(0);
  });
});
