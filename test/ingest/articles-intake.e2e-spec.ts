import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { WIRE_STORY as WIRE } from '../../apps/ingest/src/dedup/wire-story.fixture';
import { SubmitArticlesCommand } from '../../apps/ingest/src/articles/commands/submit-articles/submit-articles.command';
import { forgetEarlierTestArticles, IngestTestApp, startIngestApp } from './support/ingest-app';

// Engines on a shared machine can be slow; waits inside the tests have their own limits.
jest.setTimeout(60_000);

describe('Article intake over HTTP (e2e)', () => {
  let ctx: IngestTestApp;
  const run = `${Date.now().toString(36)}`;
  const url = (path: string) => `https://e2e-ingest.test/${run}/${path}`;

  beforeAll(async () => {
    // Probe flips on: every near copy within DEDUP_NEAR_MAX_DISTANCE is found, whatever the band luck.
    ctx = await startIngestApp({ INGEST_MAX_BODY_BYTES: String(256 * 1024), DEDUP_NEAR_PROBE_FLIPS: '1' });
    await forgetEarlierTestArticles(ctx);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const http = () => request.agent(ctx.app.getHttpServer()).set(ctx.apiKey.headers);

  describe('POST /v1/articles', () => {
    let originalId: string;

    it('should accept a JSON article with 202 and call it new', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({
          url: url('coast-guard?utm_source=tw'),
          raw: `<p>${WIRE}</p>`,
          title: 'Coast guard gets patrol vessel',
          language: 'en',
          source: 'Island Wire',
        })
        .expect(202);
      expect(res.body).toMatchObject({
        status: 'new',
        dedup: 'original',
        published: true,
        duplicate_of: null,
      });
      originalId = res.body.id;
      expect(res.body.story_id).toBe(originalId);
    });

    it('should answer the same id for the same canonical URL (tracking, fragment, amp) and store nothing new', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({
          url: url('coast-guard/amp?fbclid=x#top').replace('https://', 'https://amp.'),
          raw: `<p>${WIRE}</p>`,
        })
        .expect(202);
      expect(res.body).toMatchObject({
        id: originalId,
        status: 'duplicate',
        dedup: 'same_url',
        published: false,
      });
    });

    it('should keep an identical body under another URL as an unpublished copy of the story', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({ url: url('other-outlet/copy'), raw: `<p>${WIRE}</p>` })
        .expect(202);
      expect(res.body).toMatchObject({
        status: 'duplicate',
        dedup: 'exact_duplicate',
        story_id: originalId,
        duplicate_of: originalId,
        published: false,
      });
      expect(res.body.id).not.toBe(originalId);
    });

    it('should record another outlet lightly edited copy as a published near duplicate of the story', async () => {
      const raw = `<p>PORT TOWN (Harbour Times) - ${WIRE} Additional reporting by our correspondent.</p>`;
      const res = await http()
        .post('/v1/articles')
        .send({ url: url('harbour-times/patrol'), raw, source: 'Harbour Times' })
        .expect(202);
      expect(res.body).toMatchObject({
        status: 'duplicate',
        dedup: 'near_duplicate',
        story_id: originalId,
        published: true,
      });

      const view = await http().get(`/v1/articles/${res.body.id}`).expect(200);
      expect(view.body.dedup).toMatchObject({
        kind: 'near_duplicate',
        story_id: originalId,
        duplicate_of: originalId,
      });
      expect(view.body.dedup.story_copies).toBeGreaterThanOrEqual(3);
    });

    it('should accept an HTML body with its metadata in query parameters (an Indonesian page with menus and ads)', async () => {
      const page = readFileSync(join(__dirname, 'fixtures', 'page-id.html'), 'utf8').replace(
        '</h1>',
        ` ${run}</h1>`,
      );
      const res = await http()
        .post('/v1/articles')
        .query({
          url: url('berita/kapal-patroli'),
          language: 'id',
          published_at: '2026-11-24T07:30:00+07:00',
        })
        .set('content-type', 'text/html; charset=utf-8')
        .send(page)
        .expect(202);
      expect(res.body.status).toBe('new');
      const view = await http().get(`/v1/articles/${res.body.id}`).expect(200);
      expect(view.body).toMatchObject({ language: 'id', canonical_url: url('berita/kapal-patroli') });
      expect(view.body.raw_length).toBe(page.length);
    });

    it('should accept a text/plain body with its metadata in X-Article-* headers', async () => {
      const res = await http()
        .post('/v1/articles')
        .set('content-type', 'text/plain')
        .set('x-article-url', url('pasted/note'))
        .set('x-article-title', 'Pasted note')
        .send(
          `Analyst note ${run}: the ministry confirmed a visit by a delegation of engineers to the shipyard next month.`,
        )
        .expect(202);
      expect(res.body.status).toBe('new');
    });

    it('should refuse an unsupported content type with 415 problem+json', async () => {
      const res = await http()
        .post('/v1/articles')
        .set('content-type', 'application/xml')
        .send('<a/>')
        .expect(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 415, title: 'Unsupported Media Type' });
      expect(res.body.detail).toContain('application/xml');
    });

    it('should refuse a body over the limit with 413 problem+json', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({ url: url('huge'), raw: 'x'.repeat(300 * 1024) })
        .expect(413);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.detail).toContain('262144');
    });

    it('should refuse invalid fields with 400 naming each field', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({
          url: 'ftp://example.com/a',
          raw: '',
          language: 'Indonesian',
          published_at: 'yesterday',
          extra: 1,
        })
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors: string[] = res.body.errors;
      for (const field of ['url', 'raw', 'language', 'published_at', 'extra']) {
        expect(errors.some((e) => e.startsWith(field))).toBe(true);
      }
    });

    it('should refuse a month-only published_at with 400 naming the field', async () => {
      const res = await http()
        .post('/v1/articles')
        .send({ url: url('month-only-date'), raw: 'Some text of an article.', published_at: '2024-04' })
        .expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.join(' ')).toContain('published_at must be a full ISO 8601 date');
    });

    it('should refuse an over-long title and a missing url in a text body with 400', async () => {
      await http()
        .post('/v1/articles')
        .send({ url: url('long-title'), raw: 'text', title: 't'.repeat(1001) })
        .expect(400)
        .expect((res) => expect(res.body.errors.join(' ')).toContain('title'));
      await http()
        .post('/v1/articles')
        .set('content-type', 'text/plain')
        .send('no url given')
        .expect(400)
        .expect((res) => expect(res.body.errors.join(' ')).toContain('url'));
    });

    it('should refuse malformed JSON with 400', async () => {
      await http().post('/v1/articles').set('content-type', 'application/json').send('{"url": ').expect(400);
    });
  });

  describe('POST /v1/articles/batch', () => {
    it('should accept a batch and classify copies inside it', async () => {
      const text = `Batch story ${run}: ${WIRE.split(' ').reverse().join(' ')}`;
      const res = await http()
        .post('/v1/articles/batch')
        .send({
          articles: [
            { url: url('batch/1'), raw: text },
            { url: url('batch/2'), raw: text },
            { url: url('batch/1?utm_medium=x'), raw: text },
          ],
        })
        .expect(202);
      expect(res.body).toMatchObject({ accepted: 3, new: 1, duplicates: 2 });
      expect(res.body.results.map((r: { dedup: string }) => r.dedup)).toEqual([
        'original',
        'exact_duplicate',
        'same_url',
      ]);
      expect(res.body.results[2].id).toBe(res.body.results[0].id);
    });

    it('should record two outlets copies of one story in one batch as one story with two copies', async () => {
      // A story of its own (the wire words in another order) and another outlet's lightly edited copy of it.
      const story = WIRE.split(' ').sort().join(' ');
      const res = await http()
        .post('/v1/articles/batch')
        .send({
          articles: [
            { url: url('same-batch/wire'), raw: story, source: 'Wire' },
            {
              url: url('same-batch/coast-daily'),
              raw: `PORT TOWN (Coast Daily) - ${story} Reporting by the coast desk.`,
              source: 'Coast Daily',
            },
          ],
        })
        .expect(202);
      expect(res.body).toMatchObject({ accepted: 2, new: 1, duplicates: 1 });
      const [first, second] = res.body.results;
      expect(first).toMatchObject({ dedup: 'original', story_id: first.id, published: true });
      expect(second).toMatchObject({
        dedup: 'near_duplicate',
        story_id: first.id,
        duplicate_of: first.id,
        published: true,
      });
      expect(second.id).not.toBe(first.id);

      const view = await http().get(`/v1/articles/${second.id}`).expect(200);
      expect(view.body.dedup).toMatchObject({ kind: 'near_duplicate', story_id: first.id, story_copies: 2 });
      // Both copies are announced, the second one as a copy of the story.
      const events: { article_id: string; story_id: string; dedup: string }[] = await ctx.dataSource.query(
        `SELECT payload->>'articleId' AS article_id, payload->>'storyId' AS story_id, payload->>'dedup' AS dedup
         FROM outbox WHERE payload->>'articleId' = ANY($1::text[]) ORDER BY seq`,
        [[first.id, second.id]],
      );
      expect(events).toEqual([
        { article_id: first.id, story_id: first.id, dedup: 'original' },
        { article_id: second.id, story_id: first.id, dedup: 'near_duplicate' },
      ]);
    });

    it('should refuse more than 500 articles with 413', async () => {
      const articles = Array.from({ length: 501 }, (_, i) => ({ url: url(`over/${i}`), raw: 'x' }));
      const res = await http().post('/v1/articles/batch').send({ articles }).expect(413);
      expect(res.body.detail).toContain('501');
    });

    it('should name the invalid element of a batch', async () => {
      const res = await http()
        .post('/v1/articles/batch')
        .send({
          articles: [
            { url: url('ok'), raw: 'fine' },
            { url: 'not a url', raw: 'x' },
          ],
        })
        .expect(400);
      expect(res.body.errors.join(' ')).toContain('articles.1.url');
    });

    it('should refuse an empty batch and a text body with 400 and 415', async () => {
      await http().post('/v1/articles/batch').send({ articles: [] }).expect(400);
      await http().post('/v1/articles/batch').set('content-type', 'text/plain').send('x').expect(415);
    });
  });

  describe('concurrent intake', () => {
    // Through the command bus, so that the six transactions really overlap (supertest staggers requests).
    const submitAtOnce = async (bodies: { url: string; raw: string }[]) =>
      (
        await Promise.all(
          bodies.map((b) => ctx.app.get(CommandBus).execute(new SubmitArticlesCommand([b], run))),
        )
      ).map(([answer]) => answer);

    it('should store one article for one URL submitted many times at once', async () => {
      const body = {
        url: url('race/same-url'),
        raw: `Race on one URL ${run}: the port authority opened a second berth.`,
      };
      const answers = await submitAtOnce(Array.from({ length: 6 }, () => body));
      expect(new Set(answers.map((a) => a.id)).size).toBe(1);
      expect(answers.filter((a) => a.status === 'new')).toHaveLength(1);
      const [{ count }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS count FROM article_dedup WHERE canonical_url = $1`,
        [url('race/same-url')],
      );
      expect(count).toBe(1);
    });

    it('should publish one text submitted under several URLs at once only once', async () => {
      const raw = `Race on one text ${run}: the river authority said the new dam would open in the spring.`;
      const answers = await submitAtOnce(
        Array.from({ length: 6 }, (_, i) => ({ url: url(`race/text-${i}`), raw })),
      );
      expect(answers.filter((a) => a.published)).toHaveLength(1);
      const original = answers.find((a) => a.published)!.id;
      for (const a of answers.filter((x) => !x.published)) {
        expect(a).toMatchObject({ dedup: 'exact_duplicate', story_id: original });
      }
    });
  });

  describe('GET /v1/articles/:id', () => {
    it('should show the stored article, its story and its processing state', async () => {
      const posted = await http()
        .post('/v1/articles')
        .send({ url: url('state'), raw: `State check ${run}`, title: 'State' })
        .expect(202);
      const res = await http().get(`/v1/articles/${posted.body.id}`).expect(200);
      expect(res.body).toMatchObject({
        id: posted.body.id,
        title: 'State',
        canonical_url: url('state'),
        dedup: { kind: 'original', story_id: posted.body.id },
        processing: { state: 'received' },
      });
      expect(['queued', 'published']).toContain(res.body.processing.event);
    });

    it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
      await http().get('/v1/articles/00000000-0000-4000-8000-000000000000').expect(404);
      await http().get('/v1/articles/not-a-uuid').expect(400);
    });
  });
});
