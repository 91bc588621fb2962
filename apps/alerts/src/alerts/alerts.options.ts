/** Settings of the alerts feature (from AlertsEnvDto; apps/alerts/README.md lists the variables). */
export interface AlertsOptions {
  consumerEnabled: boolean;
  groupId: string;
  topic?: string;
  fromBeginning: boolean;
  maxAttempts: number;
  /** Base of the links in alert bodies, e.g. `https://sitrep.example`; empty = relative links. */
  apiBaseUrl: string;
  deliveryEnabled: boolean;
  deliveryPollMs: number;
  deliveryMaxAttempts: number;
  deliveryBackoffMs: number;
  deliveryBackoffMaxMs: number;
  deliveryTimeoutMs: number;
  allowLoopback: boolean;
  ssePollMs: number;
}
