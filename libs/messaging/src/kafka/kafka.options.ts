import { TopicSpec } from '../topics';

/** Options of {@link KafkaModule}. */
export interface KafkaModuleOptions {
  /** `host:port` of the bootstrap brokers. */
  brokers: string[];
  /** Client id the broker sees (logs, quotas), e.g. `sitrep-ingest`. */
  clientId: string;
  /** Topics this app creates at start when missing (with their dead-letter topics). @default [] */
  topics?: TopicSpec[];
  /** Replication factor of the topics created at start. @default 1 */
  replicationFactor?: number;
  /** Give up opening a broker connection after this long. @default 3000 */
  connectionTimeoutMs?: number;
  /** Give up waiting for a broker response after this long. @default 30000 */
  requestTimeoutMs?: number;
}
