import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { deadLetterTopicOf } from '@sitrep/messaging';
import { createDataSource, ensureDatabase, runMigrations } from '@sitrep/persistence';
import {
  createTestApiKey,
  TestApiKey,
  testAppEnvironment,
  testDatabaseUrl,
  testKafkaBrokers,
  testRunId,
} from '@sitrep/testing';

export type PipelineAppName = 'ingest' | 'extractor' | 'indexer' | 'api';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const LOG_DIR = join(REPO_ROOT, '.sitrep', 'test-logs');
/** The V8 flags every app runs with (scripts/app-node-options, shared with `npm start` and the image). */
const APP_NODE_FLAGS = readFileSync(join(REPO_ROOT, 'scripts', 'app-node-options'), 'utf8')
  .split(/\s+/)
  .filter(Boolean);

/** One article of the shared dev set, read at run time (its text never enters the repository). */
export interface DevArticle {
  id: string;
  url: string;
  outlet: string;
  language: string | null;
  published_at?: string | null;
  raw: string;
  gold: {
    claims: Array<{
      type: string;
      source: string;
      target: string;
      evidence: string;
      event_date: string | null;
    }>;
  };
}

export function readDevArticles(file: 'seed.jsonl' | 'articles.jsonl'): DevArticle[] {
  const path = join(REPO_ROOT, '..', 'shared', 'eval', 'dev', file);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as DevArticle);
}

/**
 * An article's raw text with a sentence of this run at the end of its longest line (a body paragraph,
 * which the cleaner keeps): ingest refuses an identical cleaned body twice.
 */
export function uniqueBody(raw: string, note: string): string {
  const lines = raw.split('\n');
  let at = 0;
  lines.forEach((line, i) => {
    if (line.length > lines[at].length) at = i;
  });
  lines[at] = `${lines[at]} Editorial note ${note}: this copy was loaded again without changes to the story.`;
  return lines.join('\n');
}

/**
 * Runs the pipeline's apps as child processes (ts-node, like `npm start` would run them) against the real
 * engines, with the test database, a per-run index prefix and per-run consumer groups, so that a test
 * can kill and restart any of them.
 */
export class PipelineHarness {
  readonly runId = testRunId();
  readonly ports: Record<PipelineAppName, number> = { ingest: 0, extractor: 0, indexer: 0, api: 0 };
  readonly groups = {
    extractor: `sitrep-extractor-test-${this.runId}`,
    indexer: `sitrep-indexer-test-${this.runId}`,
  };
  /** Topics of this harness alone: other runs and benches on the shared broker never reach its apps. */
  readonly topics: { articles: string; claims: string };
  private readonly processes = new Map<PipelineAppName, ChildProcess>();

  constructor(
    readonly label: string,
    private readonly extraEnv: Partial<Record<PipelineAppName, Record<string, string>>> = {},
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    const base = `sitrep.test.${this.runId}.${label}`;
    this.topics = { articles: `${base}.articles.ingested.1`, claims: `${base}.claims.extracted.1` };
  }

  url(app: PipelineAppName, path: string): string {
    return `http://127.0.0.1:${this.ports[app]}${path}`;
  }

  get indexPrefix(): string {
    return `sitrep-test-${this.runId}-${this.label}-`;
  }

  /**
   * Migrates the test database (a benchmark may run on a machine where no test run has yet), empties the
   * pipeline's own tables (intake, extraction, claims, clusters) and creates the harness's topics (with their dead-letter topics).
   */
  async prepare(): Promise<void> {
    await ensureDatabase(testDatabaseUrl());
    const migrator = createDataSource({
      url: testDatabaseUrl(),
      poolSize: 1,
      applicationName: 'sitrep-bench-setup',
    });
    await migrator.initialize();
    try {
      await runMigrations(migrator);
    } finally {
      await migrator.destroy();
    }
    const pg = new Client({ connectionString: testDatabaseUrl() });
    await pg.connect();
    try {
      // The intake tables too: every run posts copies of the same 45 dev stories, and ingest compares a
      // copy with the earlier copies of its story, so what earlier runs left made each run slower (after
      // ~70,000 articles: ingest 8-11 ms of CPU per article instead of ~1, its pool timing out into 5xx).
      await pg.query(
        'TRUNCATE article_extractions, article_actors, claims, claim_clusters, article_dedup, articles',
      );
      // The outbox keeps every run's rows (per-run topics; the relays purge sent rows after 7 days) and,
      // with autovacuum off on the build machines, the dead index entries of every row ever marked sent:
      // each relay poll walked them all (0.4-2.6 ms of PostgreSQL per poll at 460,000 rows, ten polls a
      // second per app, counted as the pipeline's CPU). VACUUM drops them and changes no row.
      await pg.query('VACUUM outbox');
    } finally {
      await pg.end();
    }
    const kafka = new Kafka({
      clientId: `pipeline-harness-${this.runId}`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = [this.topics.articles, this.topics.claims].flatMap((topic) => [
        { topic, numPartitions: 6 },
        { topic: deadLetterTopicOf(topic), numPartitions: 1 },
      ]);
      const missing = wanted.filter((spec) => !existing.has(spec.topic));
      if (missing.length > 0) await admin.createTopics({ waitForLeaders: true, topics: missing });
    } finally {
      await admin.disconnect();
    }
  }

  /** Deletes the harness's topics. */
  async dropTopics(): Promise<void> {
    const kafka = new Kafka({
      clientId: `pipeline-harness-${this.runId}`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const names = [this.topics.articles, this.topics.claims].flatMap((topic) => [
        topic,
        deadLetterTopicOf(topic),
      ]);
      const existing = new Set(await admin.listTopics());
      const present = names.filter((name) => existing.has(name));
      if (present.length > 0) await admin.deleteTopics({ topics: present });
    } finally {
      await admin.disconnect();
    }
  }

  env(app: PipelineAppName): Record<string, string> {
    return {
      ...(process.env as Record<string, string>),
      ...testAppEnvironment({
        ELASTICSEARCH_INDEX_PREFIX: this.indexPrefix,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL || 'log',
        OUTBOX_POLL_INTERVAL_MS: '100',
        [`${app.toUpperCase()}_PORT`]: String(this.ports[app]),
        EXTRACTOR_GROUP_ID: this.groups.extractor,
        INDEXER_GROUP_ID: this.groups.indexer,
        INGEST_ARTICLES_TOPIC: this.topics.articles,
        EXTRACTOR_TOPIC: this.topics.articles,
        EXTRACTOR_OUTPUT_TOPIC: this.topics.claims,
        EXTRACTOR_FROM_BEGINNING: 'true',
        INDEXER_TOPIC: this.topics.claims,
        INDEXER_FROM_BEGINNING: 'true',
      }),
      ...(this.extraEnv[app] ?? {}),
      // Profiling or tracing the apps of a bench (e.g. `--require ./profile.js`); APP_NAME tells them apart.
      ...(process.env.BENCH_APP_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_APP_NODE_OPTIONS, APP_NAME: app }
        : {}),
    };
  }

  /**
   * Starts an app and waits until it is live. An app that exits while starting (an engine briefly down:
   * the engines are shared with other test runs) is started again until the deadline.
   */
  async start(app: PipelineAppName, timeoutMs = 180_000): Promise<void> {
    // A free port per app, kept across restarts of that app.
    this.ports[app] ||= await freePort();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const child = this.spawn(app);
      let exited = false;
      child.once('exit', () => (exited = true));
      while (!exited && Date.now() < deadline) {
        const live = await fetch(this.url(app, '/health/live'))
          .then((response) => response.ok)
          .catch(() => false);
        if (live) return;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      if (!exited) throw new Error(`timed out waiting for ${app} to be live`);
      if (Date.now() > deadline)
        throw new Error(`${app} kept exiting while starting (.sitrep/test-logs/${this.label}-${app}.log)`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  private spawn(app: PipelineAppName): ChildProcess {
    const log = createWriteStream(join(LOG_DIR, `${this.label}-${app}.log`), { flags: 'a' });
    const child = spawn(
      process.execPath,
      [
        ...APP_NODE_FLAGS,
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join('apps', app, 'src', 'main.ts'),
      ],
      { cwd: REPO_ROOT, env: this.env(app), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // Both streams go to one file: neither may end it while the other still writes (an app writing to
    // stderr after stdout closed, e.g. a profiler at exit, failed the run with "write after end").
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('close', () => log.end());
    this.processes.set(app, child);
    return child;
  }

  /** The process id of a running app (CPU measurements). */
  pid(app: PipelineAppName): number | undefined {
    return this.processes.get(app)?.pid;
  }

  async startAll(apps: PipelineAppName[]): Promise<void> {
    await Promise.all(apps.map((app) => this.start(app)));
  }

  /** Kills an app (SIGKILL by default: no shutdown hooks run) and waits for it to be gone. */
  async kill(app: PipelineAppName, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.processes.get(app);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await gone;
    this.processes.delete(app);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((app) => this.kill(app, 'SIGTERM')));
  }
}

/** A TCP port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

let harnessKey: Promise<TestApiKey> | undefined;

/** The key (read, ingest, alerts) that pipeline tests and benches call the apps with; one per process. */
export const harnessApiKey = (): Promise<TestApiKey> =>
  (harnessKey ??= createTestApiKey(['read', 'ingest', 'alerts'], {
    name: `pipeline harness ${testRunId()}`,
  }));

/** Headers with the harness's key, plus `extra`. */
export async function authHeaders(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { ...(await harnessApiKey()).headers, ...extra };
}

/** GET a JSON body (with the harness's key). */
export async function getJson<T>(
  url: string,
): Promise<{ status: number; body: T; contentType: string | null }> {
  const response = await fetch(url, { headers: await authHeaders() });
  return {
    status: response.status,
    body: (await response.json()) as T,
    contentType: response.headers.get('content-type'),
  };
}

/** POST a JSON body (with the harness's key). */
export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: await authHeaders({ 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
