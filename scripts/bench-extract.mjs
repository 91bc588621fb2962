#!/usr/bin/env node
/* global process, console */
// `npm run bench:extract`: the extraction engine in one process (one core, no workers) over the dev
// articles of ../shared/eval/dev, repeated to at least 10 MB of raw input. Prints articles/s, MB/s,
// peak RSS and heap, per-stage ms/article and the engine version. Builds libs/extraction if stale.
//   BENCH_MIN_MB   raw input to process, in MB          default 10
//   BENCH_FILES    comma-separated JSON Lines files      default ../shared/eval/dev/*.jsonl
//   BENCH_RUNS     timed runs of BENCH_MIN_MB each       default 3 (the median is the figure)
//   BENCH_WARMUP_MB  untimed raw input before them       default BENCH_MIN_MB (0: none)
//                  (the warm-up lets V8 optimise the hot code and grow the heap, as in a long-running
//                  extractor; its own rate is printed apart and left out of every other figure)
//   BENCH_NODE_FLAGS  V8 flags of the bench process      default those of scripts/app-node-options, the
//                  flags the extractor runs with ("none": node's defaults)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtraction } from './extract.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The engine is measured as the extractor runs it: with the apps' V8 flags. Without them in this
// process, run again with them.
const nodeFlags = (
  process.env.BENCH_NODE_FLAGS === 'none'
    ? ''
    : (process.env.BENCH_NODE_FLAGS ?? readFileSync(join(root, 'scripts', 'app-node-options'), 'utf8'))
)
  .split(/\s+/)
  .filter(Boolean);
if (nodeFlags.some((f) => !process.execArgv.includes(f))) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...nodeFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}
const devDir = join(root, '..', 'shared', 'eval', 'dev');
const files = process.env.BENCH_FILES
  ? process.env.BENCH_FILES.split(',')
  : existsSync(devDir)
    ? readdirSync(devDir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(devDir, f))
    : [];
if (!files.length) {
  console.error(`bench:extract: no input (looked for ${devDir}/*.jsonl; set BENCH_FILES)`);
  process.exit(2);
}
const minMb = Number(process.env.BENCH_MIN_MB ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const warmupMb = Number(process.env.BENCH_WARMUP_MB ?? minMb);

const require = createRequire(import.meta.url);
const { runBench } = require(buildExtraction('src/bench/run-bench.js'));
const r = runBench({
  files,
  minBytes: minMb * 1024 * 1024,
  runs,
  warmupBytes: warmupMb * 1024 * 1024,
});

console.log(
  `engine ${r.engineVersion}, node ${process.version}${process.execArgv.length ? ` ${process.execArgv.join(' ')}` : ''}, one process, no workers`,
);
console.log(`input: ${r.distinctArticles} distinct articles from ${files.length} file(s), repeated`);
if (r.warmup !== null) console.log(`warm-up: ${warmupMb} MB untimed first, at ${r.warmup} articles/s`);
console.log(
  `processed ${r.articles} articles, ${r.megabytes} MB of raw input in ${r.seconds} s (${r.runs.length} runs)`,
);
console.log(
  `throughput: ${r.articlesPerSecond} articles/s, ${r.megabytesPerSecond} MB/s (median of ${r.runs.length} runs: ${r.runs.join(', ')} articles/s)`,
);
const main = r.cpuMsPerArticle.mainThread;
console.log(
  `cpu per article: ${main ?? 'n/a'} ms main thread${main ? ` (${Math.round(1000 / main)} articles per CPU-second)` : ''}, ${r.cpuMsPerArticle.process} ms whole process (with GC helper threads)`,
);
console.log(`memory: peak RSS ${r.peakRssMb} MB, peak heap used ${r.peakHeapMb} MB`);
console.log(
  `stages (ms/article): ${Object.entries(r.stages)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}`,
);
