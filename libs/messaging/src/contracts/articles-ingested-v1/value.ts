import {
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { MessageEnvelope } from '../message-metadata';

export const DEDUP_KINDS = ['original', 'near_duplicate'] as const;
export type DedupKind = (typeof DEDUP_KINDS)[number];

/**
 * An article was stored in `articles` and waits for extraction. The body is not carried: consumers
 * read `articles.raw` by `articleId` (articles can be larger than a comfortable Kafka message).
 */
export class Value extends MessageEnvelope {
  @IsUUID()
  articleId: string;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  url?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(4096)
  canonicalUrl?: string | null;

  /** SHA-256 hex of the normalised cleaned body. */
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be a lower-case SHA-256 hex digest' })
  contentHash: string;

  @IsOptional()
  @IsString()
  title?: string | null;

  /** ISO 639-1 when known at ingest. */
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: '$property must be an ISO 639 code' })
  language?: string | null;

  @IsOptional()
  @IsISO8601()
  publishedAt?: string | null;

  /** Where it came from: a feed id, `scrape`, `paste`... */
  @IsString()
  @IsNotEmpty()
  source: string;

  @IsISO8601()
  receivedAt: string;

  /** Ingest's id for copies of one story (wire copies, near duplicates). */
  @IsOptional()
  @IsString()
  storyId?: string | null;

  /** The earlier article this one copies, when ingest found it to be a near duplicate. */
  @IsOptional()
  @IsUUID()
  duplicateOf?: string | null;

  @IsOptional()
  @IsIn(DEDUP_KINDS)
  dedup?: DedupKind;

  /** The feed it came from, when it came from one. */
  @IsOptional()
  @IsString()
  feedId?: string | null;
}
