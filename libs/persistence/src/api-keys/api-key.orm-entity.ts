import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `api_keys` (migration CreateApiKeys): the key itself is never stored, only its SHA-256. */
@Entity({ name: 'api_keys' })
export class ApiKeyOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the key, to recognise it in a list. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  /** Hex SHA-256 of the whole key. */
  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  /** Requests per minute; null: the app's AUTH_RATE_LIMIT_PER_MINUTE. */
  @Column({ name: 'rate_limit_per_minute', type: 'integer', nullable: true })
  rateLimitPerMinute: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
