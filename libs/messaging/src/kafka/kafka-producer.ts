import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { IHeaders, Kafka, Partitioners, Producer, RecordMetadata } from 'kafkajs';
import { encodeMessage } from '../contracts/message-codec';
import { MessageContract, OutgoingMessage } from '../contracts/message-contract';
import { MessageEnvelope } from '../contracts/message-metadata';
import { KAFKA_CLIENT } from './kafka.di-tokens';

/** A message already serialised (relay, dead letters). */
export interface RawMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: IHeaders;
}

/**
 * The app's single Kafka producer. `acks: all` and one request in flight per broker, so that a retry
 * can never reorder the messages of a partition; delivery is at least once (consumers deduplicate).
 */
@Injectable()
export class KafkaProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducer.name);
  private readonly producer: Producer;
  private connection?: Promise<void>;

  constructor(@Inject(KAFKA_CLIENT) kafka: Kafka) {
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      // murmur2 on the key, like the Java client: one key, one partition, whoever produces it.
      createPartitioner: Partitioners.DefaultPartitioner,
      maxInFlightRequests: 1,
      // A retried request (e.g. after a partition error while a broker restarts) must not write twice.
      idempotent: true,
      retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 5000 },
    });
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connection = undefined;
    });
  }

  /** Connects once; later calls wait for the same connection. */
  async connect(): Promise<void> {
    this.connection ??= this.producer.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    await this.connection;
  }

  /** Validates messages against their contract and publishes them, in order, to its topic (or `topic`). */
  async publish<K extends object, V extends MessageEnvelope>(
    contract: MessageContract<K, V>,
    messages: OutgoingMessage<K, V>[],
    topic: string = contract.topic,
  ): Promise<RecordMetadata[]> {
    const encoded = messages.map((message) => encodeMessage(contract, message));
    return this.sendRaw(
      topic,
      encoded.map(({ key, value, headers }) => ({ key, value, headers })),
    );
  }

  /** Publishes serialised messages to one topic, in order. */
  async sendRaw(topic: string, messages: RawMessage[]): Promise<RecordMetadata[]> {
    await this.connect();
    return this.producer.send({ topic, messages, acks: -1 });
  }

  /** Publishes serialised messages to several topics in one request; each topic keeps the given order. */
  async sendBatch(batches: { topic: string; messages: RawMessage[] }[]): Promise<RecordMetadata[]> {
    await this.connect();
    return this.producer.sendBatch({ topicMessages: batches, acks: -1 });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection) return;
    await this.producer
      .disconnect()
      .catch((error: unknown) => this.logger.warn(`disconnect failed: ${String(error)}`));
  }
}
