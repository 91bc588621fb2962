#!/usr/bin/env node
/* global process */
// `npm run extract -- --input IN.jsonl --output OUT.jsonl`: builds libs/extraction when its build is
// missing or older than its sources (quietly: stdout is left to the CLI), then runs the batch CLI.
// Also exports buildExtraction() for bench-extract.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'extraction');
const stampFile = '.build-stamp';
const sources = [join(root, 'libs', 'extraction', 'src'), join(root, 'libs', 'extraction', 'data')];
const configs = ['tsconfig.extraction.json', 'tsconfig.json', 'package-lock.json'].map((f) => join(root, f));

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    if (!existsSync(d)) continue;
    // A folder's own mtime moves when a file in it is added, renamed or deleted.
    newest = Math.max(newest, statSync(d).mtimeMs);
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (!/\.(int-|e2e-)?spec\.ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  }
  return newest;
}

function isStale(entry) {
  const stamp = join(outDir, stampFile);
  if (!existsSync(stamp) || !existsSync(entry)) return true;
  const built = statSync(stamp).mtimeMs;
  const newest = Math.max(
    ...sources.map(newestMtime),
    ...configs.filter(existsSync).map((f) => statSync(f).mtimeMs),
  );
  return newest > built;
}

/** Absolute path of a compiled file of libs/extraction (e.g. 'src/cli/extract.cli.js'), built first if stale. */
export function buildExtraction(relativeEntry) {
  const entry = join(outDir, relativeEntry);
  if (!isStale(entry)) return entry;
  // Build into a private folder, then swap it in: a concurrent run never sees a half-written build.
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const res = spawnSync(
    process.execPath,
    [tsc, '-p', join(root, 'tsconfig.extraction.json'), '--outDir', tmp],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (!existsSync(join(tmp, relativeEntry))) {
    const detail = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? String(res.error) : ''}`;
    process.stderr.write(`extract: building libs/extraction failed\n${detail}\n`);
    rmSync(tmp, { recursive: true, force: true });
    process.exit(1);
  }
  if (res.status !== 0) {
    // Type errors do not stop tsc's emit; the compiled engine still runs, so say so and go on.
    const n = (res.stdout.match(/error TS/g) ?? []).length;
    process.stderr.write(
      `extract: libs/extraction compiled with ${n} type error(s) (npx tsc -p tsconfig.extraction.json)\n`,
    );
  }
  writeFileSync(join(tmp, stampFile), new Date().toISOString());
  mkdirSync(dirname(outDir), { recursive: true });
  const old = `${outDir}.old-${process.pid}`;
  try {
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
  } catch {
    // Another run swapped its build in at the same moment: use that one.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return entry;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const require = createRequire(import.meta.url);
  const { main } = require(buildExtraction('src/cli/extract.cli.js'));
  process.exitCode = await main(process.argv.slice(2));
}
