import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks headers (https://www.standardwebhooks.com/). */
export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

const SECRET_PREFIX = 'whsec_';

export type WebhookVerificationCode =
  | 'WEBHOOK.MISSING_HEADERS'
  | 'WEBHOOK.TIMESTAMP_OUT_OF_TOLERANCE'
  | 'WEBHOOK.SIGNATURE_MISMATCH'
  | 'WEBHOOK.INVALID_SECRET';

/** Why a webhook was refused; `code` is stable. */
export class WebhookVerificationError extends Error {
  constructor(
    readonly code: WebhookVerificationCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export const generateWebhookSecret = (): string => SECRET_PREFIX + randomBytes(32).toString('base64');

const keyOf = (secret: string): Buffer => {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  if (key.length === 0) throw new WebhookVerificationError('WEBHOOK.INVALID_SECRET', 'empty webhook secret');
  return key;
};

/** `v1,<base64 HMAC-SHA256 of "${id}.${timestamp}.${body}">` under the secret's key. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * The three headers of a signed webhook sent now; several secrets (during a rotation) give several
 * space-separated signatures, and a receiver holding either secret verifies.
 */
export function webhookHeaders(
  secrets: string | readonly string[],
  id: string,
  body: string,
  now = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  return {
    [WEBHOOK_ID_HEADER]: id,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
    [WEBHOOK_SIGNATURE_HEADER]: all.map((secret) => signWebhook(secret, id, timestamp, body)).join(' '),
  };
}

export interface VerifyWebhookOptions {
  /**
   * Largest distance between the timestamp and now, in seconds (replay protection).
   * @default 300
   */
  toleranceSeconds?: number;
  /** @default new Date() */
  now?: Date;
}

type HeaderBag = Record<string, string | string[] | undefined>;

const header = (headers: HeaderBag, name: string): string | undefined => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * For receivers: checks a webhook's Standard Webhooks signature against the raw body (the exact bytes
 * received, before any JSON parsing) and its timestamp against the clock. Returns the webhook id (use it
 * to drop retries you already handled); throws WebhookVerificationError otherwise.
 */
export function verifyWebhook(
  secret: string,
  headers: HeaderBag,
  body: string | Buffer,
  options: VerifyWebhookOptions = {},
): string {
  const id = header(headers, WEBHOOK_ID_HEADER);
  const timestamp = header(headers, WEBHOOK_TIMESTAMP_HEADER);
  const signatures = header(headers, WEBHOOK_SIGNATURE_HEADER);
  if (!id || !timestamp || !signatures)
    throw new WebhookVerificationError(
      'WEBHOOK.MISSING_HEADERS',
      'webhook-id, -timestamp or -signature missing',
    );
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!Number.isInteger(seconds) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300))
    throw new WebhookVerificationError(
      'WEBHOOK.TIMESTAMP_OUT_OF_TOLERANCE',
      `timestamp ${timestamp} is too old or too new`,
    );
  const expected = Buffer.from(signWebhook(secret, id, seconds, body.toString()));
  // The header may carry several space-separated signatures (e.g. during a secret rotation).
  const match = signatures.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!match) throw new WebhookVerificationError('WEBHOOK.SIGNATURE_MISMATCH', 'no signature matches');
  return id;
}
