import { contentHash } from './content-hash';

describe('contentHash', () => {
  describe('contentHash', () => {
    it('should give the same hash to texts that differ only in case and white space', () => {
      expect(contentHash('The  minister said\n\nhello.')).toBe(contentHash('the minister said hello.'));
    });

    it('should give different hashes to different texts', () => {
      expect(contentHash('The minister said hello.')).not.toBe(contentHash('The minister said goodbye.'));
    });

    it('should be 64 hex characters', () => {
      expect(contentHash('x')).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
