import { leadingRowsWithin } from './outbox.relay';

const row = (key: string, valueBytes: number, headers: Record<string, string> = {}) => ({
  key,
  value: 'x'.repeat(valueBytes),
  headers,
});

describe(leadingRowsWithin.name, () => {
  it('should keep every row when they fit', () => {
    const rows = [row('a', 100), row('b', 100)];

    expect(leadingRowsWithin(rows, 1000)).toEqual(rows);
  });

  it('should stop before the row that would pass the cap, counting keys and headers', () => {
    const rows = [row('a', 400), row('b', 400, { 'sitrep-trace': 'y'.repeat(100) }), row('c', 10)];

    // 401 + 401 + 12 + 100 = 914 bytes with the second row: past 900.
    expect(leadingRowsWithin(rows, 900).map((r) => r.key)).toEqual(['a']);
    expect(leadingRowsWithin(rows, 914).map((r) => r.key)).toEqual(['a', 'b']);
  });

  it('should never leave out a later row while sending an earlier one of the same key', () => {
    const rows = [row('k', 300), row('j', 300), row('k', 300), row('j', 10)];

    const sent = leadingRowsWithin(rows, 700);

    expect(sent).toEqual(rows.slice(0, 2));
  });

  it('should send a first row larger than the cap alone, so that a round always makes progress', () => {
    const rows = [row('a', 5000), row('b', 10)];

    expect(leadingRowsWithin(rows, 1000)).toEqual([rows[0]]);
  });

  it('should count multi-byte characters as bytes', () => {
    const rows = [row('a', 0), { key: 'b', value: 'é'.repeat(300), headers: {} }];

    expect(leadingRowsWithin(rows, 500)).toEqual([rows[0]]);
  });
});
