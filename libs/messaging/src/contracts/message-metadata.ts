import { Type } from 'class-transformer';
import {
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { randomUUID } from 'node:crypto';

/** What every message carries besides its payload. */
export class MessageMetadata {
  /** Unique id of this message: consumers deduplicate on it. */
  @IsUUID()
  id: string;

  /** Id shared by every message of one flow (the HTTP request or feed poll that started it). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId: string;

  /** Id of the message or request that directly caused this one. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  causationId: string;

  /** When the message was created (ISO 8601). */
  @IsISO8601({ strict: true })
  timestamp: string;
}

/** Base of every message value: `metadata` plus the fields of the topic. */
export abstract class MessageEnvelope {
  // IsObject: ValidateNested alone lets a missing object through.
  @IsObject()
  @ValidateNested()
  @Type(() => MessageMetadata)
  metadata: MessageMetadata;
}

/** Metadata of a message that starts a flow: the correlation and causation ids are the given one. */
export function rootMetadata(correlationId: string = randomUUID()): MessageMetadata {
  return { id: randomUUID(), correlationId, causationId: correlationId, timestamp: new Date().toISOString() };
}

/** Metadata of a message caused by another: same correlation id, causation id = the cause's id. */
export function metadataCausedBy(cause: Pick<MessageMetadata, 'id' | 'correlationId'>): MessageMetadata {
  return {
    id: randomUUID(),
    correlationId: cause.correlationId,
    causationId: cause.id,
    timestamp: new Date().toISOString(),
  };
}
