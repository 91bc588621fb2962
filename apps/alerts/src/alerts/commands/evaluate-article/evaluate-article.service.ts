import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlertRecord, AlertRuleRecord, AlertsRepository, ClusterRow } from '@sitrep/persistence/alerts';
import { randomUUID } from 'node:crypto';
import { alertPayloadOf, AlertPayload } from '../../alert-payload.factory';
import { ALERTS_OPTIONS } from '../../alerts.di-tokens';
import { AlertsOptions } from '../../alerts.options';
import { clusterFactsOf, escalationsOf, matchesFilter, TriggerHit } from '../../../rules/alert-rule.matcher';

/**
 * Evaluates every rule against the clusters of an article's claims and records each alert once: the
 * unique (rule, cluster, trigger, level) constraint makes redeliveries, re-ingestion and restarts no-ops.
 */
@Injectable()
export class EvaluateArticleService {
  private readonly logger = new Logger(EvaluateArticleService.name);

  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  /** Returns the alerts recorded now (empty when everything was already alerted). */
  async evaluate(articleId: string, rules?: AlertRuleRecord[]): Promise<AlertRecord[]> {
    const clusters = await this.alerts.clustersOfArticle(articleId);
    if (clusters.length === 0) return [];
    rules ??= await this.alerts.listRules();
    const recorded: AlertRecord[] = [];
    for (const cluster of clusters)
      for (const rule of rules) recorded.push(...(await this.evaluateRule(rule, cluster)));
    if (recorded.length > 0) this.logger.log(`article ${articleId}: ${recorded.length} alert(s)`);
    return recorded;
  }

  /**
   * Evaluates several articles with one read of the rules, a few at a time; one array of recorded
   * alerts per article, in order. Two articles of one cluster evaluated at once still alert once (the
   * unique constraint decides).
   */
  async evaluateMany(articleIds: readonly string[], concurrency = 4): Promise<AlertRecord[][]> {
    const rules = await this.alerts.listRules();
    const results: AlertRecord[][] = new Array(articleIds.length);
    let next = 0;
    const worker = async () => {
      while (next < articleIds.length) {
        const at = next++;
        results[at] = await this.evaluate(articleIds[at], rules);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, articleIds.length) }, worker));
    return results;
  }

  private async evaluateRule(rule: AlertRuleRecord, cluster: ClusterRow): Promise<AlertRecord[]> {
    const facts = clusterFactsOf(cluster);
    if (facts.modality === 'denied' || !matchesFilter(rule.filter, facts)) return [];
    const first = await this.alerts.findNewAlert(rule.id, cluster.id);
    const hits: TriggerHit[] = first
      ? escalationsOf(rule.triggers, (first.payload as unknown as AlertPayload).cluster, facts)
      : [{ trigger: 'new', level: 0 }];
    if (hits.length === 0) return [];
    const members = await this.alerts.membersOfCluster(cluster.id);
    const recorded: AlertRecord[] = [];
    for (const hit of hits) {
      const id = randomUUID();
      const payload = alertPayloadOf(id, rule, hit, cluster, members, this.options.apiBaseUrl);
      const alert = await this.alerts.insertAlertOnce(
        {
          id,
          rule_id: rule.id,
          cluster_id: cluster.id,
          trigger: hit.trigger,
          level: hit.level,
          payload: { ...payload },
        },
        rule.channel === 'webhook' ? rule.webhook_url : null,
      );
      if (alert) recorded.push(alert);
    }
    return recorded;
  }
}
