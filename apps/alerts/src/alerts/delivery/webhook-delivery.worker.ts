import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { errorMessage } from '@sitrep/domain';
import { SafeHttpClient } from '@sitrep/outbound';
import { webhookHeaders } from '@sitrep/outbound/webhooks';
import { AlertsRepository, DueDelivery } from '@sitrep/persistence/alerts';
import { ALERTS_OPTIONS } from '../alerts.di-tokens';
import { AlertsOptions } from '../alerts.options';

/** Deliveries sent at once per round (one transaction; their attempts recorded in two statements). */
const BATCH = 25;

/** Wait before attempt n+1 (n >= 1): base doubling per attempt, capped. */
export const retryDelayMs = (attempt: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * Sends due webhook deliveries from `alert_deliveries` (claimed with FOR UPDATE SKIP LOCKED), signed per
 * Standard Webhooks with the same webhook-id on every attempt; a failure is rescheduled with exponential
 * backoff, and after the last attempt the delivery is dead (kept, with its attempt log).
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly http: SafeHttpClient;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  /** Drains in progress (each claims its own rows: FOR UPDATE SKIP LOCKED). */
  private readonly draining = new Set<Promise<void>>();
  /** A nudge came while every drain slot was taken: drain again when one ends. */
  private drainAgain = false;

  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {
    this.http = new SafeHttpClient({
      allowLoopback: options.allowLoopback,
      timeoutMs: options.deliveryTimeoutMs,
      maxBytes: 64 * 1024,
      maxRedirects: 0,
      userAgent: 'Sitrep-Alerts/0.1',
    });
  }

  onApplicationBootstrap(): void {
    if (this.options.deliveryEnabled) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.draining);
  }

  /**
   * New deliveries were just committed: send them now rather than at the next poll (the poll stays, for
   * retries and for deliveries other instances recorded). While a drain is in a round (waiting for its
   * receivers), another starts beside it, up to `deliveryConcurrency`, so that a new alert does not
   * wait for the round before it.
   */
  nudge(): void {
    if (this.stopped || !this.options.deliveryEnabled) return;
    if (this.draining.size < this.options.deliveryConcurrency) this.startDrain();
    else this.drainAgain = true;
  }

  private schedule(delayMs = this.options.deliveryPollMs): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.startDrain();
    }, delayMs);
  }

  private startDrain(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const drain: Promise<void> = this.drain()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error(`delivery poll failed: ${errorMessage(error)}`))
      .finally(() => {
        this.draining.delete(drain);
        if (this.drainAgain) {
          this.drainAgain = false;
          this.startDrain();
        } else if (this.draining.size === 0) this.schedule();
      });
    this.draining.add(drain);
  }

  /** Sends what is due until nothing is; returns how many deliveries were attempted. */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopped) {
      const sent = await this.alerts.transaction(async (manager) => {
        const due = await this.alerts.claimDueDeliveries(manager, BATCH);
        const attempts = await Promise.all(
          due.map(async (delivery) => {
            const attempt = delivery.attempts + 1;
            const result = await this.send(delivery);
            const last = attempt >= this.options.deliveryMaxAttempts;
            const outcome = result.ok ? 'delivered' : last ? 'dead' : 'retry';
            if (outcome === 'dead')
              this.logger.warn(
                `webhook ${delivery.webhook_id} dead after ${attempt} attempts: ${result.error}`,
              );
            return {
              deliveryId: delivery.id,
              attempt,
              outcome,
              httpStatus: result.status,
              error: result.error,
              retryInMs: retryDelayMs(
                attempt,
                this.options.deliveryBackoffMs,
                this.options.deliveryBackoffMaxMs,
              ),
            } as const;
          }),
        );
        await this.alerts.recordAttempts(manager, attempts);
        return due.length;
      });
      total += sent;
      if (sent < BATCH) return total;
    }
    return total;
  }

  private async send(
    delivery: DueDelivery,
  ): Promise<{ ok: boolean; status: number | null; error: string | null }> {
    if (!delivery.webhook_secret) return { ok: false, status: null, error: 'the rule has no webhook secret' };
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await this.http.fetch(delivery.url, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          ...webhookHeaders(
            [
              delivery.webhook_secret,
              ...(delivery.previous_webhook_secret ? [delivery.previous_webhook_secret] : []),
            ],
            delivery.webhook_id,
            body,
          ),
        },
      });
      const ok = response.status >= 200 && response.status < 300;
      return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, status: null, error: errorMessage(error).slice(0, 500) };
    }
  }
}
