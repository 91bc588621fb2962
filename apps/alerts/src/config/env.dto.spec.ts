import { InvalidEnvironmentError, loadEnv } from '@sitrep/domain/config';
import { AlertsEnvDto } from './env.dto';

describe(AlertsEnvDto.name, () => {
  describe('port', () => {
    it('should default to 3004', () => {
      expect(loadEnv(AlertsEnvDto, {}).port).toBe(3004);
    });

    it('should take PORT when ALERTS_PORT is unset', () => {
      expect(loadEnv(AlertsEnvDto, { PORT: '8080' }).port).toBe(8080);
    });

    it('should prefer ALERTS_PORT to PORT', () => {
      expect(loadEnv(AlertsEnvDto, { PORT: '8080', ALERTS_PORT: '9004' }).port).toBe(9004);
    });
  });

  describe('validation', () => {
    it('should name ALERTS_PORT when it is not a number', () => {
      expect(() => loadEnv(AlertsEnvDto, { ALERTS_PORT: 'auto' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('ALERTS_PORT must be an integer') }),
      );
    });

    it('should default ALERTS_DELIVERY_CONCURRENCY to 4 and refuse 0', () => {
      expect(loadEnv(AlertsEnvDto, {}).ALERTS_DELIVERY_CONCURRENCY).toBe(4);
      expect(() => loadEnv(AlertsEnvDto, { ALERTS_DELIVERY_CONCURRENCY: '0' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('ALERTS_DELIVERY_CONCURRENCY') }),
      );
    });

    it('should name every invalid shared variable', () => {
      const sut = () => loadEnv(AlertsEnvDto, { DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });

      expect(sut).toThrow(InvalidEnvironmentError);
      expect(sut).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
    });
  });

  describe('KAFKA_CLIENT_ID', () => {
    it('should name the app by default', () => {
      expect(loadEnv(AlertsEnvDto, {}).KAFKA_CLIENT_ID).toBe('sitrep-alerts');
    });

    it('should take the variable when set', () => {
      expect(loadEnv(AlertsEnvDto, { KAFKA_CLIENT_ID: 'custom' }).KAFKA_CLIENT_ID).toBe('custom');
    });
  });
});
