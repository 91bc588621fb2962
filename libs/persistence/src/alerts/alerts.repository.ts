import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What a rule matches on (snake_case, as the API shows it). */
export interface AlertRuleFilter {
  actors_any?: string[];
  actors_all?: string[];
  counterpart?: string;
  claim_types?: string[];
  sanctions_only?: boolean;
  min_modality?: string;
  min_outlets?: number;
  languages?: string[];
  keywords?: string[];
}

/** Escalations of an already-alerted cluster that raise a further alert. */
export interface AlertRuleTriggers {
  outlets_reach?: number;
  modality_asserted?: boolean;
  status_completed?: boolean;
}

export type AlertChannel = 'webhook' | 'sse';

export interface AlertRuleRecord {
  id: string;
  name: string;
  filter: AlertRuleFilter;
  triggers: AlertRuleTriggers;
  channel: AlertChannel;
  webhook_url: string | null;
  webhook_secret: string | null;
  ready_made: boolean;
  created_at: string;
  updated_at: string;
}

export interface AlertRecord {
  seq: string;
  id: string;
  rule_id: string;
  cluster_id: string;
  trigger: string;
  level: number;
  payload: Record<string, unknown>;
  created_at: string;
}

export interface DeliveryAttemptRecord {
  attempt: number;
  at: string;
  http_status: number | null;
  error: string | null;
  outcome: string;
}

export interface AlertDeliveryRecord {
  id: string;
  alert_seq: string;
  url: string;
  webhook_id: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
}

/** A claim row of a cluster, with what an alert shows of its article. */
export interface ClusterMemberRow {
  article_id: string;
  url: string | null;
  outlet: string | null;
  language: string | null;
  title: string | null;
  evidence_text: string;
  modality: string;
  instrument: string | null;
}

/** A cluster row as the extractor stores it (summary, facets, sanctions are jsonb). */
export interface ClusterRow {
  id: string;
  summary: Record<string, unknown>;
  facets: Record<string, unknown>;
  sanctions: { relevant: boolean; instruments: string[] };
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

const toRule = (row: Record<string, unknown>): AlertRuleRecord => ({
  ...(row as unknown as AlertRuleRecord),
  created_at: iso(row.created_at),
  updated_at: iso(row.updated_at),
});

const toAlert = (row: Record<string, unknown>): AlertRecord => ({
  ...(row as unknown as AlertRecord),
  seq: String(row.seq),
  created_at: iso(row.created_at),
});

/** Storage of alert rules, alerts and webhook deliveries (plain SQL on PostgreSQL). */
/**
 * Leaves out alerts whose event analysts emptied: its cluster has no current claim left and some of its
 * claims were marked wrong (the alerts rows stay; listing and the stream skip them).
 */
const NOT_CURATED_AWAY = `NOT EXISTS (
  SELECT 1 FROM claim_clusters k
   WHERE k.id = alerts.cluster_id AND (k.summary->>'claim_count')::int = 0
     AND EXISTS (SELECT 1 FROM claims c WHERE c.cluster_id = k.id AND c.curation = 'wrong'))`;

@Injectable()
export class AlertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listRules(): Promise<AlertRuleRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM alert_rules ORDER BY created_at, id`,
    );
    return rows.map(toRule);
  }

  /**
   * A page of rules in a stable order (created_at, then id), after the rule at `after` (the page
   * cursor: its creation time in microseconds and its id, exact where a Date would round).
   */
  async listRulesPage(
    limit: number,
    after?: { createdMicros: string; id: string },
  ): Promise<Array<{ rule: AlertRuleRecord; createdMicros: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_micros FROM alert_rules
       WHERE $2::bigint IS NULL
          OR (created_at, id) > (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::uuid)
       ORDER BY created_at, id LIMIT $1`,
      [limit, after?.createdMicros ?? null, after?.id ?? null],
    );
    return rows.map(({ created_micros, ...row }) => ({
      rule: toRule(row),
      createdMicros: String(created_micros),
    }));
  }

  async findRule(id: string): Promise<AlertRuleRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM alert_rules WHERE id = $1`,
      [id],
    );
    return rows[0] ? toRule(rows[0]) : null;
  }

  async saveRule(rule: Omit<AlertRuleRecord, 'created_at' | 'updated_at'>): Promise<AlertRuleRecord> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `INSERT INTO alert_rules (id, name, filter, triggers, channel, webhook_url, webhook_secret, ready_made)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, filter = EXCLUDED.filter,
         triggers = EXCLUDED.triggers, channel = EXCLUDED.channel, webhook_url = EXCLUDED.webhook_url,
         webhook_secret = EXCLUDED.webhook_secret, updated_at = now()
       RETURNING *`,
      [
        rule.id,
        rule.name,
        JSON.stringify(rule.filter),
        JSON.stringify(rule.triggers),
        rule.channel,
        rule.webhook_url,
        rule.webhook_secret,
        rule.ready_made,
      ],
    );
    return toRule(rows[0]);
  }

  /** Replaces a rule's webhook secret; the old one keeps signing (beside the new) until `overlapMs` passes. */
  async rotateSecret(id: string, secret: string, overlapMs: number): Promise<AlertRuleRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      // In a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], a SELECT with rows.
      `WITH rotated AS (
         UPDATE alert_rules SET previous_webhook_secret = webhook_secret,
           previous_secret_expires_at = now() + make_interval(secs => $3::double precision / 1000),
           webhook_secret = $2, updated_at = now()
         WHERE id = $1 RETURNING *)
       SELECT * FROM rotated`,
      [id, secret, overlapMs],
    );
    return rows[0] ? toRule(rows[0]) : null;
  }

  async deleteRule(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `WITH deleted AS (DELETE FROM alert_rules WHERE id = $1 RETURNING id) SELECT id FROM deleted`,
      [id],
    );
    return rows.length > 0;
  }

  /** The current clusters of an article's current claims (not those an analyst marked wrong). */
  async clustersOfArticle(articleId: string): Promise<ClusterRow[]> {
    return this.dataSource.query(
      `SELECT k.id, k.summary, k.facets, k.sanctions FROM claim_clusters k
       WHERE k.id IN (SELECT cluster_id FROM claims WHERE article_id = $1 AND superseded_at IS NULL
                        AND curation IS DISTINCT FROM 'wrong')
       ORDER BY k.id`,
      [articleId],
    );
  }

  /** The most recently updated clusters that still have claims (a rule's dry run looks at these). */
  async recentClusters(limit: number): Promise<ClusterRow[]> {
    return this.dataSource.query(
      `SELECT k.id, k.summary, k.facets, k.sanctions FROM claim_clusters k
        WHERE (k.summary->>'claim_count')::int > 0
        ORDER BY k.updated_at DESC, k.id LIMIT $1`,
      [limit],
    );
  }

  async membersOfCluster(clusterId: string): Promise<ClusterMemberRow[]> {
    return this.dataSource.query(
      `SELECT article_id, url, outlet, language, title, evidence_text, modality, instrument FROM claims
       WHERE cluster_id = $1 AND superseded_at IS NULL AND curation IS DISTINCT FROM 'wrong' ORDER BY seen_at, id`,
      [clusterId],
    );
  }

  /** The first alert of a rule for a cluster, if any. */
  async findNewAlert(ruleId: string, clusterId: string): Promise<AlertRecord | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM alerts WHERE rule_id = $1 AND cluster_id = $2 AND trigger = 'new'`,
      [ruleId, clusterId],
    );
    return rows[0] ? toAlert(rows[0]) : null;
  }

  /**
   * Records an alert once (unique on rule, cluster, trigger, level) with its webhook delivery in the
   * same transaction; returns null when it already existed.
   */
  async insertAlertOnce(
    alert: Omit<AlertRecord, 'seq' | 'created_at'>,
    webhookUrl: string | null,
  ): Promise<AlertRecord | null> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Record<string, unknown>[] = await manager.query(
        `INSERT INTO alerts (id, rule_id, cluster_id, trigger, level, payload) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT alerts_once_per_rule_cluster_trigger DO NOTHING RETURNING *`,
        [
          alert.id,
          alert.rule_id,
          alert.cluster_id,
          alert.trigger,
          alert.level,
          JSON.stringify(alert.payload),
        ],
      );
      if (rows.length === 0) return null;
      if (webhookUrl)
        await manager.query(
          `INSERT INTO alert_deliveries (alert_seq, url, webhook_id, status) VALUES ($1, $2, $3, 'pending')`,
          [rows[0].seq, webhookUrl, `msg_${alert.id}`],
        );
      return toAlert(rows[0]);
    });
  }

  /** Alerts after a sequence number, oldest first (SSE replay and polling). */
  async alertsAfter(seq: string, limit: number, ruleId?: string): Promise<AlertRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM alerts WHERE seq > $1 AND ($3::uuid IS NULL OR rule_id = $3) AND ${NOT_CURATED_AWAY}
       ORDER BY seq LIMIT $2`,
      [seq, limit, ruleId ?? null],
    );
    return rows.map(toAlert);
  }

  /** Alerts before a sequence number, newest first (listing with a cursor). */
  async alertsBefore(seq: string | null, limit: number, ruleId?: string): Promise<AlertRecord[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT * FROM alerts WHERE ($1::bigint IS NULL OR seq < $1) AND ($3::uuid IS NULL OR rule_id = $3)
         AND ${NOT_CURATED_AWAY}
       ORDER BY seq DESC LIMIT $2`,
      [seq, limit, ruleId ?? null],
    );
    return rows.map(toAlert);
  }

  async deliveriesOf(
    alertSeqs: readonly string[],
  ): Promise<Array<AlertDeliveryRecord & { log: DeliveryAttemptRecord[] }>> {
    if (alertSeqs.length === 0) return [];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT d.*, COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at,
                'http_status', a.http_status, 'error', a.error, 'outcome', a.outcome) ORDER BY a.attempt)
              FROM alert_delivery_attempts a WHERE a.delivery_id = d.id), '[]') AS log
       FROM alert_deliveries d WHERE d.alert_seq = ANY($1::bigint[]) ORDER BY d.id`,
      [alertSeqs],
    );
    return rows.map((row) => ({
      ...(row as unknown as AlertDeliveryRecord & { log: DeliveryAttemptRecord[] }),
      id: String(row.id),
      alert_seq: String(row.alert_seq),
      next_attempt_at: iso(row.next_attempt_at),
      delivered_at: row.delivered_at ? iso(row.delivered_at) : null,
    }));
  }

  /**
   * Locks due deliveries for this transaction (FOR UPDATE SKIP LOCKED: several workers never send the
   * same one) with what sending needs: the alert, its payload and the rule's current secret.
   */
  async claimDueDeliveries(manager: EntityManager, limit: number): Promise<DueDelivery[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT d.id, d.url, d.webhook_id, d.attempts, a.payload, r.webhook_secret,
              CASE WHEN r.previous_secret_expires_at > now() THEN r.previous_webhook_secret END AS previous_webhook_secret
       FROM alert_deliveries d JOIN alerts a ON a.seq = d.alert_seq JOIN alert_rules r ON r.id = a.rule_id
       WHERE d.status = 'pending' AND d.next_attempt_at <= now()
       ORDER BY d.next_attempt_at, d.id LIMIT $1
       FOR UPDATE OF d SKIP LOCKED`,
      [limit],
    );
    return rows.map((row) => ({ ...(row as unknown as DueDelivery), id: String(row.id) }));
  }

  /**
   * Logs the attempts of one round and moves each delivery to its next state: two statements for the
   * whole round (one INSERT and one UPDATE per delivery made the worker fall behind alert bursts).
   */
  async recordAttempts(
    manager: EntityManager,
    attempts: ReadonlyArray<{
      deliveryId: string;
      attempt: number;
      outcome: 'delivered' | 'retry' | 'dead';
      httpStatus: number | null;
      error: string | null;
      retryInMs: number;
    }>,
  ): Promise<void> {
    if (attempts.length === 0) return;
    const rows = JSON.stringify(
      attempts.map((a) => ({
        delivery_id: a.deliveryId,
        attempt: a.attempt,
        outcome: a.outcome,
        http_status: a.httpStatus,
        error: a.error,
        retry_ms: a.retryInMs,
      })),
    );
    const columns = `delivery_id bigint, attempt integer, outcome text, http_status integer, error text,
      retry_ms double precision`;
    await manager.query(
      `INSERT INTO alert_delivery_attempts (delivery_id, attempt, http_status, error, outcome)
       SELECT delivery_id, attempt, http_status, error, outcome FROM json_to_recordset($1::json) AS t(${columns})`,
      [rows],
    );
    await manager.query(
      `UPDATE alert_deliveries d SET attempts = t.attempt, last_error = t.error,
         status = CASE t.outcome WHEN 'delivered' THEN 'delivered' WHEN 'dead' THEN 'dead' ELSE 'pending' END,
         delivered_at = CASE WHEN t.outcome = 'delivered' THEN now() ELSE NULL END,
         next_attempt_at = now() + make_interval(secs => t.retry_ms / 1000)
       FROM json_to_recordset($1::json) AS t(${columns})
       WHERE d.id = t.delivery_id`,
      [rows],
    );
  }
}

/** A delivery due now, locked by the worker's transaction. */
export interface DueDelivery {
  id: string;
  url: string;
  webhook_id: string;
  attempts: number;
  payload: Record<string, unknown>;
  webhook_secret: string | null;
  /** The secret a rotation replaced, while it still signs. */
  previous_webhook_secret: string | null;
}
