import { InvalidEnvironmentError, loadEnv } from '@sitrep/domain/config';
import { ExtractorEnvDto } from './env.dto';

describe(ExtractorEnvDto.name, () => {
  describe('port', () => {
    it('should default to 3002', () => {
      expect(loadEnv(ExtractorEnvDto, {}).port).toBe(3002);
    });

    it('should take PORT when EXTRACTOR_PORT is unset', () => {
      expect(loadEnv(ExtractorEnvDto, { PORT: '8080' }).port).toBe(8080);
    });

    it('should prefer EXTRACTOR_PORT to PORT', () => {
      expect(loadEnv(ExtractorEnvDto, { PORT: '8080', EXTRACTOR_PORT: '9002' }).port).toBe(9002);
    });
  });

  describe('validation', () => {
    it('should name EXTRACTOR_PORT when it is not a number', () => {
      expect(() => loadEnv(ExtractorEnvDto, { EXTRACTOR_PORT: 'auto' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('EXTRACTOR_PORT must be an integer') }),
      );
    });

    it('should name every invalid shared variable', () => {
      const sut = () => loadEnv(ExtractorEnvDto, { DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });

      expect(sut).toThrow(InvalidEnvironmentError);
      expect(sut).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
    });
  });

  describe('EXTRACTOR_CONCURRENT_CHUNKS', () => {
    it('should join the partitions into two chunks at a time by default', () => {
      expect(loadEnv(ExtractorEnvDto, {}).EXTRACTOR_CONCURRENT_CHUNKS).toBe(2);
    });

    it('should take 0 (each partition on its own) and refuse a negative number', () => {
      expect(loadEnv(ExtractorEnvDto, { EXTRACTOR_CONCURRENT_CHUNKS: '0' }).EXTRACTOR_CONCURRENT_CHUNKS).toBe(
        0,
      );
      expect(() => loadEnv(ExtractorEnvDto, { EXTRACTOR_CONCURRENT_CHUNKS: '-1' })).toThrow(
        /EXTRACTOR_CONCURRENT_CHUNKS/,
      );
    });
  });

  describe('OUTBOX_BATCH_SIZE', () => {
    it('should relay a whole chunk of claims.extracted rows per round by default', () => {
      expect(loadEnv(ExtractorEnvDto, {}).OUTBOX_BATCH_SIZE).toBe(200);
    });

    it('should take the variable when it is set', () => {
      expect(loadEnv(ExtractorEnvDto, { OUTBOX_BATCH_SIZE: '150' }).OUTBOX_BATCH_SIZE).toBe(150);
    });
  });

  describe('KAFKA_CLIENT_ID', () => {
    it('should name the app by default', () => {
      expect(loadEnv(ExtractorEnvDto, {}).KAFKA_CLIENT_ID).toBe('sitrep-extractor');
    });

    it('should take the variable when set', () => {
      expect(loadEnv(ExtractorEnvDto, { KAFKA_CLIENT_ID: 'custom' }).KAFKA_CLIENT_ID).toBe('custom');
    });
  });
});
