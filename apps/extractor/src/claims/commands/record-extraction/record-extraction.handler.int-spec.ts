import { EventBus } from '@nestjs/cqrs';
import { Claim, ExtractionResult } from '@sitrep/extraction';
import { OutboxWriter } from '@sitrep/messaging';
import { createDataSource } from '@sitrep/persistence';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { testDatabaseUrl } from '@sitrep/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ExtractionEngine } from '../../claims.di-tokens';
import { ClaimsRecordedEvent } from '../../events/claims-recorded.event';
import { IngestedArticle, RecordExtractionCommand } from './record-extraction.command';
import { ArticleNotFoundError } from './record-extraction.errors';
import { RecordExtractionHandler } from './record-extraction.handler';
import { ClusterViewFactory } from '@sitrep/domain/clusters';

const TEXT = 'North Korea has shipped artillery shells to Russia. Iran denied sending drones to Russia.';

function claim(overrides: Partial<Claim>): Claim {
  return {
    type: 'arms_transfer',
    source: 'PRK',
    target: 'RUS',
    status: 'completed',
    modality: 'asserted',
    claimant: null,
    reported_by: [],
    items: ['artillery_shell'],
    quantity: null,
    instrument: null,
    event_date: '2023-09',
    evidence: { text: TEXT.slice(0, 51), start: 0, end: 51 },
    confidence: 0.9,
    ...overrides,
  };
}

/** A stand-in engine of a given version that returns the given claims (the real one is tested elsewhere). */
const engineOf =
  (version: string, claims: Claim[]): ExtractionEngine =>
  (input) =>
    ({
      id: input.id,
      language: 'en',
      published_at: '2023-09-20T10:00:00Z',
      title: 'A test article',
      author: null,
      actors: [
        { id: 'PRK', mentions: 1, kind: 'state' },
        { id: 'RUS', mentions: 2, kind: 'state' },
      ],
      claims,
      text: TEXT,
      engine_version: version,
    }) satisfies ExtractionResult;

describe(RecordExtractionHandler.name, () => {
  let dataSource: DataSource;
  const published: ClaimsRecordedEvent[] = [];
  const events = { publish: (event: ClaimsRecordedEvent) => published.push(event) } as unknown as EventBus;

  const handler = (engine: ExtractionEngine) =>
    new RecordExtractionHandler(
      dataSource,
      ClaimsRepository.fromDataSource(dataSource),
      events,
      new OutboxWriter(),
      engine,
      {},
    );

  async function storedArticle(): Promise<IngestedArticle> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO articles (id, url, content_hash, raw, source) VALUES ($1, $2, $3, $4, 'test')`,
      [id, `https://int.example/${id}`, 'a'.repeat(64), TEXT],
    );
    return {
      articleId: id,
      url: `https://int.example/${id}`,
      canonicalUrl: null,
      source: 'test',
      receivedAt: new Date().toISOString(),
      publishedAt: null,
      language: 'en',
      storyId: null,
    };
  }

  const cause = () => ({ id: randomUUID(), correlationId: randomUUID() });
  const recordOne = async (sut: RecordExtractionHandler, article: IngestedArticle) =>
    (await sut.execute(RecordExtractionCommand.of(article, cause())))[0];
  const count = async (sql: string, id: string): Promise<number> =>
    Number((await dataSource.query(sql, [id]))[0].n);

  beforeAll(async () => {
    dataSource = createDataSource({ url: testDatabaseUrl(), poolSize: 4 });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  describe('execute', () => {
    it('should store claims, clusters and one outbox row, and change nothing on redelivery', async () => {
      const article = await storedArticle();
      const sut = handler(
        engineOf('1.0.0', [claim({}), claim({ source: 'IRN', modality: 'denied', items: ['drone'] })]),
      );

      await expect(recordOne(sut, article)).resolves.toMatchObject({
        kind: 'recorded',
        claimCount: 2,
      });
      await expect(recordOne(sut, article)).resolves.toMatchObject({
        kind: 'unchanged',
      });

      expect(await count('SELECT count(*) AS n FROM claims WHERE article_id = $1', article.articleId)).toBe(
        2,
      );
      expect(
        await count(
          `SELECT count(*) AS n FROM outbox WHERE key = '{"articleId":"' || $1 || '"}'`,
          article.articleId,
        ),
      ).toBe(1);
      const clusters: Array<{ version: string }> = await dataSource.query(
        `SELECT k.version FROM claim_clusters k JOIN claims c ON c.cluster_id = k.id WHERE c.article_id = $1`,
        [article.articleId],
      );
      expect(clusters).toHaveLength(2);
    });

    it('should replace the claims when a newer engine version re-extracts the article, and say so', async () => {
      const article = await storedArticle();
      // A year no other test uses, so that the old cluster has no other members.
      const year = 1900 + Math.floor(Math.random() * 100);
      await recordOne(handler(engineOf('1.0.0', [claim({ event_date: `${year}-09` })])), article);
      const [{ cluster_id: oldCluster }] = await dataSource.query(
        `SELECT cluster_id FROM claims WHERE article_id = $1`,
        [article.articleId],
      );

      const outcome = await recordOne(
        handler(engineOf('1.1.0', [claim({ event_date: `${year}-10` })])),
        article,
      );

      expect(outcome).toMatchObject({ kind: 'replaced', engineVersion: '1.1.0' });
      const rows: Array<{ engine_version: string; superseded_at: Date | null; version: number }> =
        await dataSource.query(
          `SELECT engine_version, superseded_at, version FROM claims WHERE article_id = $1 ORDER BY engine_version`,
          [article.articleId],
        );
      expect(rows.map((r) => [r.engine_version, r.superseded_at !== null, r.version])).toEqual([
        ['1.0.0', true, 2],
        ['1.1.0', false, 1],
      ]);
      const [old] = await dataSource.query(
        `SELECT summary, recorded_from, changed_at FROM claim_clusters WHERE id = $1`,
        [oldCluster],
      );
      expect(old.summary.claim_count).toBe(0);
      // The retired cluster existed from its claim's recording until that claim was replaced (as_of).
      const [replaced] = await dataSource.query(
        `SELECT recorded_at, superseded_at FROM claims WHERE article_id = $1 AND engine_version = '1.0.0'`,
        [article.articleId],
      );
      expect([old.recorded_from, old.changed_at]).toEqual([replaced.recorded_at, replaced.superseded_at]);
      const [current] = await dataSource.query(
        `SELECT k.recorded_from, k.changed_at, c.recorded_at FROM claim_clusters k
           JOIN claims c ON c.cluster_id = k.id WHERE c.article_id = $1 AND c.engine_version = '1.1.0'`,
        [article.articleId],
      );
      expect([current.recorded_from, current.changed_at]).toEqual([current.recorded_at, current.recorded_at]);
      const outbox: Array<{ headers: Record<string, string> }> = await dataSource.query(
        `SELECT headers FROM outbox WHERE key = '{"articleId":"' || $1 || '"}' ORDER BY seq`,
        [article.articleId],
      );
      expect(outbox.map((row) => row.headers['replaces-engine-version'] ?? null)).toEqual([null, '1.0.0']);
      expect(published.some((event) => event.outcome.kind === 'replaced')).toBe(true);
    });

    it('should ignore an older engine version than the one that produced the stored claims', async () => {
      const article = await storedArticle();
      await recordOne(handler(engineOf('2.0.0', [claim({})])), article);
      await expect(recordOne(handler(engineOf('1.9.9', [])), article)).resolves.toMatchObject({
        kind: 'unchanged',
        storedEngineVersion: '2.0.0',
      });
    });

    it('should record an article once when two deliveries race', async () => {
      const article = await storedArticle();
      const sut = handler(engineOf('1.0.0', [claim({})]));
      const outcomes = await Promise.all([recordOne(sut, article), recordOne(sut, article)]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['recorded', 'unchanged']);
      expect(await count('SELECT count(*) AS n FROM claims WHERE article_id = $1', article.articleId)).toBe(
        1,
      );
    });

    it('should refuse an article PostgreSQL does not have', async () => {
      const article = { ...(await storedArticle()), articleId: randomUUID() };
      await expect(recordOne(handler(engineOf('1.0.0', [])), article)).rejects.toThrow(ArticleNotFoundError);
    });

    it('should record a chunk of articles in one go and keep each cluster equal to its full recompute', async () => {
      // A year no other test uses, so that the cluster holds this test's articles only.
      const year = 1700 + Math.floor(Math.random() * 100);
      const sut = handler(
        engineOf('1.0.0', [
          claim({ event_date: `${year}-09` }),
          claim({ event_date: `${year}-09`, modality: 'denied' }),
        ]),
      );
      const first = await Promise.all([storedArticle(), storedArticle(), storedArticle()]);
      const second = await Promise.all([storedArticle(), storedArticle()]);

      const outcomes = await sut.execute(
        new RecordExtractionCommand([...first, first[0]].map((article) => ({ article, cause: cause() }))),
      );
      await sut.execute(new RecordExtractionCommand(second.map((article) => ({ article, cause: cause() }))));

      expect(outcomes.map((o) => o.kind)).toEqual(['recorded', 'recorded', 'recorded', 'unchanged']);
      const ids = [...first, ...second].map((article) => article.articleId);
      const [{ n }] = await dataSource.query(
        `SELECT count(*) AS n FROM outbox WHERE key::jsonb->>'articleId' = ANY($1)`,
        [ids],
      );
      expect(Number(n)).toBe(5);
      const [{ cluster_id: clusterId }] = await dataSource.query(
        `SELECT DISTINCT cluster_id FROM claims WHERE article_id = ANY($1::uuid[])`,
        [ids],
      );
      const [stored] = await dataSource.query(
        `SELECT summary, facets, sanctions, merge_state, version FROM claim_clusters WHERE id = $1`,
        [clusterId],
      );
      const members = await ClaimsRepository.fromDataSource(dataSource).currentMembers([clusterId]);
      const full = new ClusterViewFactory().build(members);
      expect(stored.summary).toMatchObject({ claim_count: 10, article_count: 5, contradicted: true });
      expect({
        summary: stored.summary,
        facets: stored.facets,
        sanctions: stored.sanctions,
        state: stored.merge_state,
      }).toEqual(full);
      expect(Number(stored.version)).toBe(2);
      // The span kept incrementally (the second chunk widened the first's) is the one over all its claims.
      const [span] = await dataSource.query(
        `SELECT k.recorded_from, k.changed_at, min(c.recorded_at) AS first, max(c.recorded_at) AS last
           FROM claim_clusters k JOIN claims c ON c.cluster_id = k.id WHERE k.id = $1
          GROUP BY k.recorded_from, k.changed_at`,
        [clusterId],
      );
      expect(span.first.getTime()).toBeLessThan(span.last.getTime());
      expect([span.recorded_from, span.changed_at]).toEqual([span.first, span.last]);
    });
  });
});
