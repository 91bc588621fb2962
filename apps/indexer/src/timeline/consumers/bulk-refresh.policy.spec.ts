import { BulkRefreshPolicy } from './bulk-refresh.policy';

describe(BulkRefreshPolicy.name, () => {
  const clock = (times: number[]) => () => times.shift()!;

  it('should refresh a bulk when the previous refresh is at least the minimum interval old', () => {
    const sut = new BulkRefreshPolicy(
      { refresh: false, refreshAfterBulk: true, refreshAfterBulkMinIntervalMs: 1000 },
      clock([0, 300, 999, 1000, 1500, 5000]),
    );

    const refreshes = Array.from({ length: 6 }, () => sut.next());

    expect(refreshes).toEqual(['now', false, false, 'now', false, 'now']);
  });

  it('should refresh every bulk with a minimum interval of 0', () => {
    const sut = new BulkRefreshPolicy(
      { refresh: false, refreshAfterBulk: true, refreshAfterBulkMinIntervalMs: 0 },
      clock([0, 0, 1]),
    );

    expect([sut.next(), sut.next(), sut.next()]).toEqual(['now', 'now', 'now']);
  });

  it('should never refresh with the bulk when refreshAfterBulk is off', () => {
    const sut = new BulkRefreshPolicy(
      { refresh: false, refreshAfterBulk: false, refreshAfterBulkMinIntervalMs: 0 },
      clock([0, 5000]),
    );

    expect([sut.next(), sut.next()]).toEqual([false, false]);
  });

  it('should wait for a refresh after every bulk when refresh is on', () => {
    const sut = new BulkRefreshPolicy(
      { refresh: true, refreshAfterBulk: true, refreshAfterBulkMinIntervalMs: 1000 },
      clock([0, 1]),
    );

    expect([sut.next(), sut.next()]).toEqual([true, true]);
  });
});
