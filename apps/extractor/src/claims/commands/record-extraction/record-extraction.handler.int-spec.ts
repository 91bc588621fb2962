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

      await expect(sut.execute(new RecordExtractionCommand(article, cause()))).resolves.toMatchObject({
        kind: 'recorded',
        claimCount: 2,
      });
      await expect(sut.execute(new RecordExtractionCommand(article, cause()))).resolves.toMatchObject({
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
      await handler(engineOf('1.0.0', [claim({ event_date: `${year}-09` })])).execute(
        new RecordExtractionCommand(article, cause()),
      );
      const [{ cluster_id: oldCluster }] = await dataSource.query(
        `SELECT cluster_id FROM claims WHERE article_id = $1`,
        [article.articleId],
      );

      const outcome = await handler(engineOf('1.1.0', [claim({ event_date: `${year}-10` })])).execute(
        new RecordExtractionCommand(article, cause()),
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
      const [old] = await dataSource.query(`SELECT summary FROM claim_clusters WHERE id = $1`, [oldCluster]);
      expect(old.summary.claim_count).toBe(0);
      const outbox: Array<{ headers: Record<string, string> }> = await dataSource.query(
        `SELECT headers FROM outbox WHERE key = '{"articleId":"' || $1 || '"}' ORDER BY seq`,
        [article.articleId],
      );
      expect(outbox.map((row) => row.headers['replaces-engine-version'] ?? null)).toEqual([null, '1.0.0']);
      expect(published.some((event) => event.outcome.kind === 'replaced')).toBe(true);
    });

    it('should ignore an older engine version than the one that produced the stored claims', async () => {
      const article = await storedArticle();
      await handler(engineOf('2.0.0', [claim({})])).execute(new RecordExtractionCommand(article, cause()));
      await expect(
        handler(engineOf('1.9.9', [])).execute(new RecordExtractionCommand(article, cause())),
      ).resolves.toMatchObject({ kind: 'unchanged', storedEngineVersion: '2.0.0' });
    });

    it('should record an article once when two deliveries race', async () => {
      const article = await storedArticle();
      const sut = handler(engineOf('1.0.0', [claim({})]));
      const outcomes = await Promise.all([
        sut.execute(new RecordExtractionCommand(article, cause())),
        sut.execute(new RecordExtractionCommand(article, cause())),
      ]);
      expect(outcomes.map((o) => o.kind).sort()).toEqual(['recorded', 'unchanged']);
      expect(await count('SELECT count(*) AS n FROM claims WHERE article_id = $1', article.articleId)).toBe(
        1,
      );
    });

    it('should refuse an article PostgreSQL does not have', async () => {
      const article = { ...(await storedArticle()), articleId: randomUUID() };
      await expect(
        handler(engineOf('1.0.0', [])).execute(new RecordExtractionCommand(article, cause())),
      ).rejects.toThrow(ArticleNotFoundError);
    });
  });
});
