import { InvalidEnvironmentError, loadEnv } from '@sitrep/domain/config';
import { ApiEnvDto } from './env.dto';

describe(ApiEnvDto.name, () => {
  describe('port', () => {
    it('should default to 3000', () => {
      expect(loadEnv(ApiEnvDto, {}).port).toBe(3000);
    });

    it('should take PORT when API_PORT is unset', () => {
      expect(loadEnv(ApiEnvDto, { PORT: '8080' }).port).toBe(8080);
    });

    it('should prefer API_PORT to PORT', () => {
      expect(loadEnv(ApiEnvDto, { PORT: '8080', API_PORT: '9000' }).port).toBe(9000);
    });
  });

  describe('validation', () => {
    it('should name API_PORT when it is not a number', () => {
      expect(() => loadEnv(ApiEnvDto, { API_PORT: 'auto' })).toThrow(
        expect.objectContaining({ message: expect.stringContaining('API_PORT must be an integer') }),
      );
    });

    it('should name every invalid shared variable', () => {
      const sut = () => loadEnv(ApiEnvDto, { DATABASE_URL: 'not a url', LOG_LEVEL: 'chatty' });

      expect(sut).toThrow(InvalidEnvironmentError);
      expect(sut).toThrow(/DATABASE_URL.*LOG_LEVEL|LOG_LEVEL.*DATABASE_URL/);
    });
  });
});
