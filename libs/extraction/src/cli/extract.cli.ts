import { closeSync, createReadStream, createWriteStream, fstatSync, openSync } from 'fs';
import { once } from 'events';
import { Readable, Writable } from 'stream';
import { extractArticle } from '../engine/extract-article';
import { ArticleInput, ExtractionError } from '../model';

/** Largest input line (bytes) the CLI processes; a longer line yields an error record and is skipped. */
export const MAX_LINE_BYTES = 5 * 1024 * 1024;

const USAGE = `usage: extract --input IN.jsonl --output OUT.jsonl

Reads JSON Lines articles {"id", "raw", "url"?, "published_at"?, "language"?} and writes one
result line per input line, same id (shared/contract/extraction.md). A line that is not JSON,
lacks id or raw, is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB or fails gives {"id": ..., "error": "..."} and the batch
goes on. "-" reads stdin / writes stdout. Exit code 0, or 2 when a file cannot be opened.`;

interface Args {
  input: string | null;
  output: string | null;
  help: boolean;
  error: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { input: null, output: null, help: false, error: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=')
      ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
      : [a, null];
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--input' || flag === '-i') args.input = inline ?? argv[++i] ?? null;
    else if (flag === '--output' || flag === '-o') args.output = inline ?? argv[++i] ?? null;
    else args.error = `unknown argument: ${a}`;
  }
  return args;
}

// The id of a line that is not valid JSON, when its opening still shows one (bounded, linear).
const ID_PREFIX = /"id"\s*:\s*(?:"((?:[^"\\\n]|\\.){1,200})"|(-?\d{1,20}))/;

function recoverId(prefix: string): string | null {
  const m = ID_PREFIX.exec(prefix);
  return m ? (m[1] ?? m[2]) : null;
}

/** One output line (without the newline) for one input line, and whether it is an error record. */
export interface LineResult {
  json: string;
  ok: boolean;
}

/** Processes one input line (never throws). */
export function processLine(line: string): LineResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return errorLine(
      recoverId(line.slice(0, 1000)),
      `input line is not valid JSON (${(e as Error).message})`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return errorLine(null, 'input line is not a JSON object');
  }
  const rec = parsed as Record<string, unknown>;
  const id = typeof rec.id === 'string' ? rec.id : typeof rec.id === 'number' ? String(rec.id) : null;
  if (id === null || id === '') return errorLine(null, 'input line has no "id" (string)');
  if (typeof rec.raw !== 'string') return errorLine(id, 'input line has no "raw" (string)');
  const input: ArticleInput = {
    id,
    raw: rec.raw,
    url: typeof rec.url === 'string' ? rec.url : null,
    published_at: typeof rec.published_at === 'string' ? rec.published_at : null,
    language: typeof rec.language === 'string' ? rec.language : null,
  };
  try {
    return { json: JSON.stringify(extractArticle(input)), ok: true };
  } catch (e) {
    return errorLine(id, `extraction failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function errorLine(id: string | null, error: string): LineResult {
  const out: ExtractionError = { id, error };
  return { json: JSON.stringify(out), ok: false };
}

/**
 * Splits a byte stream into lines without ever holding more than MAX_LINE_BYTES of one line:
 * readline would buffer a runaway line whole before its length could be checked.
 */
async function* byteLines(stream: Readable): AsyncGenerator<{ bytes: Buffer | null; prefix: Buffer }> {
  let parts: Buffer[] = [];
  let size = 0;
  let oversized = false;
  let prefix: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    while (from < chunk.length) {
      const nl = chunk.indexOf(10, from);
      const end = nl < 0 ? chunk.length : nl;
      const piece = chunk.subarray(from, end);
      if (!oversized) {
        if (size + piece.length > MAX_LINE_BYTES) {
          oversized = true;
          prefix = Buffer.concat([...parts, piece]).subarray(0, 1000);
          parts = [];
        } else {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl < 0) break;
      yield oversized ? { bytes: null, prefix } : { bytes: Buffer.concat(parts, size), prefix };
      parts = [];
      size = 0;
      oversized = false;
      from = nl + 1;
    }
  }
  if (oversized) yield { bytes: null, prefix };
  else if (size > 0) yield { bytes: Buffer.concat(parts, size), prefix };
}

export interface RunSummary {
  articles: number;
  errors: number;
  seconds: number;
}

/** Runs the batch from a readable to a writable stream. */
export async function runBatch(input: Readable, output: Writable): Promise<RunSummary> {
  const started = process.hrtime.bigint();
  // Invalid UTF-8 becomes U+FFFD rather than failing the line.
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let articles = 0;
  let errors = 0;
  for await (const { bytes, prefix } of byteLines(input)) {
    let out: LineResult;
    if (bytes === null) {
      const id = recoverId(decoder.decode(prefix));
      out = errorLine(id, `input line longer than ${MAX_LINE_BYTES} bytes (5 MB limit)`);
    } else {
      const line = decoder.decode(bytes);
      if (!line.trim()) continue;
      out = processLine(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    articles++;
    if (!out.ok) errors++;
    if (!output.write(out.json + '\n')) await once(output, 'drain');
  }
  return { articles, errors, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function openReadable(path: string): number {
  const fd = openSync(path, 'r');
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new Error('is a directory');
  }
  return fd;
}

/** The CLI: returns the exit code (0, or 2 when a file cannot be opened or the arguments are wrong). */
export async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.error || !args.input || !args.output) {
    process.stderr.write(`${args.error ?? 'both --input and --output are required'}\n${USAGE}\n`);
    return 2;
  }
  let input: Readable;
  let output: Writable;
  try {
    input = args.input === '-' ? process.stdin : createReadStream('', { fd: openReadable(args.input) });
  } catch (e) {
    process.stderr.write(`extract: cannot open input ${args.input}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    output = args.output === '-' ? process.stdout : createWriteStream('', { fd: openSync(args.output, 'w') });
  } catch (e) {
    process.stderr.write(`extract: cannot open output ${args.output}: ${(e as Error).message}\n`);
    input.destroy();
    return 2;
  }
  const summary = await runBatch(input, output);
  if (output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
  process.stderr.write(
    `extract: ${summary.articles} articles, ${summary.errors} errors, ${summary.seconds.toFixed(2)} s\n`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`extract: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
