import { Inject, Injectable, Logger } from '@nestjs/common';
import { AlertRecord, AlertRuleRecord, AlertsRepository, ArticlesCluster } from '@sitrep/persistence/alerts';
import { randomUUID } from 'node:crypto';
import { alertPayloadOf, AlertPayload } from '../../alert-payload.factory';
import { ALERTS_OPTIONS } from '../../alerts.di-tokens';
import { AlertsOptions } from '../../alerts.options';
import {
  clusterFactsOf,
  ClusterFacts,
  escalationsOf,
  matchesFilter,
  TriggerHit,
} from '../../../rules/alert-rule.matcher';

/** A rule that matches one of the chunk's clusters. */
interface Match {
  rule: AlertRuleRecord;
  cluster: ArticlesCluster;
  facts: ClusterFacts;
}

/**
 * Evaluates every rule against the clusters of articles' claims and records each alert once: the
 * unique (rule, cluster, trigger, level) constraint makes redeliveries, re-ingestion and restarts no-ops.
 */
@Injectable()
export class EvaluateArticleService {
  private readonly logger = new Logger(EvaluateArticleService.name);

  constructor(
    private readonly alerts: AlertsRepository,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
  ) {}

  /**
   * Evaluates a chunk of articles in a fixed number of queries, however many articles, clusters and
   * rules: the rules, the clusters of all the articles, the first alerts of the (rule, cluster) pairs
   * that match, the members of the clusters that alert, and one statement recording the alerts with
   * their deliveries. A cluster that several articles of the chunk share is evaluated once. Returns one
   * array of the alerts recorded now per article, in order (an alert counts for the first of the
   * chunk's articles in its cluster; empty when everything was already alerted).
   */
  async evaluateMany(articleIds: readonly string[]): Promise<AlertRecord[][]> {
    const results: AlertRecord[][] = articleIds.map(() => []);
    if (articleIds.length === 0) return results;
    const rules = await this.alerts.listRules();
    if (rules.length === 0) return results;
    const matches: Match[] = [];
    for (const cluster of await this.alerts.clustersOfArticles(articleIds)) {
      const facts = clusterFactsOf(cluster);
      if (facts.modality === 'denied') continue;
      for (const rule of rules) if (matchesFilter(rule.filter, facts)) matches.push({ rule, cluster, facts });
    }
    if (matches.length === 0) return results;

    const pairKey = (ruleId: string, clusterId: string) => `${ruleId} ${clusterId}`;
    const firstAlerts = new Map(
      (
        await this.alerts.findNewAlerts(
          matches.map(({ rule, cluster }) => ({ ruleId: rule.id, clusterId: cluster.id })),
        )
      ).map((first) => [pairKey(first.rule_id, first.cluster_id), first.cluster]),
    );
    const hits = matches.flatMap((match) => {
      const first = firstAlerts.get(pairKey(match.rule.id, match.cluster.id));
      const found: TriggerHit[] = first
        ? escalationsOf(match.rule.triggers, first as unknown as AlertPayload['cluster'], match.facts)
        : [{ trigger: 'new', level: 0 }];
      return found.map((hit) => ({ ...match, hit }));
    });
    if (hits.length === 0) return results;

    const members = await this.alerts.membersOfClusters([...new Set(hits.map((h) => h.cluster.id))]);
    const recorded = await this.alerts.insertAlertsOnce(
      hits.map(({ rule, cluster, hit }) => {
        const id = randomUUID();
        const payload = alertPayloadOf(
          id,
          rule,
          hit,
          cluster,
          members.get(cluster.id) ?? [],
          this.options.apiBaseUrl,
        );
        return {
          id,
          rule_id: rule.id,
          cluster_id: cluster.id,
          trigger: hit.trigger,
          level: hit.level,
          payload: { ...payload },
          webhook_url: rule.channel === 'webhook' ? rule.webhook_url : null,
        };
      }),
    );

    const position = new Map(articleIds.map((id, at) => [id, at] as const));
    const clusterArticle = new Map(
      hits.map(({ cluster }) => [
        cluster.id,
        Math.min(...cluster.article_ids.map((id) => position.get(id) ?? 0)),
      ]),
    );
    for (const alert of recorded) results[clusterArticle.get(alert.cluster_id) ?? 0].push(alert);
    if (recorded.length > 0)
      this.logger.log(`${recorded.length} alert(s) from a chunk of ${articleIds.length} article(s)`);
    return results;
  }
}
