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

/** A cluster of some of the articles asked about, with which of them have a claim in it. */
export interface ArticlesCluster extends ClusterRow {
  article_ids: string[];
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

/** Name of the advisory lock that lets one recording of alerts at a time take sequence numbers. */
export const ALERTS_RECORDING_LOCK = 'sitrep:alerts-recording';

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

  /**
   * The current clusters of the articles' current claims (not those an analyst marked wrong), each once
   * with the ids of the given articles that have a claim in it: one query for a chunk of articles.
   */
  async clustersOfArticles(articleIds: readonly string[]): Promise<ArticlesCluster[]> {
    if (articleIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT k.id, k.summary, k.facets, k.sanctions, c.article_ids FROM (
         SELECT cluster_id, array_agg(DISTINCT article_id::text) AS article_ids FROM claims
          WHERE article_id = ANY($1::uuid[]) AND superseded_at IS NULL AND curation IS DISTINCT FROM 'wrong'
          GROUP BY cluster_id) c
       JOIN claim_clusters k ON k.id = c.cluster_id
       ORDER BY k.id`,
      [articleIds],
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
    return (await this.membersOfClusters([clusterId])).get(clusterId) ?? [];
  }

  /** The current members of several clusters (one query), by cluster id, each in arrival order. */
  async membersOfClusters(clusterIds: readonly string[]): Promise<Map<string, ClusterMemberRow[]>> {
    const byCluster = new Map<string, ClusterMemberRow[]>();
    if (clusterIds.length === 0) return byCluster;
    const rows: Array<ClusterMemberRow & { cluster_id: string }> = await this.dataSource.query(
      `SELECT cluster_id, article_id, url, outlet, language, title, evidence_text, modality, instrument
       FROM claims
       WHERE cluster_id = ANY($1::text[]) AND superseded_at IS NULL AND curation IS DISTINCT FROM 'wrong'
       ORDER BY cluster_id, seen_at, id`,
      [clusterIds],
    );
    for (const { cluster_id, ...member } of rows) {
      const members = byCluster.get(cluster_id) ?? [];
      members.push(member);
      byCluster.set(cluster_id, members);
    }
    return byCluster;
  }

  /**
   * The first (`new`) alerts of the given (rule, cluster) pairs that have one (one query), with the
   * cluster as that alert recorded it, which escalations compare against.
   */
  async findNewAlerts(
    pairs: ReadonlyArray<{ ruleId: string; clusterId: string }>,
  ): Promise<Array<{ rule_id: string; cluster_id: string; cluster: Record<string, unknown> }>> {
    if (pairs.length === 0) return [];
    return this.dataSource.query(
      `SELECT a.rule_id::text AS rule_id, a.cluster_id, a.payload->'cluster' AS cluster
       FROM unnest($1::uuid[], $2::text[]) AS p(rule_id, cluster_id)
       JOIN alerts a ON a.rule_id = p.rule_id AND a.cluster_id = p.cluster_id AND a.trigger = 'new' AND a.level = 0`,
      [pairs.map((pair) => pair.ruleId), pairs.map((pair) => pair.clusterId)],
    );
  }

  /**
   * Records an alert once (unique on rule, cluster, trigger, level) with its webhook delivery (see
   * {@link insertAlertsOnce}); returns null when it already existed.
   */
  async insertAlertOnce(
    alert: Omit<AlertRecord, 'seq' | 'created_at'>,
    webhookUrl: string | null,
  ): Promise<AlertRecord | null> {
    const [recorded] = await this.insertAlertsOnce([{ ...alert, webhook_url: webhookUrl }]);
    return recorded ?? null;
  }

  /**
   * Records several alerts, each once (unique on rule, cluster, trigger, level), with the webhook
   * delivery of each one that has a URL; returns the alerts recorded now, in the given order (those that
   * already existed are left out); one statement. One recording at a time (a transaction-level advisory
   * lock, taken before the sequence numbers are): alerts commit in `seq` order, so the live SSE stream, which reads
   * after the last sequence it sent, never passes one that commits later.
   */
  async insertAlertsOnce(
    alerts: ReadonlyArray<Omit<AlertRecord, 'seq' | 'created_at'> & { webhook_url: string | null }>,
  ): Promise<AlertRecord[]> {
    if (alerts.length === 0) return [];
    // One statement: no row reaches the INSERT, which takes the sequence numbers, before `recording`
    // holds the lock (a join yields nothing before both sides have), and it is held to the commit.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH recording AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext($2))),
       wanted AS (
         SELECT t.* FROM recording, json_to_recordset($1::json)
           AS t(id uuid, rule_id uuid, cluster_id text, trigger text, level integer, payload jsonb, webhook_url text)
       ),
       inserted AS (
         INSERT INTO alerts (id, rule_id, cluster_id, trigger, level, payload)
         SELECT id, rule_id, cluster_id, trigger, level, payload FROM wanted
         ON CONFLICT ON CONSTRAINT alerts_once_per_rule_cluster_trigger DO NOTHING
         RETURNING *
       ),
       deliveries AS (
         INSERT INTO alert_deliveries (alert_seq, url, webhook_id, status)
         SELECT i.seq, w.webhook_url, 'msg_' || i.id, 'pending'
         FROM inserted i JOIN wanted w ON w.id = i.id
         WHERE w.webhook_url IS NOT NULL
         ORDER BY i.seq
       )
       SELECT * FROM inserted`,
      [JSON.stringify(alerts), ALERTS_RECORDING_LOCK],
    );
    const recorded = new Map(rows.map((row) => [String(row.id), toAlert(row)]));
    return alerts.flatMap((alert) => {
      const row = recorded.get(alert.id);
      return row ? [row] : [];
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
