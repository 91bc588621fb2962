/** Options of {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  /** Run the relay in this app. @default true */
  enabled?: boolean;
  /** Wait between polls when the outbox has nothing to send. @default 500 */
  pollIntervalMs?: number;
  /** Rows published per round (one transaction): per topic when `topics` is set. @default 100 */
  batchSize?: number;
  /**
   * Most bytes (keys, values, headers) a round publishes: a round stops before the row that would pass
   * it (always sending at least one). A round's rows for one partition travel as one record batch, and
   * Kafka refuses a batch past the broker's `message.max.bytes` (1 MB by default): without a cap, such a
   * round failed for ever, the relay sending the same rows again each time. @default 900000
   */
  maxRoundBytes?: number;
  /** Wait after a failed publish; doubles after each further failure, up to `maxBackoffMs`. @default 1000 */
  initialBackoffMs?: number;
  /** @default 30000 */
  maxBackoffMs?: number;
  /** Give up one publish after this long (the rows stay and are retried). @default 15000 */
  publishTimeoutMs?: number;
  /** Relay only these topics, so each app publishes what it produces and one missing topic can't block another app's rows. @default every topic */
  topics?: string[];
  /**
   * One round at a time among the relays of the same topics (the workers of an app, or several
   * instances): each round first takes a PostgreSQL transaction-level advisory lock and, when another
   * relay holds it, sends nothing and waits for the next poll. @default false
   */
  exclusive?: boolean;
  /** Sent rows are deleted after this long; 0 keeps them. @default 604800000 (7 days) */
  retainSentMs?: number;
}

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');
