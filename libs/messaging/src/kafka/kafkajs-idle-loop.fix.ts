/**
 * kafkajs 2.2.4 keeps a 1 ms timer loop running on every broker connection that has nothing to do
 * (tulios/kafkajs#1556, #1704; the fix, #1667, was never released): `scheduleCheckPendingRequests`
 * computes `throttledUntil - Date.now()`, negative while not throttled, and when no request is pending
 * it schedules the next check with that negative delay, i.e. after 1 ms, forever. An idle ingest app
 * woke ~1,600 times a second and spent ~30 ms of CPU per second on it; every app with a producer or a
 * consumer did the same on each of its connections.
 *
 * The fix skips scheduling a check when none can be useful: no request pending and no throttle in
 * force. Requests are only ever queued by `push`, which schedules a check itself (with a request
 * pending), and the end of an in-flight request checks the queue directly, so nothing waits longer.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
}

const PATCHED = Symbol.for('sitrep.kafkajs.idle-loop-fix');

export type RequestQueueClass = { prototype: RequestQueueInternals } & Record<symbol, unknown>;

/** The request queue class kafkajs's connections use (an internal module: one instance per process). */
export function kafkaJsRequestQueue(): RequestQueueClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs exports no types for its internals
  return require('kafkajs/src/network/requestQueue') as RequestQueueClass;
}

/** Applies the fix once per process (idempotent). */
export function fixKafkaJsIdleLoop(requestQueue: RequestQueueClass = kafkaJsRequestQueue()): void {
  if (requestQueue[PATCHED]) return;
  const schedule = requestQueue.prototype.scheduleCheckPendingRequests;
  requestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals): void {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  requestQueue[PATCHED] = true;
}
