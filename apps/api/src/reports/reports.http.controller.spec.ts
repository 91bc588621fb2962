import { exclusiveEnd } from './reports.http.controller';

describe(exclusiveEnd.name, () => {
  it('should end an inclusive date at the start of the next day', () => {
    expect(exclusiveEnd('2022-12-31').toISOString()).toBe('2023-01-01T00:00:00.000Z');
  });

  it('should end an inclusive instant one millisecond later', () => {
    expect(exclusiveEnd('2022-12-31T10:00:00Z').toISOString()).toBe('2022-12-31T10:00:00.001Z');
  });
});
