import { KafkaMessage } from 'kafkajs';
import type { RawMessage } from './kafka-producer';

/**
 * Headers a dead-letter message carries on top of the original ones; key and value are the original
 * bytes untouched, so that a fixed consumer can replay them.
 */
export const DeadLetterHeader = {
  /** Stable code: `MESSAGE.INVALID` (contract) or `HANDLER.FAILED` (retries exhausted). */
  ErrorCode: 'x-dlq-error-code',
  /** Human-readable reason, e.g. `value.articleId: articleId must be a UUID`. */
  Reason: 'x-dlq-reason',
  OriginalTopic: 'x-dlq-original-topic',
  OriginalPartition: 'x-dlq-original-partition',
  OriginalOffset: 'x-dlq-original-offset',
  ConsumerGroup: 'x-dlq-consumer-group',
  Attempts: 'x-dlq-attempts',
  FailedAt: 'x-dlq-failed-at',
} as const;

export const DeadLetterCode = {
  Invalid: 'MESSAGE.INVALID',
  HandlerFailed: 'HANDLER.FAILED',
} as const;
export type DeadLetterCode = (typeof DeadLetterCode)[keyof typeof DeadLetterCode];

// Headers are bounded by the broker's message size: keep reasons short.
export const MAX_REASON_LENGTH = 2000;

/** What failed, where, and why: everything a dead letter records besides the original bytes. */
export interface DeadLetterFailure {
  topic: string;
  partition: number;
  message: KafkaMessage;
  /** A DeadLetterCode or a domain error's stable code. */
  code: string;
  reason: string;
  groupId: string;
  attempts: number;
}

/** The dead letter of a message: original key, value and headers, plus the `x-dlq-*` headers. */
export function deadLetterOf(failure: DeadLetterFailure): RawMessage {
  const { message } = failure;
  return {
    key: message.key,
    value: message.value,
    headers: {
      ...message.headers,
      [DeadLetterHeader.ErrorCode]: failure.code,
      [DeadLetterHeader.Reason]: failure.reason.slice(0, MAX_REASON_LENGTH),
      [DeadLetterHeader.OriginalTopic]: failure.topic,
      [DeadLetterHeader.OriginalPartition]: String(failure.partition),
      [DeadLetterHeader.OriginalOffset]: message.offset,
      [DeadLetterHeader.ConsumerGroup]: failure.groupId,
      [DeadLetterHeader.Attempts]: String(failure.attempts),
      [DeadLetterHeader.FailedAt]: new Date().toISOString(),
    },
  };
}
