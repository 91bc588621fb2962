import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `processed_messages` (migration CreateProcessedMessages): a message a consumer group has handled. */
@Entity({ name: 'processed_messages' })
export class ProcessedMessageOrmEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup: string;

  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ name: 'processed_at', type: 'timestamptz', insert: false, update: false })
  processedAt: Date;
}
