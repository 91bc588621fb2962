/**
 * API keys against the real api app and PostgreSQL: 401/403/429 as problem+json, the admin endpoints
 * (create, list with a cursor, revoke), and health staying open.
 */
import { INestApplication } from '@nestjs/common';
import { PROBLEM_JSON } from '@sitrep/domain/http';
import { createTestApiKey, TestApiKey } from '@sitrep/testing';
import request from 'supertest';
import { startHttpApp } from '../http/support/http-apps';

jest.setTimeout(120_000);

describe('API keys (e2e)', () => {
  let api: INestApplication;
  let admin: TestApiKey;
  let reader: TestApiKey;
  let ingester: TestApiKey;

  beforeAll(async () => {
    api = await startHttpApp('api');
    [admin, reader, ingester] = await Promise.all([
      createTestApiKey(['admin']),
      createTestApiKey(['read']),
      createTestApiKey(['ingest']),
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  const http = () => request(api.getHttpServer());
  const problem = (res: request.Response) => {
    expect(res.headers['content-type']).toContain(PROBLEM_JSON);
    return JSON.parse(res.text) as { status: number; detail: string };
  };

  it('should keep health open', async () => {
    await expect(http().get('/health/live')).resolves.toMatchObject({ status: 200 });
  });

  it('should answer 401 with WWW-Authenticate when no key or an unknown key is sent', async () => {
    const none = await http().get('/v1/actors?q=Korea');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problem(none).detail).toContain('Authorization: Bearer');
    const unknown = await http().get('/v1/actors?q=Korea').set('authorization', 'Bearer sitrep_not-a-key');
    expect(unknown.status).toBe(401);
    expect(problem(unknown).status).toBe(401);
  });

  it('should serve a key with the right scope, as Bearer or X-API-Key', async () => {
    await expect(http().get('/v1/actors?q=Korea').set(reader.headers)).resolves.toMatchObject({
      status: 200,
    });
    await expect(http().get('/v1/actors?q=Korea').set('x-api-key', reader.key)).resolves.toMatchObject({
      status: 200,
    });
  });

  it('should answer 403 to a key without the scope', async () => {
    const res = await http().get('/v1/actors?q=Korea').set(ingester.headers);
    expect(res.status).toBe(403);
    expect(problem(res).detail).toContain('read');
    await expect(http().get('/v1/api-keys').set(reader.headers)).resolves.toMatchObject({ status: 403 });
  });

  it('should create a key shown once, list it without secret, and refuse it once revoked', async () => {
    const created = await http()
      .post('/v1/api-keys')
      .set(admin.headers)
      .send({ name: 'report job', scopes: ['read'], rate_limit_per_minute: 100 })
      .expect(201);
    expect(created.body).toMatchObject({
      name: 'report job',
      scopes: ['read'],
      rate_limit_per_minute: 100,
      revoked_at: null,
    });
    const key = created.body.key as string;
    expect(key).toMatch(/^sitrep_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(created.body.key_prefix)).toBe(true);

    await http().get('/v1/actors?q=Korea').set('authorization', `Bearer ${key}`).expect(200);

    const listed = await http().get('/v1/api-keys?limit=200').set(admin.headers).expect(200);
    const entry = (listed.body.items as Array<Record<string, unknown>>).find((k) => k.id === created.body.id);
    expect(entry).toMatchObject({ name: 'report job', key_prefix: created.body.key_prefix });
    expect(entry).not.toHaveProperty('key');
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await http().delete(`/v1/api-keys/${created.body.id}`).set(admin.headers).expect(200);
    expect(revoked.body.revoked_at).not.toBeNull();
    // This app forgets the key at once (other apps within AUTH_KEY_CACHE_TTL_MS).
    await http().get('/v1/actors?q=Korea').set('authorization', `Bearer ${key}`).expect(401);
    const again = await http().delete(`/v1/api-keys/${created.body.id}`).set(admin.headers).expect(200);
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it('should refuse bad key requests with 400 and unknown ids with 404', async () => {
    const res = await http()
      .post('/v1/api-keys')
      .set(admin.headers)
      .send({ name: 'x', scopes: ['root'] })
      .expect(400);
    expect(problem(res).detail).toContain('scopes');
    await http()
      .post('/v1/api-keys')
      .set(admin.headers)
      .send({ name: '', scopes: ['read'] })
      .expect(400);
    await http().delete('/v1/api-keys/00000000-0000-4000-8000-000000000000').set(admin.headers).expect(404);
    await http().delete('/v1/api-keys/not-a-uuid').set(admin.headers).expect(400);
    await http().get('/v1/api-keys?cursor=!!').set(admin.headers).expect(400);
    await http().get('/v1/api-keys?limit=0').set(admin.headers).expect(400);
  });

  it('should page through keys newest first with a cursor, without gaps or repeats', async () => {
    const mine = new Set<string>();
    for (let i = 0; i < 3; i += 1) mine.add((await createTestApiKey(['read'], { name: `page ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await http().get(`/v1/api-keys${query}`).set(admin.headers).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.items as Array<{ id: string }>).map((k) => k.id));
      cursor = page.body.next_cursor as string | null;
      pages += 1;
    } while (cursor && pages < 10_000);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of mine) expect(seen).toContain(id);
    // Newest first (other test files may add keys in between).
    expect(seen.filter((id) => mine.has(id))).toEqual([...mine].reverse());
  });

  it('should answer 429 with Retry-After once a key passes its per-minute limit', async () => {
    const limited = await createTestApiKey(['read'], { rateLimitPerMinute: 2 });
    await http().get('/v1/actors?q=Korea').set(limited.headers).expect(200);
    await http().get('/v1/actors?q=Korea').set(limited.headers).expect(200);
    const res = await http().get('/v1/actors?q=Korea').set(limited.headers);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(problem(res).detail).toContain('2 requests per minute');
    // Another key is counted apart.
    await http().get('/v1/actors?q=Korea').set(reader.headers).expect(200);
  });
});
