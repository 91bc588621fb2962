import { IntersectionType } from '@nestjs/mapped-types';
import { EnvHostPortList, EnvPort, EnvString } from './env.decorators';
import { InvalidEnvironmentError, loadEnv } from './load-env';
import { DatabaseEnv, KafkaEnv, RuntimeEnv } from './shared-env';

class RequiredEnv {
  @EnvString()
  API_TOKEN: string;
}

class SampleEnv extends IntersectionType(RuntimeEnv, DatabaseEnv, KafkaEnv) {
  @EnvPort({ optional: true })
  SAMPLE_PORT?: number;

  override KAFKA_CLIENT_ID = 'sitrep-sample';
}

class BrokersEnv {
  @EnvHostPortList()
  BROKERS: string[] = ['127.0.0.1:9092'];
}

const problemsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
};

describe(loadEnv.name, () => {
  describe('defaults', () => {
    it('should fill every variable with its local default when the environment is empty', () => {
      const sut = loadEnv(SampleEnv, {});

      expect(sut).toMatchObject({
        NODE_ENV: 'development',
        LOG_LEVEL: 'log',
        LOG_FORMAT: 'json',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sitrep',
        DATABASE_POOL_SIZE: 10,
        KAFKA_BROKERS: ['127.0.0.1:9092'],
        KAFKA_CLIENT_ID: 'sitrep-sample',
      });
      expect(sut.SAMPLE_PORT).toBeUndefined();
    });

    it('should treat an empty variable as unset', () => {
      expect(loadEnv(SampleEnv, { LOG_LEVEL: '', DATABASE_POOL_SIZE: '  ' }).LOG_LEVEL).toBe('log');
    });

    it('should leave out the variables the class does not declare', () => {
      expect(loadEnv(SampleEnv, { PATH: '/usr/bin' })).not.toHaveProperty('PATH');
    });
  });

  describe('conversion', () => {
    it('should convert integers and lists and keep strings as given', () => {
      const sut = loadEnv(SampleEnv, {
        SAMPLE_PORT: '4010',
        KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
        DATABASE_URL: 'postgresql://user:secret@postgres:5432/db',
      });

      expect(sut.SAMPLE_PORT).toBe(4010);
      expect(sut.KAFKA_BROKERS).toEqual(['kafka-1:9092', 'kafka-2:9092']);
      expect(sut.DATABASE_URL).toBe('postgresql://user:secret@postgres:5432/db');
    });
  });

  describe('errors', () => {
    it('should name a missing required variable', () => {
      expect(() => loadEnv(RequiredEnv, {})).toThrow(/API_TOKEN/);
    });

    it('should name every invalid variable at once', () => {
      expect(
        problemsOf(() =>
          loadEnv(SampleEnv, { SAMPLE_PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x/db' }),
        ).sort(),
      ).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'SAMPLE_PORT']);
    });

    it('should reject a port out of range', () => {
      expect(() => loadEnv(SampleEnv, { SAMPLE_PORT: '70000' })).toThrow(
        /SAMPLE_PORT \(SAMPLE_PORT must be at most 65535\)/,
      );
    });

    it('should reject a broker without a port', () => {
      expect(() => loadEnv(BrokersEnv, { BROKERS: '127.0.0.1:9092,kafka' })).toThrow(/BROKERS/);
    });

    it('should not echo the value of a variable', () => {
      expect(() => loadEnv(SampleEnv, { DATABASE_URL: 'ftp://user:hunter2@host/db' })).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
      );
    });
  });
});
