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
