import { InvalidEnvironmentError, loadEnv } from '@sitrep/domain/config';
import { timelineOptionsFromEnv } from '../timeline/timeline.env';
import { IndexerEnvDto } from './env.dto';

describe(IndexerEnvDto.name, () => {
  describe('port', () => {
    it('should default to 3003', () => {
      expect(loadEnv(IndexerEnvDto, {}).port).toBe(3003);
    });

    it('should take PORT when INDEXER_PORT is unset', () => {
      expect(loadEnv(IndexerEnvDto, { PORT: '8080' }).port).toBe(8080);
    });

    it('should prefer INDEXER_PORT to PORT', () => {
      expect(loadEnv(IndexerEnvDto, { PORT: '8080', INDEXER_PORT: '9003' }).port).toBe(9003);
    });
  });

  describe('validation', () => {
    it('should name INDEXER_PORT when it is not a number', () => {
      expect(() => loadEnv(IndexerEnvDto, { INDEXER_PORT: 'auto' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('INDEXER_PORT must be an integer') }),
      );
    });

    it('should name every invalid shared variable', () => {
      const sut = () => loadEnv(IndexerEnvDto, { DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });

      expect(sut).toThrow(InvalidEnvironmentError);
      expect(sut).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
    });
  });

  describe('INDEXER_REFRESH_AFTER_BULK', () => {
    it('should be on by default and off when set false', () => {
      expect(timelineOptionsFromEnv(loadEnv(IndexerEnvDto, {})).refreshAfterBulk).toBe(true);
      expect(
        timelineOptionsFromEnv(loadEnv(IndexerEnvDto, { INDEXER_REFRESH_AFTER_BULK: 'false' }))
          .refreshAfterBulk,
      ).toBe(false);
    });
  });

  describe('INDEXER_REFRESH_AFTER_BULK_MIN_INTERVAL_MS', () => {
    it('should default to 250 and take 0 (every bulk)', () => {
      expect(timelineOptionsFromEnv(loadEnv(IndexerEnvDto, {})).refreshAfterBulkMinIntervalMs).toBe(250);
      expect(
        timelineOptionsFromEnv(loadEnv(IndexerEnvDto, { INDEXER_REFRESH_AFTER_BULK_MIN_INTERVAL_MS: '0' }))
          .refreshAfterBulkMinIntervalMs,
      ).toBe(0);
    });
  });

  describe('KAFKA_CLIENT_ID', () => {
    it('should name the app by default', () => {
      expect(loadEnv(IndexerEnvDto, {}).KAFKA_CLIENT_ID).toBe('sitrep-indexer');
    });

    it('should take the variable when set', () => {
      expect(loadEnv(IndexerEnvDto, { KAFKA_CLIENT_ID: 'custom' }).KAFKA_CLIENT_ID).toBe('custom');
    });
  });
});
