import { ClassConstructor } from 'class-transformer';
import { MessageEnvelope } from './message-metadata';

/** A topic with the classes its keys and values must match (a contract namespace satisfies it). */
export interface MessageContract<K extends object, V extends MessageEnvelope> {
  topic: string;
  Key: ClassConstructor<K>;
  Value: ClassConstructor<V>;
  /**
   * The value fields a consumer reads: only these (and `metadata`) are decoded and validated, the rest
   * is dropped unread. @default every field
   */
  fields?: readonly string[];
}

/** A message to publish: its key and value as plain objects or class instances. */
export interface OutgoingMessage<K extends object, V extends MessageEnvelope> {
  key: K;
  value: V;
  /** Extra headers; the metadata headers are added from `value.metadata`. */
  headers?: Record<string, string>;
}
