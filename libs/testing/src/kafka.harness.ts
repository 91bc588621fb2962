import { Admin, IHeaders, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers, uniqueName } from './test-env';

/** A message as read back by the harness. */
export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

const headerStrings = (headers: IHeaders | undefined): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );

/** Real-Kafka helpers for tests: unique topics, reading a topic back, cleaning up. */
export class KafkaHarness {
  readonly kafka = new Kafka({
    clientId: uniqueName('sitrep-test'),
    brokers: testKafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  private admin?: Admin;
  private readonly created: string[] = [];

  private async connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin;
  }

  /** Creates a topic with a unique name (deleted by {@link close}). */
  async createTopic(prefix: string, partitions = 1): Promise<string> {
    const name = uniqueName(prefix);
    await this.createNamedTopic(name, partitions);
    return name;
  }

  async createNamedTopic(name: string, partitions = 1): Promise<void> {
    const admin = await this.connectedAdmin();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: partitions }] });
    this.created.push(name);
  }

  /** Reads `count` messages of a topic from the beginning with a throw-away group. */
  async readMessages(topic: string, count: number, timeoutMs = 20_000): Promise<ReadMessage[]> {
    const consumer = this.kafka.consumer({ groupId: uniqueName('sitrep-test-reader'), maxWaitTimeInMs: 200 });
    const messages: ReadMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`read ${messages.length}/${count} messages of ${topic} in ${timeoutMs} ms`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ topic: from, partition, message }) => {
            messages.push({
              topic: from,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value?.toString() ?? null,
              headers: headerStrings(message.headers),
            });
            if (messages.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return messages;
  }

  /** Committed offset per partition of a group on a topic (`-1` when none). */
  async committedOffsets(groupId: string, topic: string): Promise<Map<number, string>> {
    const admin = await this.connectedAdmin();
    const [result] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return new Map(result.partitions.map((p) => [p.partition, p.offset]));
  }

  /** Deletes the topics this harness created and disconnects. */
  async close(): Promise<void> {
    const admin = await this.connectedAdmin();
    const existing = new Set(await admin.listTopics());
    const toDelete = this.created.filter((name) => existing.has(name));
    if (toDelete.length > 0) await admin.deleteTopics({ topics: toDelete }).catch(() => undefined);
    await admin.disconnect();
    this.admin = undefined;
  }
}
