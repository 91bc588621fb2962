import { KafkaEnv, OutboxEnv } from '@sitrep/domain/config';
import { KafkaModuleOptions } from './kafka/kafka.options';
import { OutboxRelayOptions } from './outbox/outbox.options';
import { Topic, topicSpecsWithDeadLetters } from './topics';

/** KafkaModule options from the shared env variables; `topics` (with their dead-letter topics) are created at start. */
export const kafkaOptionsFromEnv = (env: KafkaEnv, topics: Topic[]): KafkaModuleOptions => ({
  brokers: env.KAFKA_BROKERS,
  clientId: env.KAFKA_CLIENT_ID,
  replicationFactor: env.KAFKA_REPLICATION_FACTOR,
  topics: topicSpecsWithDeadLetters(...topics),
});

/** OutboxModule options from the shared env variables; the relay publishes the rows of `topics`. */
export const outboxOptionsFromEnv = (env: OutboxEnv, topics: Topic[]): OutboxRelayOptions => ({
  enabled: env.OUTBOX_RELAY_ENABLED,
  topics,
  pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
  batchSize: env.OUTBOX_BATCH_SIZE,
});
