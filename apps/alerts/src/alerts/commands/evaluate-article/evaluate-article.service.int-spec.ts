import { createDataSource } from '@sitrep/persistence';
import { ALERTS_RECORDING_LOCK, AlertRuleRecord, AlertsRepository } from '@sitrep/persistence/alerts';
import { testDatabaseUrl } from '@sitrep/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AlertPayload } from '../../alert-payload.factory';
import { AlertsOptions } from '../../alerts.options';
import { EvaluateArticleService } from './evaluate-article.service';

const options: AlertsOptions = {
  consumerEnabled: false,
  groupId: 'unused',
  fromBeginning: false,
  maxAttempts: 1,
  batchSize: 50,
  partitionsConsumedConcurrently: 1,
  apiBaseUrl: 'https://sitrep.example',
  deliveryEnabled: false,
  deliveryPollMs: 100,
  deliveryConcurrency: 2,
  deliveryMaxAttempts: 7,
  deliveryBackoffMs: 100,
  deliveryBackoffMaxMs: 1000,
  deliveryTimeoutMs: 2000,
  allowLoopback: true,
  ssePollMs: 100,
};

/** This run's rows: cluster and claim ids carry it, so the shared test database's other rows are left alone. */
const run = randomUUID().slice(0, 8);

describe(EvaluateArticleService.name, () => {
  let dataSource: DataSource;
  let repository: AlertsRepository;
  let sut: EvaluateArticleService;
  const rules: AlertRuleRecord[] = [];

  /** A cluster as the extractor stores it, with one current claim per article. */
  async function cluster(
    name: string,
    facts: { sanctions: boolean; modality?: string; outlets?: number },
    articles: Array<{ id: string; curation?: 'wrong'; superseded?: boolean }>,
  ): Promise<string> {
    const id = `cl-eval-${run}-${name}`;
    await dataSource.query(
      `INSERT INTO claim_clusters (id, key, type, source, target, summary, facets, sanctions, version)
       VALUES ($1, $1, 'arms_transfer', 'PRK', 'RUS', $2, $3, $4, 1)`,
      [
        id,
        JSON.stringify({
          type: 'arms_transfer',
          source: 'PRK',
          target: 'RUS',
          status: 'completed',
          modality: facts.modality ?? 'asserted',
          outlet_count: facts.outlets ?? 1,
          article_count: articles.length,
          items: ['artillery_shell'],
          languages: ['en'],
          outlets: ['eval.example'],
        }),
        JSON.stringify({ actors: ['PRK', 'RUS'], evidence_text: [`${name} shells were delivered`] }),
        JSON.stringify({ relevant: facts.sanctions, instruments: facts.sanctions ? ['UNSCR 1718'] : [] }),
      ],
    );
    for (const [ordinal, article] of articles.entries())
      await dataSource.query(
        `INSERT INTO claims (id, article_id, engine_version, ordinal, cluster_id, type, source, target, status,
           modality, evidence_text, evidence_start, evidence_end, confidence, seen_at, sanctions, url, outlet,
           language, curation, superseded_at)
         VALUES ($1, $2, 'eval-int-spec', $3, $4, 'arms_transfer', 'PRK', 'RUS', 'completed', 'asserted', $5, 0, 10,
           0.9, now(), '{"relevant":true,"instruments":[],"flags":[]}', $6, 'eval.example', 'en', $7, $8)`,
        [
          `${id}-${article.id}`,
          article.id,
          ordinal,
          id,
          `${name} shells were delivered`,
          `https://eval.example/${article.id}`,
          article.curation ?? null,
          article.superseded ? new Date() : null,
        ],
      );
    return id;
  }

  async function rule(filter: AlertRuleRecord['filter'], triggers: AlertRuleRecord['triggers'] = {}) {
    const saved = await repository.saveRule({
      id: randomUUID(),
      name: `eval int-spec ${run}`,
      filter,
      triggers,
      channel: 'webhook',
      webhook_url: 'https://hooks.example/eval',
      webhook_secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      ready_made: false,
    });
    rules.push(saved);
    return saved;
  }

  /** The alerts of this run's rules (other suites' rules, the ready-made one included, also see the clusters). */
  const mine = (recorded: Array<Array<{ rule_id: string; cluster_id: string; trigger: string }>>) =>
    recorded.map((alerts) =>
      alerts
        .filter((alert) => rules.some((r) => r.id === alert.rule_id))
        .map(({ rule_id, cluster_id, trigger }) => ({ rule_id, cluster_id, trigger })),
    );

  beforeAll(async () => {
    dataSource = createDataSource({
      url: testDatabaseUrl(),
      poolSize: 6,
      applicationName: 'alerts-int-spec',
    });
    await dataSource.initialize();
    repository = new AlertsRepository(dataSource);
    sut = new EvaluateArticleService(repository, options);
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM alerts WHERE cluster_id LIKE $1`, [`cl-eval-${run}-%`]);
    await dataSource.query(`DELETE FROM claims WHERE cluster_id LIKE $1`, [`cl-eval-${run}-%`]);
    await dataSource.query(`DELETE FROM claim_clusters WHERE id LIKE $1`, [`cl-eval-${run}-%`]);
    for (const saved of rules) await repository.deleteRule(saved.id);
    await dataSource.destroy();
  });

  describe('evaluateMany', () => {
    it('should alert once per rule and cluster of a chunk, for the first article in it, with its delivery', async () => {
      const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const shared = await cluster('shared', { sanctions: true }, [{ id: a }, { id: b }]);
      await cluster('irrelevant', { sanctions: false }, [{ id: c }]);
      await cluster('denied', { sanctions: true, modality: 'denied' }, [{ id: d }]);
      await cluster('wrong', { sanctions: true }, [{ id: d, curation: 'wrong' }]);
      await cluster('superseded', { sanctions: true }, [{ id: d, superseded: true }]);
      const sanctions = await rule({ sanctions_only: true });
      await rule({ claim_types: ['labor_export'] });

      const recorded = await sut.evaluateMany([b, a, c, d]);

      expect(mine(recorded)).toEqual([
        [{ rule_id: sanctions.id, cluster_id: shared, trigger: 'new' }],
        [],
        [],
        [],
      ]);
      const alert = recorded[0].find((r) => r.rule_id === sanctions.id)!;
      const payload = alert.payload as unknown as AlertPayload;
      expect(payload.alert_id).toBe(alert.id);
      expect(payload.cluster).toMatchObject({ id: shared, sanctions: { relevant: true } });
      expect(payload.articles.map((article) => article.url).sort()).toEqual(
        [`https://eval.example/${a}`, `https://eval.example/${b}`].sort(),
      );
      expect(payload.links.cluster).toBe(`https://sitrep.example/v1/clusters/${shared}`);
      const deliveries = await repository.deliveriesOf([alert.seq]);
      expect(deliveries).toMatchObject([
        { url: 'https://hooks.example/eval', webhook_id: `msg_${alert.id}`, status: 'pending' },
      ]);
    });

    it('should record nothing when the same articles are evaluated again', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await cluster('again', { sanctions: true }, [{ id: a }, { id: b }]);
      await rule({ sanctions_only: true });
      await sut.evaluateMany([a]);

      const again = await sut.evaluateMany([a, b]);

      expect(mine(again)).toEqual([[], []]);
    });

    it('should alert an escalation once, after the first alert', async () => {
      const a = randomUUID();
      const id = await cluster('escalates', { sanctions: true, outlets: 1 }, [{ id: a }]);
      const escalating = await rule({ sanctions_only: true }, { outlets_reach: 2 });
      const first = mine(await sut.evaluateMany([a]));
      await dataSource.query(
        `UPDATE claim_clusters SET summary = jsonb_set(summary, '{outlet_count}', '2') WHERE id = $1`,
        [id],
      );

      const escalation = mine(await sut.evaluateMany([a]));
      const after = mine(await sut.evaluateMany([a]));

      expect(first.flat().filter((r) => r.rule_id === escalating.id)).toEqual([
        { rule_id: escalating.id, cluster_id: id, trigger: 'new' },
      ]);
      expect(escalation.flat().filter((r) => r.rule_id === escalating.id)).toEqual([
        { rule_id: escalating.id, cluster_id: id, trigger: 'outlets' },
      ]);
      expect(after).toEqual([[]]);
    });

    it('should record alerts one chunk at a time, so that they commit in sequence order', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      await cluster('first-recorded', { sanctions: true }, [{ id: a }]);
      await cluster('second-recorded', { sanctions: true }, [{ id: b }]);
      const sanctions = await rule({ sanctions_only: true });
      // Another recording in progress: it holds the lock and has taken its sequence number.
      const other = dataSource.createQueryRunner();
      await other.connect();
      await other.startTransaction();
      await other.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ALERTS_RECORDING_LOCK]);
      const [{ seq: otherSeq }] = await other.query(
        `INSERT INTO alerts (id, rule_id, cluster_id, trigger, payload) VALUES ($1, $2, $3, 'new', '{}')
         RETURNING seq::text`,
        [randomUUID(), sanctions.id, `cl-eval-${run}-other`],
      );

      const evaluation = sut.evaluateMany([b]);
      // It waits for the lock (without it, it would take a later sequence number and commit first).
      for (let tries = 0; ; tries += 1) {
        const [{ waiting }] = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_locks
           WHERE locktype = 'advisory' AND NOT granted
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        if (waiting > 0) break;
        if (tries > 200) throw new Error('the evaluation never waited for the recording in progress');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await other.commitTransaction();
      await other.release();
      const [recorded] = await evaluation;

      const mineNow = recorded.filter((alert) => alert.rule_id === sanctions.id);
      expect(mineNow).toHaveLength(1);
      expect(BigInt(mineNow[0].seq)).toBeGreaterThan(BigInt(otherSeq));
    });

    it('should record each alert once when chunks sharing clusters are evaluated at the same time', async () => {
      const articles = Array.from({ length: 12 }, () => randomUUID());
      const clusters = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((n) =>
          cluster(`concurrent-${n}`, { sanctions: true }, [{ id: articles[n] }, { id: articles[n + 6] }]),
        ),
      );
      const sanctions = await rule({ sanctions_only: true });

      // Each chunk names the clusters in another order; every cluster is in both.
      const chunks = await Promise.all([
        sut.evaluateMany(articles.slice(0, 6)),
        sut.evaluateMany(articles.slice(6).reverse()),
        sut.evaluateMany([...articles].reverse()),
      ]);

      const alerted = chunks
        .flatMap(mine)
        .flat()
        .filter((r) => r.rule_id === sanctions.id)
        .map((r) => r.cluster_id);
      expect(alerted.sort()).toEqual([...clusters].sort());
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM alert_deliveries d JOIN alerts a ON a.seq = d.alert_seq
         WHERE a.rule_id = $1`,
        [sanctions.id],
      );
      expect(count).toBe(clusters.length);
    });
  });
});
