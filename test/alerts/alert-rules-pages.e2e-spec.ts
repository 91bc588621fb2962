/** GET /v1/alert-rules pages through every rule in a stable order with a cursor (real alerts app and PostgreSQL). */
import { INestApplication } from '@nestjs/common';
import { createTestApiKey, TestApiKey } from '@sitrep/testing';
import request from 'supertest';
import { startHttpApp } from '../http/support/http-apps';

jest.setTimeout(120_000);

describe('alert rule pages (e2e)', () => {
  let app: INestApplication;
  let key: TestApiKey;
  const mine: string[] = [];

  beforeAll(async () => {
    app = await startHttpApp('alerts');
    key = await createTestApiKey(['alerts']);
    for (let i = 0; i < 3; i += 1) {
      const created = await request(app.getHttpServer())
        .post('/v1/alert-rules')
        .set(key.headers)
        .send({ name: `page rule ${i}`, filter: { sanctions_only: true }, channel: { type: 'sse' } })
        .expect(201);
      mine.push(created.body.id as string);
    }
  });

  afterAll(async () => {
    for (const id of mine)
      await request(app.getHttpServer()).delete(`/v1/alert-rules/${id}`).set(key.headers);
    await app?.close();
  });

  it('should page through every rule oldest first, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=1&cursor=${cursor}` : '?limit=1';
      const page = await request(app.getHttpServer())
        .get(`/v1/alert-rules${query}`)
        .set(key.headers)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...(page.body.items as Array<{ id: string }>).map((rule) => rule.id));
      cursor = page.body.next_cursor as string | null;
      pages += 1;
    } while (cursor && pages < 10_000);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => mine.includes(id))).toEqual(mine);
  });

  it('should refuse a forged cursor or limit with 400', async () => {
    await request(app.getHttpServer()).get('/v1/alert-rules?cursor=bm9wZQ').set(key.headers).expect(400);
    await request(app.getHttpServer()).get('/v1/alert-rules?limit=0').set(key.headers).expect(400);
  });
});
