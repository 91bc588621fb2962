/** Settings of the alerts feature (from AlertsEnvDto; apps/alerts/README.md lists the variables). */
export interface AlertsOptions {
  consumerEnabled: boolean;
  groupId: string;
  topic?: string;
  fromBeginning: boolean;
  maxAttempts: number;
  /** Most `claims.extracted` messages evaluated together (the rules are read once per chunk). */
  batchSize: number;
  /** Partitions of `claims.extracted` evaluated at a time. */
  partitionsConsumedConcurrently: number;
  /** Base of the links in alert bodies, e.g. `https://sitrep.example`; empty = relative links. */
  apiBaseUrl: string;
  deliveryEnabled: boolean;
  deliveryPollMs: number;
  /** Delivery rounds that may run at once (a nudge starts one beside a round waiting for its receivers). */
  deliveryConcurrency: number;
  deliveryMaxAttempts: number;
  deliveryBackoffMs: number;
  deliveryBackoffMaxMs: number;
  deliveryTimeoutMs: number;
  allowLoopback: boolean;
  ssePollMs: number;
}
