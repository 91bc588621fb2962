import { InvalidEnvironmentError, loadEnv } from '@sitrep/domain/config';
import { IngestEnvDto } from './env.dto';

describe(IngestEnvDto.name, () => {
  describe('port', () => {
    it('should default to 3001', () => {
      expect(loadEnv(IngestEnvDto, {}).port).toBe(3001);
    });

    it('should take PORT when INGEST_PORT is unset', () => {
      expect(loadEnv(IngestEnvDto, { PORT: '8080' }).port).toBe(8080);
    });

    it('should prefer INGEST_PORT to PORT', () => {
      expect(loadEnv(IngestEnvDto, { PORT: '8080', INGEST_PORT: '9001' }).port).toBe(9001);
    });
  });

  describe('validation', () => {
    it('should name INGEST_PORT when it is not a number', () => {
      expect(() => loadEnv(IngestEnvDto, { INGEST_PORT: 'auto' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('INGEST_PORT must be an integer') }),
      );
    });

    it('should name every invalid shared variable', () => {
      const sut = () => loadEnv(IngestEnvDto, { DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });

      expect(sut).toThrow(InvalidEnvironmentError);
      expect(sut).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
    });
  });

  describe('INGEST_WORKERS', () => {
    it('should default to one process and take the variable', () => {
      expect(loadEnv(IngestEnvDto, {}).INGEST_WORKERS).toBe(1);
      expect(loadEnv(IngestEnvDto, { INGEST_WORKERS: '2' }).INGEST_WORKERS).toBe(2);
    });

    it('should refuse zero workers', () => {
      expect(() => loadEnv(IngestEnvDto, { INGEST_WORKERS: '0' })).toThrow(
        /INGEST_WORKERS must be at least 1/,
      );
    });
  });

  describe('KAFKA_CLIENT_ID', () => {
    it('should name the app by default', () => {
      expect(loadEnv(IngestEnvDto, {}).KAFKA_CLIENT_ID).toBe('sitrep-ingest');
    });

    it('should take the variable when set', () => {
      expect(loadEnv(IngestEnvDto, { KAFKA_CLIENT_ID: 'custom' }).KAFKA_CLIENT_ID).toBe('custom');
    });
  });
});
