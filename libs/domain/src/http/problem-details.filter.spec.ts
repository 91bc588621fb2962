import { BadRequestException, Controller, Get, INestApplication, NotFoundException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from './configure-http-app';
import { PROBLEM_JSON, ProblemDetailsFilter } from './problem-details.filter';

@Controller('probe')
class ProbeController {
  @Get('missing')
  missing(): never {
    throw new NotFoundException('Article 42 does not exist');
  }

  @Get('invalid')
  invalid(): never {
    throw new BadRequestException(['url must be a URL', 'title must be a string']);
  }

  @Get('crash')
  crash(): never {
    throw new Error('connection string postgres://user:secret@db leaked');
  }
}

describe(ProblemDetailsFilter.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [ProbeController] }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('catch', () => {
    it('should answer an HTTP error as problem+json with the request id', async () => {
      const res = await request(app.getHttpServer()).get('/probe/missing').set('x-request-id', 'req-1');

      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toContain(PROBLEM_JSON);
      expect(JSON.parse(res.text)).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'Article 42 does not exist',
        instance: '/probe/missing',
        requestId: 'req-1',
        correlationId: 'req-1',
      });
    });

    it('should list every validation message', async () => {
      const res = await request(app.getHttpServer()).get('/probe/invalid');

      expect(JSON.parse(res.text)).toMatchObject({
        status: 400,
        errors: ['url must be a URL', 'title must be a string'],
      });
    });

    it('should hide the details of an unexpected error', async () => {
      const res = await request(app.getHttpServer()).get('/probe/crash');

      expect(res.status).toBe(500);
      expect(res.text).not.toContain('secret');
      expect(JSON.parse(res.text)).toMatchObject({ title: 'Internal Server Error', status: 500 });
    });

    it('should give a request without an id a fresh one', async () => {
      const res = await request(app.getHttpServer()).get('/probe/missing');

      expect(JSON.parse(res.text).requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['x-request-id']).toBe(JSON.parse(res.text).requestId);
    });

    it('should ignore a request id with unsafe characters', async () => {
      const res = await request(app.getHttpServer())
        .get('/probe/missing')
        .set('x-request-id', 'a b\u00e9<script>');

      expect(JSON.parse(res.text).requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
