import { Controller, Get, INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppLogger } from './app-logger';
import { configureHttpApp } from './configure-http-app';

@Controller('probe')
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Get('log')
  async log(): Promise<string> {
    // After an await: the ids must follow the request across async hops.
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.logger.log('handled the probe');
    return 'ok';
  }
}

describe(AppLogger.name, () => {
  let app: INestApplication;
  let lines: string[];
  let write: jest.SpyInstance;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    app = configureHttpApp(
      moduleRef.createNestApplication({ logger: new AppLogger('probe', 'log', 'json') }),
    );
    await app.init();
  });

  beforeEach(() => {
    lines = [];
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  });

  afterEach(() => write.mockRestore());

  afterAll(async () => {
    await app.close();
  });

  const probeLines = () =>
    lines
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('handled the probe'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  describe('getJsonLogObject', () => {
    it("should put the request's ids in a line written while serving it", async () => {
      const res = await request(app.getHttpServer())
        .get('/probe/log')
        .set('x-request-id', 'req-42')
        .set('x-correlation-id', 'corr-7');
      write.mockRestore();
      expect(res.headers['x-request-id']).toBe('req-42');
      expect(probeLines()).toEqual([
        expect.objectContaining({ service: 'probe', requestId: 'req-42', correlationId: 'corr-7' }),
      ]);
    });

    it('should name a generated id when the client sent none', async () => {
      const res = await request(app.getHttpServer()).get('/probe/log');
      write.mockRestore();
      expect(probeLines()).toEqual([expect.objectContaining({ requestId: res.headers['x-request-id'] })]);
    });

    it('should write no request id outside a request', () => {
      new Logger('Probe').log('handled the probe outside');
      write.mockRestore();
      const [line] = lines.filter((chunk) => chunk.includes('outside')).map((chunk) => JSON.parse(chunk));
      expect(line).toMatchObject({ service: 'probe' });
      expect(line).not.toHaveProperty('requestId');
    });
  });
});
