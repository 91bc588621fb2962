import { infraLocal, KafkaHarness, waitUntil } from '@sitrep/testing';
import request from 'supertest';
import { forgetEarlierTestArticles, IngestTestApp, startIngestApp } from './support/ingest-app';

jest.setTimeout(300_000);

// Written for these tests: distinct texts so that no article is a near copy of another.
const TOPICS = [
  'harbour dredging',
  'rice harvest',
  'rail tender',
  'visa rules',
  'power grid',
  'fishing quota',
  'bridge repair',
];
function articleText(run: string, i: number): string {
  const topic = TOPICS[i % TOPICS.length];
  return `Report ${run}-${i} on ${topic}: officials in district ${i * 7 + 3} said that the ${topic} programme number ${i} would start in week ${(i % 52) + 1}, with ${i * 13 + 5} workers and a budget of ${i * 97 + 11} thousand.`;
}

describe('No loss while Kafka is down (e2e)', () => {
  let ctx: IngestTestApp;
  let kafka: KafkaHarness;
  let topic: string;
  const run = Date.now().toString(36);
  const url = (i: number) => `https://e2e-ingest.test/outage/${run}/${i}`;
  const accepted: string[] = [];

  beforeAll(async () => {
    kafka = new KafkaHarness();
    topic = await kafka.createTopic('intel.internal.articles.ingested.e2e', 3);
    ctx = await startIngestApp({ INGEST_ARTICLES_TOPIC: topic, OUTBOX_POLL_INTERVAL_MS: '100' });
    await forgetEarlierTestArticles(ctx);
  });

  afterAll(async () => {
    // Whatever happened above, the broker is running again for the other tests.
    infraLocal('up', 'kafka');
    // Rows left unsent for this test's topic (deleted below) would block the shared outbox of the test database.
    await ctx?.dataSource
      .query(`DELETE FROM outbox WHERE topic = $1 AND sent_at IS NULL`, [topic])
      .catch(() => undefined);
    await ctx?.close();
    await kafka?.close().catch(() => undefined);
  });

  const http = () => request.agent(ctx.app.getHttpServer()).set(ctx.apiKey.headers);
  const outboxState = async () =>
    (
      await ctx.dataSource.query(
        `SELECT count(*)::int AS total, count(sent_at)::int AS sent FROM outbox WHERE topic = $1`,
        [topic],
      )
    )[0] as { total: number; sent: number };

  it('should keep answering 202 with Kafka stopped, then publish every article exactly once when it returns', async () => {
    infraLocal('down', 'kafka');

    for (let i = 0; i < 20; i++) {
      const res = await http()
        .post('/v1/articles')
        .send({ url: url(i), raw: articleText(run, i) })
        .expect(202);
      expect(res.body.status).toBe('new');
      accepted.push(res.body.id);
    }
    const batch = await http()
      .post('/v1/articles/batch')
      .send({
        articles: Array.from({ length: 30 }, (_, j) => ({ url: url(20 + j), raw: articleText(run, 20 + j) })),
      })
      .expect(202);
    expect(batch.body.new).toBe(30);
    accepted.push(...batch.body.results.map((r: { id: string }) => r.id));

    // The outbox holds them all and none is marked sent while the broker is down.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await expect(outboxState()).resolves.toEqual({ total: 50, sent: 0 });
    const view = await http().get(`/v1/articles/${accepted[0]}`).expect(200);
    expect(view.body.processing.event).toBe('queued');

    infraLocal('up', 'kafka');
    await waitUntil(
      async () => (await outboxState()).sent === 50,
      'the relay to send all 50 rows',
      120_000,
      500,
    );

    // Read the topic from the beginning for a while past the 50th message, so that a duplicate would show.
    const consumer = kafka.kafka.consumer({ groupId: `ingest-outage-reader-${run}`, maxWaitTimeInMs: 200 });
    const seen: { id: string; key: string; partition: number; offset: string }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message, partition }) => {
          const value = JSON.parse(message.value?.toString() ?? '{}') as { articleId: string };
          seen.push({
            id: value.articleId,
            key: message.key?.toString() ?? '',
            partition,
            offset: message.offset,
          });
        },
      });
      await waitUntil(async () => seen.length >= 50, '50 messages on the topic', 60_000, 200);
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } finally {
      await consumer.disconnect();
    }

    const twice = seen.filter((m) => seen.filter((o) => o.id === m.id).length > 1);
    expect(twice).toEqual([]);
    expect(seen).toHaveLength(50);
    expect(new Set(seen.map((m) => m.id))).toEqual(new Set(accepted));
    for (const m of seen) expect(JSON.parse(m.key)).toEqual({ articleId: m.id });
    const after = await http().get(`/v1/articles/${accepted[0]}`).expect(200);
    expect(after.body.processing.event).toBe('published');
  });
});
