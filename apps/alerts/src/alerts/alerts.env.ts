import { EnvBoolean, EnvInt, EnvString } from '@sitrep/domain/config';
import { AlertsOptions } from './alerts.options';

/** Variables of the alerts feature (apps/alerts/README.md lists them with defaults). */
export class AlertsFeatureEnv {
  @EnvBoolean()
  ALERTS_CONSUMER_ENABLED = true;

  @EnvString()
  ALERTS_GROUP_ID = 'sitrep-alerts';

  /** Topic of `claims.extracted` messages; the contract's topic when unset. */
  @EnvString({ optional: true })
  ALERTS_TOPIC?: string;

  @EnvBoolean()
  ALERTS_FROM_BEGINNING = false;

  @EnvInt(1, 20)
  ALERTS_MAX_ATTEMPTS = 3;

  @EnvInt(1, 500)
  ALERTS_BATCH_SIZE = 50;

  @EnvInt(1, 64)
  ALERTS_PARTITIONS_CONCURRENTLY = 6;

  /** Base of the cluster links in alert bodies, e.g. https://sitrep.example; empty = relative links. */
  @EnvString({ optional: true })
  ALERTS_API_BASE_URL?: string;

  @EnvBoolean()
  ALERTS_DELIVERY_ENABLED = true;

  @EnvInt(10, 60_000)
  ALERTS_DELIVERY_POLL_MS = 500;

  /** Delivery rounds at once: a new alert is sent beside a round still waiting for its receivers. */
  @EnvInt(1, 16)
  ALERTS_DELIVERY_CONCURRENCY = 4;

  @EnvInt(1, 30)
  ALERTS_DELIVERY_MAX_ATTEMPTS = 8;

  @EnvInt(10, 3_600_000)
  ALERTS_DELIVERY_BACKOFF_MS = 5_000;

  @EnvInt(10, 86_400_000)
  ALERTS_DELIVERY_BACKOFF_MAX_MS = 3_600_000;

  @EnvInt(100, 60_000)
  ALERTS_DELIVERY_TIMEOUT_MS = 10_000;

  /** Let webhooks reach 127.0.0.0/8 and ::1: for tests against a local receiver only. */
  @EnvBoolean()
  OUTBOUND_ALLOW_LOOPBACK = false;

  @EnvInt(50, 60_000)
  ALERTS_SSE_POLL_MS = 500;
}

export const alertsOptionsFromEnv = (env: AlertsFeatureEnv): AlertsOptions => ({
  consumerEnabled: env.ALERTS_CONSUMER_ENABLED,
  groupId: env.ALERTS_GROUP_ID,
  topic: env.ALERTS_TOPIC,
  fromBeginning: env.ALERTS_FROM_BEGINNING,
  maxAttempts: env.ALERTS_MAX_ATTEMPTS,
  batchSize: env.ALERTS_BATCH_SIZE,
  partitionsConsumedConcurrently: env.ALERTS_PARTITIONS_CONCURRENTLY,
  apiBaseUrl: env.ALERTS_API_BASE_URL ?? '',
  deliveryEnabled: env.ALERTS_DELIVERY_ENABLED,
  deliveryPollMs: env.ALERTS_DELIVERY_POLL_MS,
  deliveryConcurrency: env.ALERTS_DELIVERY_CONCURRENCY,
  deliveryMaxAttempts: env.ALERTS_DELIVERY_MAX_ATTEMPTS,
  deliveryBackoffMs: env.ALERTS_DELIVERY_BACKOFF_MS,
  deliveryBackoffMaxMs: env.ALERTS_DELIVERY_BACKOFF_MAX_MS,
  deliveryTimeoutMs: env.ALERTS_DELIVERY_TIMEOUT_MS,
  allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
  ssePollMs: env.ALERTS_SSE_POLL_MS,
});
