import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { TopicSpec } from '../topics';
import { KAFKA_CLIENT } from './kafka.di-tokens';

/** Creates topics explicitly (the broker's auto-creation is off) and deletes them (tests). */
@Injectable()
export class KafkaTopicAdmin {
  private readonly logger = new Logger(KafkaTopicAdmin.name);

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  /**
   * Creates the missing topics with their partitions and retention; returns the names created.
   * An existing topic is left alone; a partition count that differs from its spec is logged.
   */
  async ensureTopics(specs: TopicSpec[], replicationFactor = 1): Promise<string[]> {
    if (specs.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((spec) => !existing.has(spec.name));
      if (missing.length > 0) {
        await admin.createTopics({
          waitForLeaders: true,
          topics: missing.map((spec) => ({
            topic: spec.name,
            numPartitions: spec.partitions,
            replicationFactor,
            configEntries: [
              { name: 'retention.ms', value: String(spec.retentionMs) },
              { name: 'cleanup.policy', value: 'delete' },
            ],
          })),
        });
        this.logger.log(`created topics ${missing.map((spec) => spec.name).join(', ')}`);
      }
      const metadata = await admin.fetchTopicMetadata({ topics: specs.map((spec) => spec.name) });
      for (const topic of metadata.topics) {
        const expected = specs.find((spec) => spec.name === topic.name)?.partitions;
        if (expected !== undefined && topic.partitions.length !== expected) {
          this.logger.warn(
            `topic ${topic.name} has ${topic.partitions.length} partitions, its spec says ${expected}`,
          );
        }
      }
      return missing.map((spec) => spec.name);
    } finally {
      await admin.disconnect();
    }
  }

  /** Deletes topics that exist among `names`. */
  async deleteTopics(names: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const present = names.filter((name) => existing.has(name));
      if (present.length > 0) await admin.deleteTopics({ topics: present });
    } finally {
      await admin.disconnect();
    }
  }
}
