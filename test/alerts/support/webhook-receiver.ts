import { verifyWebhook, WebhookVerificationError } from '@sitrep/outbound/webhooks';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Null when the signature verified; the verifier's code otherwise. */
  rejected: string | null;
  /** The status the receiver answered. */
  status: number;
  /** When the body had arrived (ms since the epoch). */
  at: number;
}

/**
 * A real local HTTP receiver that verifies every webhook with the shipped verifier (401 when it fails)
 * and can fail the first `failFirst` attempts of each webhook-id with 503.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  secret = '';
  private server?: Server;

  constructor(private readonly failFirst = 0) {}

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hook`;
  }

  /** Verified webhooks answered 2xx, parsed. */
  accepted<T>(): T[] {
    return this.received.filter((r) => r.status < 300).map((r) => JSON.parse(r.body) as T);
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const at = Date.now();
        const body = Buffer.concat(chunks).toString('utf8');
        let rejected: string | null = null;
        try {
          verifyWebhook(this.secret, req.headers, body);
        } catch (error) {
          rejected = error instanceof WebhookVerificationError ? error.code : String(error);
        }
        const id = String(req.headers['webhook-id']);
        const earlier = this.received.filter((r) => r.id === id).length;
        const status = rejected ? 401 : earlier < this.failFirst ? 503 : 204;
        this.received.push({ id, headers: req.headers, body, rejected, status, at });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
