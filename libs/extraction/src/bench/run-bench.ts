import { existsSync, readFileSync } from 'fs';
import { recognizeActors } from '../actors/recognize-actors';
import { cleanArticle } from '../cleaning/clean-article';
import { extractClaims } from '../claims/extract-claims';
import { ENGINE_VERSION } from '../engine/engine-version';
import { extractArticle } from '../engine/extract-article';
import { ArticleInput } from '../model';
import { splitSentences } from '../text/split-sentences';

export interface BenchOptions {
  /** JSON Lines files of articles ({id, raw, url?}). */
  files: string[];
  /** Stop once this much raw input (bytes, UTF-8) has been processed. @default 10 MB */
  minBytes?: number;
  /** Timed runs of minBytes each; the report gives each run and their median. @default 1 */
  runs?: number;
  /**
   * Raw input (bytes) run untimed before the timed runs, so they measure the engine in its steady
   * state (optimised code, grown heap) as a long-running extractor sees it. @default minBytes
   */
  warmupBytes?: number;
}

export interface BenchReport {
  engineVersion: string;
  distinctArticles: number;
  articles: number;
  megabytes: number;
  seconds: number;
  /** The median run's articles/s (wall clock). */
  articlesPerSecond: number;
  megabytesPerSecond: number;
  /** Articles/s of every timed run, in order. */
  runs: number[];
  /** Articles/s of the untimed warm-up run (left out of every other figure), or null without one. */
  warmup: number | null;
  /**
   * CPU milliseconds per article over the timed runs: the main thread's (the engine itself; Linux
   * only, else null) and the whole process's (plus V8's garbage-collection helper threads).
   */
  cpuMsPerArticle: { mainThread: number | null; process: number };
  peakRssMb: number;
  peakHeapMb: number;
  /** Milliseconds per article spent in each stage (a separate pass over the distinct articles). */
  stages: Record<string, number>;
}

function loadArticles(files: string[]): ArticleInput[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const a = JSON.parse(l) as { id: string; raw: string; url?: string | null };
        // The engine sees only what the evaluation gives it: no gold metadata.
        return { id: a.id, raw: a.raw, url: a.url ?? null };
      }),
  );
}

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

const TASK_STAT = `/proc/self/task/${process.pid}/stat`;
const TICK_MS = 10;

/** CPU time of the main thread in ms (utime + stime from procfs, 10 ms ticks), or null off Linux. */
function mainThreadCpuMs(): number | null {
  if (!existsSync(TASK_STAT)) return null;
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = readFileSync(TASK_STAT, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per-stage cost, measured over a few passes of the distinct articles. */
function stageTimes(articles: ArticleInput[], passes: number): Record<string, number> {
  const t = { clean: 0, sentences: 0, actors: 0, claims: 0 };
  for (let p = 0; p < passes; p++) {
    for (const input of articles) {
      let t0 = now();
      const article = cleanArticle(input);
      t.clean += now() - t0;
      t0 = now();
      const sentences = splitSentences(article.text, article.language);
      t.sentences += now() - t0;
      t0 = now();
      const mentions = recognizeActors(article, sentences);
      t.actors += now() - t0;
      t0 = now();
      extractClaims({ article, sentences, mentions });
      t.claims += now() - t0;
    }
  }
  const n = articles.length * passes;
  return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +(v / n).toFixed(4)]));
}

/**
 * Runs the whole engine in this process (one core, no workers) over the articles, repeated until
 * minBytes of raw input have gone through, `runs` times, after an untimed warm-up run (warmupBytes).
 */
export function runBench(opts: BenchOptions): BenchReport {
  const articles = loadArticles(opts.files);
  if (!articles.length) throw new Error('no articles to benchmark');
  const minBytes = opts.minBytes ?? 10 * 1024 * 1024;
  const sizes = articles.map((a) => Buffer.byteLength(a.raw, 'utf8'));
  let sink = 0;
  // Every extraction's own number, warm-up included: a fresh id each time, so nothing is cached by identity.
  let serial = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  /** Extracts the articles over and over until `min` bytes have gone through. */
  const pass = (min: number): { rate: number; articles: number; bytes: number; seconds: number } => {
    let runBytes = 0;
    let runCount = 0;
    const started = now();
    do {
      for (let i = 0; i < articles.length; i++) {
        const res = extractArticle({ ...articles[i], id: `${articles[i].id}#${serial++}` });
        sink += res.claims.length + res.text.length;
        runBytes += sizes[i];
        runCount++;
      }
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    } while (runBytes < min);
    const runSeconds = (now() - started) / 1000;
    return {
      rate: Math.round(runCount / runSeconds),
      articles: runCount,
      bytes: runBytes,
      seconds: runSeconds,
    };
  };
  const warmupBytes = Math.max(0, opts.warmupBytes ?? minBytes);
  const warmup = warmupBytes > 0 ? pass(warmupBytes).rate : null;

  const runs = Math.max(1, Math.floor(opts.runs ?? 1));
  let bytes = 0;
  let count = 0;
  let seconds = 0;
  const rates: number[] = [];
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  for (let r = 0; r < runs; r++) {
    const run = pass(minBytes);
    seconds += run.seconds;
    bytes += run.bytes;
    count += run.articles;
    rates.push(run.rate);
  }
  const cpu = process.cpuUsage(cpu0);
  const main1 = mainThreadCpuMs();
  if (sink < 0) throw new Error('unreachable');
  const mb = bytes / 1024 / 1024;
  const perArticle = (ms: number): number => +(ms / count).toFixed(3);
  return {
    engineVersion: ENGINE_VERSION,
    distinctArticles: articles.length,
    articles: count,
    megabytes: +mb.toFixed(2),
    seconds: +seconds.toFixed(3),
    articlesPerSecond: Math.round(median(rates)),
    megabytesPerSecond: +((median(rates) * mb) / count).toFixed(2),
    runs: rates,
    warmup,
    cpuMsPerArticle: {
      mainThread: main0 != null && main1 != null ? perArticle(main1 - main0) : null,
      process: perArticle((cpu.user + cpu.system) / 1000),
    },
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    peakHeapMb: Math.round(peakHeap / 1024 / 1024),
    stages: stageTimes(articles, 5),
  };
}
