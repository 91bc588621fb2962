import { createHmac } from 'node:crypto';
import {
  generateWebhookSecret,
  signWebhook,
  verifyWebhook,
  WebhookVerificationError,
  webhookHeaders,
} from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'whsec_' + Buffer.from('a test key of thirty-two bytes!!').toString('base64');
  const body = JSON.stringify({ alert: 'x', n: 1 });
  const now = new Date('2026-01-01T00:00:00Z');

  describe(signWebhook.name, () => {
    it('should be v1 and the base64 HMAC-SHA256 of id.timestamp.body under the decoded key', () => {
      const expected = createHmac('sha256', Buffer.from('a test key of thirty-two bytes!!'))
        .update(`msg_1.1767225600.${body}`)
        .digest('base64');

      expect(signWebhook(secret, 'msg_1', 1767225600, body)).toBe(`v1,${expected}`);
    });
  });

  describe(verifyWebhook.name, () => {
    it('should return the webhook id of a fresh, intact webhook', () => {
      const headers = webhookHeaders(secret, 'msg_1', body, now);

      expect(verifyWebhook(secret, headers, body, { now })).toBe('msg_1');
    });

    it('should refuse a tampered body', () => {
      const headers = webhookHeaders(secret, 'msg_1', body, now);

      expect(() => verifyWebhook(secret, headers, body.replace('1', '2'), { now })).toThrow(
        expect.objectContaining({ code: 'WEBHOOK.SIGNATURE_MISMATCH' }),
      );
    });

    it('should refuse a stale timestamp even with a valid signature', () => {
      const headers = webhookHeaders(secret, 'msg_1', body, new Date(now.getTime() - 301_000));

      expect(() => verifyWebhook(secret, headers, body, { now })).toThrow(
        expect.objectContaining({ code: 'WEBHOOK.TIMESTAMP_OUT_OF_TOLERANCE' }),
      );
    });

    it('should refuse a signature made with another secret', () => {
      const headers = webhookHeaders(generateWebhookSecret(), 'msg_1', body, now);

      expect(() => verifyWebhook(secret, headers, body, { now })).toThrow(WebhookVerificationError);
    });

    it('should accept when one of several signatures matches', () => {
      const headers = webhookHeaders(secret, 'msg_1', body, now);
      headers['webhook-signature'] = `v1,AAAA ${headers['webhook-signature']}`;

      expect(verifyWebhook(secret, headers, body, { now })).toBe('msg_1');
    });

    it('should verify with either secret while a rotation signs with both', () => {
      const next = generateWebhookSecret();
      const headers = webhookHeaders([next, secret], 'msg_1', body, now);

      expect(verifyWebhook(secret, headers, body, { now })).toBe('msg_1');
      expect(verifyWebhook(next, headers, body, { now })).toBe('msg_1');
    });

    it('should refuse when a header is missing', () => {
      expect(() => verifyWebhook(secret, {}, body, { now })).toThrow(
        expect.objectContaining({ code: 'WEBHOOK.MISSING_HEADERS' }),
      );
    });
  });
});
