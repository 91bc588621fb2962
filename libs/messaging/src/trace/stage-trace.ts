/**
 * When a flow passed each stage of the pipeline (ms since the epoch), carried from message to message in
 * one header so that a benchmark, or a log line at the end of the path, can say where the time went:
 * `accepted=1764118800123;articles.published=1764118800140;extractor.fetched=...`.
 *
 * Stages are appended in the order they happen; a stage already present keeps its first time (a
 * redelivery does not move it). The header is for diagnosis only: nothing decides on it.
 */
export const TRACE_HEADER = 'sitrep-trace';

/** At most this many stages are kept (a header never grows without bound). */
const MAX_STAGES = 24;

export type StageTrace = ReadonlyArray<readonly [stage: string, at: number]>;

/** Parses the header; an absent or malformed header (or part of it) is an empty trace (or skipped). */
export function parseTrace(header: string | undefined): StageTrace {
  if (!header) return [];
  const trace: Array<[string, number]> = [];
  for (const part of header.split(';')) {
    const at = part.lastIndexOf('=');
    const time = Number(part.slice(at + 1));
    if (at > 0 && Number.isFinite(time)) trace.push([part.slice(0, at), time]);
    if (trace.length === MAX_STAGES) break;
  }
  return trace;
}

/** The trace with further stages appended (those it already has keep their first time). */
export function withStages(
  trace: StageTrace,
  ...stages: Array<readonly [string, number | undefined]>
): StageTrace {
  const next = [...trace];
  for (const [stage, at] of stages) {
    if (at === undefined || !Number.isFinite(at) || next.length >= MAX_STAGES) continue;
    if (!next.some(([known]) => known === stage)) next.push([stage, Math.round(at)]);
  }
  return next;
}

export const formatTrace = (trace: StageTrace): string =>
  trace.map(([stage, at]) => `${stage}=${at}`).join(';');

/** `{ 'sitrep-trace': ... }`, or no header at all for an empty trace. */
export const traceHeaders = (trace: StageTrace): Record<string, string> =>
  trace.length > 0 ? { [TRACE_HEADER]: formatTrace(trace) } : {};

/**
 * The time spent between consecutive stages, e.g. `[['accepted>articles.published', 12], ...]`, and
 * from the last stage to `end` when given.
 */
export function stageDurations(trace: StageTrace, end?: readonly [string, number]): Array<[string, number]> {
  const points = end ? [...trace, end] : [...trace];
  const durations: Array<[string, number]> = [];
  for (let i = 1; i < points.length; i += 1)
    durations.push([`${points[i - 1][0]}>${points[i][0]}`, points[i][1] - points[i - 1][1]]);
  return durations;
}
