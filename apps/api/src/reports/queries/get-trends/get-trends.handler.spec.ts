import { bucketsOf, nextBucket } from './get-trends.handler';

describe(bucketsOf.name, () => {
  const row = (bucket: string, type: string | null, claims: number) => ({
    bucket: new Date(bucket),
    type,
    claims,
    clusters: claims,
    articles: claims,
  });

  it('should fill the empty months between the first and the last bucket', () => {
    const sut = bucketsOf(
      [
        row('2022-01-01T00:00:00Z', null, 3),
        row('2022-01-01T00:00:00Z', 'arms_transfer', 3),
        row('2022-04-01T00:00:00Z', null, 1),
      ],
      'month',
    );
    expect(sut.map((b) => [b.start, b.claims])).toEqual([
      ['2022-01-01', 3],
      ['2022-02-01', 0],
      ['2022-03-01', 0],
      ['2022-04-01', 1],
    ]);
    expect(sut[0].types).toEqual([{ type: 'arms_transfer', claims: 3, clusters: 3, articles: 3 }]);
  });

  it('should step weeks by seven days across a month end', () => {
    expect(nextBucket(new Date('2022-01-31T00:00:00Z'), 'week').toISOString()).toBe(
      '2022-02-07T00:00:00.000Z',
    );
    expect(bucketsOf([], 'week')).toEqual([]);
  });
});
