import { compareEngineVersions } from './engine-version';

describe('compareEngineVersions', () => {
  it('should compare numerically, part by part', () => {
    expect(compareEngineVersions('0.10.0', '0.9.3')).toBe(1);
    expect(compareEngineVersions('1.0', '1.0.0')).toBe(0);
    expect(compareEngineVersions('1.2.3', '1.2.4')).toBe(-1);
  });
});
