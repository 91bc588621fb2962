import { Column, Entity, Generated, PrimaryColumn } from 'typeorm';

/** Row of `outbox` (migration CreateOutbox): a message waiting for the relay to publish it. */
@Entity({ name: 'outbox' })
export class OutboxMessageOrmEntity {
  /** The message id (the envelope's `metadata.id`). */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Insertion order; the relay publishes each key's rows in this order. bigint comes back as a string. */
  @Column({ type: 'bigint', insert: false, update: false })
  @Generated('increment')
  seq: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  headers: Record<string, string>;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', insert: false })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true, insert: false })
  lastError: string | null;
}
