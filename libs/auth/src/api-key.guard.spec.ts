import { Controller, Get, INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { configureHttpApp, PROBLEM_JSON } from '@sitrep/domain/http';
import request from 'supertest';
import { ApiKeyAuthenticator, AuthenticatedApiKey } from './api-key.authenticator';
import { ApiKeyGuard, presentedApiKey } from './api-key.guard';
import { Public, RequireScopes } from './auth.decorators';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('open')
  open(): string {
    return 'open';
  }

  @RequireScopes('read')
  @Get('read')
  read(): string {
    return 'read';
  }

  @RequireScopes('read', 'ingest')
  @Get('read-or-ingest')
  readOrIngest(): string {
    return 'either';
  }

  // No decorator: the guard must refuse it to every key.
  @Get('forgotten')
  forgotten(): string {
    return 'forgotten';
  }
}

const KEYS: Record<string, AuthenticatedApiKey> = {
  'key-read': { id: 'k1', name: 'reader', scopes: ['read'], rateLimitPerMinute: null },
  'key-ingest': { id: 'k2', name: 'ingester', scopes: ['ingest'], rateLimitPerMinute: null },
  'key-admin': { id: 'k3', name: 'admin', scopes: ['admin'], rateLimitPerMinute: null },
};

describe(ApiKeyGuard.name, () => {
  let app: INestApplication;

  beforeAll(async () => {
    const authenticator = { authenticate: async (key: string) => KEYS[key] ?? null };
    const moduleRef = await Test.createTestingModule({
      controllers: [ProbeController],
      providers: [
        { provide: ApiKeyAuthenticator, useValue: authenticator },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
      ],
    }).compile();
    app = configureHttpApp(moduleRef.createNestApplication({ logger: false }));
    await app.init();
  });

  afterAll(async () => {
    await app.close();
  });

  const http = () => request(app.getHttpServer());

  describe('canActivate', () => {
    it('should let anyone call a @Public() route', async () => {
      await expect(http().get('/probe/open')).resolves.toMatchObject({ status: 200, text: 'open' });
    });

    it('should answer 401 with WWW-Authenticate and problem+json when no key is sent', async () => {
      const res = await http().get('/probe/read');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
      expect(res.headers['content-type']).toContain(PROBLEM_JSON);
      expect(JSON.parse(res.text)).toMatchObject({ status: 401, title: 'Unauthorized' });
    });

    it('should answer 401 for an unknown key', async () => {
      const res = await http().get('/probe/read').set('authorization', 'Bearer nope');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('invalid_token');
    });

    it('should accept the key as Bearer or as X-API-Key', async () => {
      await expect(http().get('/probe/read').set('authorization', 'Bearer key-read')).resolves.toMatchObject({
        status: 200,
      });
      await expect(http().get('/probe/read').set('x-api-key', 'key-read')).resolves.toMatchObject({
        status: 200,
      });
    });

    it('should answer 403 naming the scope when the key lacks it', async () => {
      const res = await http().get('/probe/read').set('x-api-key', 'key-ingest');
      expect(res.status).toBe(403);
      expect(JSON.parse(res.text).detail).toContain('read');
    });

    it('should accept any one of several scopes, and admin for all', async () => {
      await expect(http().get('/probe/read-or-ingest').set('x-api-key', 'key-ingest')).resolves.toMatchObject(
        {
          status: 200,
        },
      );
      await expect(http().get('/probe/read').set('x-api-key', 'key-admin')).resolves.toMatchObject({
        status: 200,
      });
    });

    it('should refuse a route that declares no scope, even to an admin key (fail closed)', async () => {
      await expect(http().get('/probe/forgotten')).resolves.toMatchObject({ status: 401 });
      await expect(http().get('/probe/forgotten').set('x-api-key', 'key-admin')).resolves.toMatchObject({
        status: 403,
      });
    });
  });

  describe(presentedApiKey.name, () => {
    const req = (headers: Record<string, string>) => ({ headers }) as never;

    it('should prefer Authorization: Bearer and ignore other schemes', () => {
      expect(presentedApiKey(req({ authorization: 'Bearer abc', 'x-api-key': 'def' }))).toBe('abc');
      expect(presentedApiKey(req({ authorization: 'Basic abc' }))).toBeUndefined();
      expect(presentedApiKey(req({ 'x-api-key': ' def ' }))).toBe('def');
      expect(presentedApiKey(req({}))).toBeUndefined();
    });
  });
});
