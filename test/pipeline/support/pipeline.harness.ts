import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testAppEnvironment, testDatabaseUrl, testKafkaBrokers, testRunId, waitUntil } from '@sitrep/testing';

export type PipelineAppName = 'ingest' | 'extractor' | 'indexer' | 'api';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
const LOG_DIR = join(REPO_ROOT, '.sitrep', 'test-logs');

/** One article of the shared dev set, read at run time (its text never enters the repository). */
export interface DevArticle {
  id: string;
  url: string;
  outlet: string;
  language: string | null;
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

/** An article's raw text with a sentence of this run inside its body (ingest refuses an identical body twice). */
export function uniqueBody(raw: string, note: string): string {
  const lines = raw.split('\n');
  const at = lines.findIndex((line) => line.length > 150);
  const sentence = `Editorial note ${note}: this copy was loaded again without changes to the story.`;
  return at < 0
    ? `${raw}\n${sentence}`
    : [...lines.slice(0, at + 1), sentence, ...lines.slice(at + 1)].join('\n');
}

const TOPICS = {
  extractor: 'intel.internal.articles.ingested.1',
  indexer: 'intel.internal.claims.extracted.1',
} as const;

/**
 * Runs the pipeline's apps as child processes (ts-node, like `npm start` would run them) against the real
 * engines, with the test database, a per-run index prefix and per-run consumer groups, so that a test
 * can kill and restart any of them.
 */
export class PipelineHarness {
  readonly runId = testRunId();
  readonly ports: Record<PipelineAppName, number>;
  readonly groups = {
    extractor: `sitrep-extractor-test-${this.runId}`,
    indexer: `sitrep-indexer-test-${this.runId}`,
  };
  private readonly processes = new Map<PipelineAppName, ChildProcess>();

  constructor(
    readonly label: string,
    basePort: number,
    private readonly extraEnv: Partial<Record<PipelineAppName, Record<string, string>>> = {},
  ) {
    this.ports = { ingest: basePort, extractor: basePort + 1, indexer: basePort + 2, api: basePort + 3 };
    mkdirSync(LOG_DIR, { recursive: true });
  }

  url(app: PipelineAppName, path: string): string {
    return `http://127.0.0.1:${this.ports[app]}${path}`;
  }

  get indexPrefix(): string {
    return `sitrep-test-${this.runId}-${this.label}-`;
  }

  /** Empties the pipeline's own tables and moves the new consumer groups to the end of their topics. */
  async prepare(): Promise<void> {
    const pg = new Client({ connectionString: testDatabaseUrl() });
    await pg.connect();
    try {
      await pg.query('TRUNCATE article_extractions, article_actors, claims, claim_clusters');
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
      // A new group would otherwise start at "latest" only once it joined: messages sent before are lost.
      for (const app of ['extractor', 'indexer'] as const) {
        await admin.resetOffsets({ groupId: this.groups[app], topic: TOPICS[app], earliest: false });
      }
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
      }),
      ...(this.extraEnv[app] ?? {}),
    };
  }

  async start(app: PipelineAppName): Promise<void> {
    const log = createWriteStream(join(LOG_DIR, `${this.label}-${app}.log`), { flags: 'a' });
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join('apps', app, 'src', 'main.ts'),
      ],
      { cwd: REPO_ROOT, env: this.env(app), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.processes.set(app, child);
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitUntil(
      async () => {
        if (exited)
          throw new Error(`${app} exited while starting (see .sitrep/test-logs/${this.label}-${app}.log)`);
        const response = await fetch(this.url(app, '/health/live'));
        return response.ok;
      },
      `${app} to be live`,
      120_000,
    );
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

/** GET a JSON body. */
export async function getJson<T>(
  url: string,
): Promise<{ status: number; body: T; contentType: string | null }> {
  const response = await fetch(url);
  return {
    status: response.status,
    body: (await response.json()) as T,
    contentType: response.headers.get('content-type'),
  };
}

/** POST a JSON body. */
export async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
