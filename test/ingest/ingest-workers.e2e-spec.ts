import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import {
  createTestApiKey,
  createTestDataSource,
  KafkaHarness,
  TestApiKey,
  testAppEnvironment,
  waitUntil,
} from '@sitrep/testing';
import { DataSource } from 'typeorm';
import { WIRE_STORY } from '../../apps/ingest/src/dedup/wire-story.fixture';

// The app starts from its sources (ts-node) in three processes: minutes on a busy shared machine.
jest.setTimeout(420_000);

const ROOT = join(__dirname, '..', '..');

interface Answer {
  id: string;
  status: 'new' | 'duplicate';
  dedup: string;
  story_id: string;
  published: boolean;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Ingest with two workers (e2e)', () => {
  const run = Date.now().toString(36);
  const url = (path: string) => `https://e2e-ingest.test/workers/${run}/${path}`;
  let kafka: KafkaHarness;
  let topic: string;
  let dataSource: DataSource;
  let apiKey: TestApiKey;
  let app: ChildProcess;
  let port: number;
  let logs = '';
  const published = new Set<string>();

  /** One request on its own connection, so that the primary hands requests to both workers. */
  const post = (path: string, body: unknown): Promise<{ status: number; body: unknown }> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          agent: false,
          headers: {
            ...apiKey.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
          );
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  const submit = async (article: { url: string; raw: string }): Promise<Answer> => {
    const res = await post('/v1/articles', article);
    expect(res.status).toBe(202);
    const answer = res.body as Answer;
    if (answer.published && answer.status === 'new') published.add(answer.id);
    return answer;
  };

  beforeAll(async () => {
    kafka = new KafkaHarness();
    topic = await kafka.createTopic('intel.internal.articles.ingested.e2e-workers', 3);
    dataSource = await createTestDataSource();
    apiKey = await createTestApiKey(['ingest', 'read'], { name: 'ingest workers e2e' });
    port = await freePort();
    app = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/ingest/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...testAppEnvironment({
            INGEST_WORKERS: '2',
            INGEST_PORT: String(port),
            HOST: '127.0.0.1',
            INGEST_ARTICLES_TOPIC: topic,
            DATABASE_MIGRATIONS_RUN: 'false',
            FEEDS_POLLING_ENABLED: 'false',
            OUTBOX_POLL_INTERVAL_MS: '100',
            // The workers' "listening" lines tell the test that both have started.
            LOG_LEVEL: 'log',
          }),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    app.stdout?.on('data', (c: Buffer) => (logs += c.toString()));
    app.stderr?.on('data', (c: Buffer) => (logs += c.toString()));
    const healthy = () =>
      new Promise<boolean>((resolve) => {
        http
          .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          })
          .on('error', () => resolve(false));
      });
    await waitUntil(
      async () => {
        if (app.exitCode !== null) throw new Error(`ingest exited with ${app.exitCode}:\n${logs}`);
        return (await healthy()) && (await healthy()) && (await healthy());
      },
      'ingest with two workers to answer',
      300_000,
      1000,
    );
    // Both workers listen (the first one alone would already answer /health).
    await waitUntil(
      async () => (logs.match(/listening on/g) ?? []).length >= 2,
      'both workers to listen',
      120_000,
    );
  });

  afterAll(async () => {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await waitUntil(async () => app.exitCode !== null || app.signalCode !== null, 'ingest to stop', 60_000);
    }
    await dataSource
      ?.query(`DELETE FROM outbox WHERE topic = $1 AND sent_at IS NULL`, [topic])
      .catch(() => undefined);
    await dataSource?.destroy();
    await kafka?.close().catch(() => undefined);
  });

  it('should run as a primary with two worker processes', () => {
    expect(childrenOf(app.pid!)).toHaveLength(2);
  });

  it('should store one article for one URL submitted to both workers at once', async () => {
    const article = {
      url: url('same-url'),
      raw: `Workers race on one URL ${run}: the harbour opened a berth.`,
    };

    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(article)));

    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 'new')).toHaveLength(1);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM article_dedup WHERE canonical_url = $1`,
      [url('same-url')],
    );
    expect(count).toBe(1);
  });

  it('should record one text submitted under several URLs to both workers at once as one story', async () => {
    const raw = `Workers race on one text ${run}: the river authority said the new dam would open in spring.`;

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => submit({ url: url(`same-text/${i}`), raw })),
    );

    const originals = answers.filter((a) => a.published);
    expect(originals).toHaveLength(1);
    expect(new Set(answers.map((a) => a.story_id))).toEqual(new Set([originals[0].id]));
    expect(answers.filter((a) => !a.published).every((a) => a.dedup === 'exact_duplicate')).toBe(true);
  });

  it('should record near copies of one story sent to both workers at once as one story', async () => {
    // A story of this run only (earlier tests stored the plain wire copy), then each outlet edits it a
    // little: different bodies, one story (SimHash within the distance).
    const story = WIRE_STORY.split(' ')
      .map((w, k) => (k % 9 === 0 ? `${w}${run}` : w))
      .join(' ');
    const copies = Array.from({ length: 6 }, (_, i) => ({
      url: url(`near/${i}`),
      raw: story.replace('on Thursday', `on Thursday (desk ${i})`),
    }));

    const answers = await Promise.all(copies.map((c) => submit(c)));

    // Near copies are other outlets' texts: each is published (its claims count for the story's outlets).
    for (const a of answers) if (a.published) published.add(a.id);
    // Concurrent near copies must not each miss the other: one original, the rest near copies of its story.
    const originals = answers.filter((a) => a.dedup === 'original');
    expect(originals).toHaveLength(1);
    expect(new Set(answers.map((a) => a.story_id))).toEqual(new Set([originals[0].id]));
    expect(answers.filter((a) => a !== originals[0]).every((a) => a.dedup === 'near_duplicate')).toBe(true);
  });

  it('should store overlapping batches sent to both workers at once once each and publish every article once', async () => {
    const article = (i: number) => ({
      url: url(`batch/${i}`),
      raw: `Workers batch ${run} item ${i}: district ${i * 7 + 3} reported ${i * 13 + 5} new permits in week ${i}.`,
    });
    // Articles 20..29 are in both batches.
    const batches = [
      Array.from({ length: 30 }, (_, i) => article(i)),
      Array.from({ length: 30 }, (_, i) => article(20 + i)),
    ];

    const responses = await Promise.all(batches.map((articles) => post('/v1/articles/batch', { articles })));

    expect(responses.map((r) => r.status)).toEqual([202, 202]);
    const answers = responses.flatMap((r) => (r.body as { results: Answer[] }).results);
    const ids = new Set(answers.map((a) => a.id));
    expect(ids.size).toBe(50);
    for (const a of answers) if (a.status === 'new') published.add(a.id);
    expect(answers.filter((a) => a.status === 'new')).toHaveLength(50);

    // Everything accepted reaches the topic once: the workers' relays take turns.
    const read = await kafka.readMessages(topic, published.size, 120_000);
    const seen = read.map((m) => (JSON.parse(m.value ?? '{}') as { articleId: string }).articleId);
    expect(new Set(seen)).toEqual(published);
    expect(seen).toHaveLength(published.size);
    await expect(kafka.readMessages(topic, published.size + 1, 3000)).rejects.toThrow(
      `read ${published.size}/${published.size + 1}`,
    );
  });

  it('should stop the other worker and exit 1 when a worker dies', async () => {
    const [first, second] = childrenOf(app.pid!);

    process.kill(first, 'SIGKILL');

    await waitUntil(async () => app.exitCode !== null, 'the primary to exit', 60_000, 200);
    expect(app.exitCode).toBe(1);
    expect(alive(second)).toBe(false);
    expect(logs).toMatch(new RegExp(`worker ${first} exited \\(SIGKILL\\); stopping the others`));
  });
});
