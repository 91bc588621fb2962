import { FeedRepository } from '@sitrep/persistence';
import { waitUntil } from '@sitrep/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { FixtureServer, startFixtureServer } from './support/fixture-server';
import { forgetEarlierTestArticles, IngestTestApp, startIngestApp } from './support/ingest-app';

interface FeedBody {
  id: string;
  status: string;
  format: string | null;
  title: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: { code: string; message: string } | null;
  counts: { items_seen: number; articles_new: number; articles_duplicate: number; items_failed: number };
}

const MAX_FEED_BYTES = 256 * 1024;

// Engines on a shared machine can be slow; waits inside the tests have their own limits.
jest.setTimeout(60_000);

describe('Feeds (e2e)', () => {
  let ctx: IngestTestApp;
  let site: FixtureServer;
  const created: string[] = [];

  beforeAll(async () => {
    // The site is on 127.0.0.2, listed as allowed; loopback as such (127.0.0.1, localhost) stays refused.
    site = await startFixtureServer('127.0.0.2', { oversizedBytes: MAX_FEED_BYTES * 2 });
    ctx = await startIngestApp({
      FEEDS_POLLING_ENABLED: 'true',
      FEEDS_POLL_TICK_MS: '200',
      FEEDS_MIN_INTERVAL_SECONDS: '1',
      FEEDS_MAX_FEED_BYTES: String(MAX_FEED_BYTES),
      OUTBOUND_ALLOW_LOOPBACK: 'false',
      OUTBOUND_ALLOW_ADDRESSES: '127.0.0.2',
      OUTBOUND_TIMEOUT_MS: '3000',
    });
    await forgetEarlierTestArticles(ctx);
    // Feeds of earlier runs point at ports that are gone.
    await ctx.dataSource.query(
      `DELETE FROM feeds WHERE url LIKE 'http://127.0.0.2:%' OR url LIKE 'http://localhost:%'`,
    );
  });

  afterAll(async () => {
    if (ctx) {
      await ctx.dataSource
        .query(`DELETE FROM feeds WHERE id = ANY($1::uuid[])`, [created])
        .catch(() => undefined);
      await ctx.close();
    }
    await site?.close();
  });

  const http = () => request.agent(ctx.app.getHttpServer()).set(ctx.apiKey.headers);

  /** Pages through GET /v1/feeds (two at a time) until the feed shows up. */
  const findListed = async (id: string): Promise<FeedBody | undefined> => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const res = await http()
        .get(`/v1/feeds?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      for (const feed of res.body.items as FeedBody[]) {
        expect(seen.has(feed.id)).toBe(false);
        seen.add(feed.id);
        if (feed.id === id) return feed;
      }
      cursor = res.body.next_cursor as string | null;
    } while (cursor);
    return undefined;
  };

  async function register(path: string, interval = 3600): Promise<FeedBody> {
    const res = await http()
      .post('/v1/feeds')
      .send({ url: `${site.base}${path}`, interval_seconds: interval })
      .expect(201);
    created.push(res.body.id);
    return res.body;
  }

  async function feedWhen(id: string, what: string, done: (f: FeedBody) => boolean): Promise<FeedBody> {
    let feed: FeedBody | undefined;
    await waitUntil(
      async () => {
        feed = (await http().get(`/v1/feeds/${id}`).expect(200)).body;
        return done(feed!);
      },
      what,
      45_000,
      200,
    );
    return feed!;
  }

  const itemsOf = (
    feedId: string,
  ): Promise<{ item_key: string; article_id: string | null; outcome: string; error: string | null }[]> =>
    ctx.dataSource.query(
      `SELECT item_key, article_id, outcome, error FROM feed_items WHERE feed_id = $1 ORDER BY item_key`,
      [feedId],
    );

  describe('RSS 2.0', () => {
    let feedId: string;

    it('should poll a registered feed, fetch each item page and hand it to intake', async () => {
      feedId = (await register('/rss.xml')).id;
      const feed = await feedWhen(feedId, 'the first poll', (f) => f.last_success_at !== null);
      expect(feed).toMatchObject({ format: 'rss', title: 'Warta Nusantara & Dunia', last_error: null });
      expect(feed.counts).toEqual({ items_seen: 2, articles_new: 2, articles_duplicate: 0, items_failed: 0 });
      expect(site.hits.get('/berita/kapal-patroli')).toBe(1);

      const items = await itemsOf(feedId);
      const page = items.find((i) => i.item_key === 'warta-2026-1101')!;
      const article = await http().get(`/v1/articles/${page.article_id}`).expect(200);
      expect(article.body).toMatchObject({
        title: 'Kementerian Pertahanan teken kontrak kapal patroli',
        canonical_url: `${site.base.replace('http://', 'https://')}/berita/kapal-patroli`,
        dedup: { kind: 'original', feed_id: feedId },
      });
      // The 404 page falls back to the feed's own description, and the failure stays visible.
      expect(items.find((i) => i.item_key.endsWith('/berita/banjir'))?.error).toContain('HTTP 404');
    });

    it('should poll again with If-None-Match and take nothing new on 304', async () => {
      const before = (await http().get(`/v1/feeds/${feedId}`).expect(200)).body as FeedBody;
      await http().post(`/v1/feeds/${feedId}/poll`).expect(202);
      const after = await feedWhen(
        feedId,
        'the second poll',
        (f) => f.last_success_at !== before.last_success_at,
      );
      expect(site.notModified.get('/rss.xml')).toBeGreaterThanOrEqual(1);
      expect(after.counts).toEqual(before.counts);
      expect(site.hits.get('/berita/kapal-patroli')).toBe(1);
    });

    it('should list feeds with last success, last error and counts', async () => {
      const listed = await findListed(feedId);
      expect(listed).toMatchObject({ status: 'active', last_error: null, counts: { items_seen: 2 } });
      expect(listed?.last_success_at).not.toBeNull();
    });

    it('should refuse the same feed twice with 409', async () => {
      await http()
        .post('/v1/feeds')
        .send({ url: `${site.base}/rss.xml` })
        .expect(409);
    });
  });

  describe('Atom and JSON Feed', () => {
    it.each([
      ['/atom.xml', 'atom', '/world/ministers-meet'],
      ['/feed.json', 'json', '/news/port-deal'],
    ])('should take the items of %s', async (path, format, page) => {
      const { id } = await register(path);
      const feed = await feedWhen(id, `the poll of ${path}`, (f) => f.last_success_at !== null);
      expect(feed).toMatchObject({ format, counts: { items_seen: 1, articles_new: 1, items_failed: 0 } });
      expect(site.hits.get(page)).toBe(1);
    });
  });

  describe('bad feeds are errors on the feed, not crashes', () => {
    it.each([
      ['/malformed.xml', 'FEED.MALFORMED'],
      ['/billion-laughs.xml', 'FEED.ENTITIES_REFUSED'],
      ['/oversized.xml', 'OUTBOUND.TOO_LARGE'],
      ['/missing-feed.xml', 'FEED.HTTP_404'],
      ['/redirect-feed', 'OUTBOUND.ADDRESS_REFUSED'],
    ])('should record %s as %s and back off', async (path, code) => {
      const { id } = await register(path);
      const feed = await feedWhen(id, `the failure of ${path}`, (f) => f.last_error !== null);
      expect(feed.last_error?.code).toBe(code);
      expect(feed.last_success_at).toBeNull();
      await http().get('/v1/feeds').expect(200);
    });

    it('should refuse item pages that redirect to loopback, metadata or non-http addresses', async () => {
      const { id } = await register('/hostile-links.xml');
      const feed = await feedWhen(id, 'the hostile feed poll', (f) => f.last_success_at !== null);
      expect(feed.counts).toMatchObject({ items_seen: 3, articles_new: 0, items_failed: 3 });
      const errors = (await itemsOf(id)).map((i) => `${i.item_key} ${i.error}`);
      expect(errors).toEqual([
        expect.stringMatching(/^h-1 OUTBOUND.ADDRESS_REFUSED.*127\.0\.0\.1/),
        expect.stringMatching(/^h-2 OUTBOUND.ADDRESS_REFUSED.*169\.254\.169\.254/),
        expect.stringMatching(/^h-3 OUTBOUND.SCHEME_REFUSED/),
      ]);
      expect(site.hits.get('/go')).toBe(3);
    });

    it('should refuse a host name that resolves to loopback when polling', async () => {
      const port = new URL(site.base).port;
      const res = await http()
        .post('/v1/feeds')
        .send({ url: `http://localhost:${port}/rss.xml`, interval_seconds: 3600 })
        .expect(201);
      created.push(res.body.id);
      const feed = await feedWhen(res.body.id, 'the localhost poll', (f) => f.last_error !== null);
      expect(feed.last_error?.code).toBe('OUTBOUND.ADDRESS_REFUSED');
    });
  });

  describe('POST /v1/feeds validation', () => {
    it.each([
      ['http://127.0.0.1:9/rss.xml', 'loopback'],
      ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
      ['http://[::ffff:127.0.0.1]/rss.xml', 'loopback'],
      ['http://[fd00::1]/rss.xml', 'uniqueLocal'],
    ])('should refuse %s at registration with 400', async (url, range) => {
      const res = await http().post('/v1/feeds').send({ url }).expect(400);
      expect(res.body.errors.join(' ')).toContain(range);
    });

    it('should refuse non-http schemes, bad intervals and wrong content types', async () => {
      await http().post('/v1/feeds').send({ url: 'file:///etc/passwd' }).expect(400);
      await http().post('/v1/feeds').send({ url: 'ftp://feeds.example.com/rss' }).expect(400);
      const res = await http()
        .post('/v1/feeds')
        .send({ url: `${site.base}/x.xml`, interval_seconds: 0 })
        .expect(400);
      expect(res.body.errors.join(' ')).toContain('interval_seconds');
      await http().post('/v1/feeds').set('content-type', 'text/plain').send('x').expect(415);
    });
  });

  describe('pause, resume and delete', () => {
    it('should not poll a paused feed, poll it again when resumed, and forget it when deleted', async () => {
      const { id } = await register('/atom.xml?variant=pause');
      await feedWhen(id, 'the first poll', (f) => f.last_success_at !== null);
      const paused = await http().patch(`/v1/feeds/${id}`).send({ status: 'paused' }).expect(200);
      expect(paused.body.status).toBe('paused');
      const polledAt = paused.body.last_polled_at;
      await http().post(`/v1/feeds/${id}/poll`).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await http().get(`/v1/feeds/${id}`).expect(200)).body.last_polled_at).toBe(polledAt);

      await http().patch(`/v1/feeds/${id}`).send({ status: 'active' }).expect(200);
      await feedWhen(id, 'the poll after resuming', (f) => f.last_polled_at !== polledAt);

      await http().delete(`/v1/feeds/${id}`).expect(204);
      await http().get(`/v1/feeds/${id}`).expect(404);
      await http().delete(`/v1/feeds/${id}`).expect(404);
    });
  });

  describe('several instances', () => {
    it('should never hand one due feed to two pollers (FOR UPDATE SKIP LOCKED)', async () => {
      const ids = Array.from({ length: 12 }, () => randomUUID());
      await ctx.dataSource.query(
        `INSERT INTO feeds (id, url, interval_seconds, next_poll_at)
         SELECT id, $2 || '/claim-' || id, 3600, now() - interval '1 minute' FROM unnest($1::uuid[]) AS id`,
        [ids, site.base],
      );
      created.push(...ids);
      const repository = ctx.app.get(FeedRepository);
      const [a, b, c] = await Promise.all([
        repository.claimDue(5, 300),
        repository.claimDue(5, 300),
        repository.claimDue(5, 300),
      ]);
      const claimed = [...a, ...b, ...c].map((f) => f.id);
      expect(new Set(claimed).size).toBe(claimed.length);
    });
  });
});
