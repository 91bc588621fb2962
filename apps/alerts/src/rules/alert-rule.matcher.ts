import type { AlertRuleFilter, AlertRuleTriggers, ClusterRow } from '@sitrep/persistence/alerts';

/** Strength of a modality; `denied` never satisfies a minimum. */
const MODALITY_RANK: Record<string, number> = {
  denied: 0,
  hypothetical: 1,
  alleged: 2,
  assessed: 3,
  asserted: 4,
};

/** What a rule looks at in a cluster (from `claim_clusters` summary, facets and sanctions). */
export interface ClusterFacts {
  type: string;
  actors: string[];
  modality: string;
  status: string;
  outletCount: number;
  languages: string[];
  evidence: string[];
  sanctionsRelevant: boolean;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function clusterFactsOf(row: ClusterRow): ClusterFacts {
  const { summary, facets } = row;
  return {
    type: String(summary.type),
    actors: strings(facets.actors),
    modality: String(summary.modality),
    status: String(summary.status),
    outletCount: Number(summary.outlet_count ?? 0),
    languages: strings(summary.languages),
    evidence: strings(facets.evidence_text),
    sanctionsRelevant: row.sanctions?.relevant === true,
  };
}

/** True when the cluster satisfies every condition the filter sets. */
export function matchesFilter(filter: AlertRuleFilter, cluster: ClusterFacts): boolean {
  const actors = new Set(cluster.actors);
  if (filter.actors_any?.length && !filter.actors_any.some((id) => actors.has(id))) return false;
  if (filter.actors_all?.length && !filter.actors_all.every((id) => actors.has(id))) return false;
  if (filter.counterpart && !actors.has(filter.counterpart)) return false;
  if (filter.claim_types && !filter.claim_types.includes(cluster.type)) return false;
  if (filter.sanctions_only && !cluster.sanctionsRelevant) return false;
  if (
    filter.min_modality &&
    (MODALITY_RANK[cluster.modality] ?? 0) < (MODALITY_RANK[filter.min_modality] ?? 0)
  )
    return false;
  if (filter.min_outlets && cluster.outletCount < filter.min_outlets) return false;
  if (filter.languages?.length && !filter.languages.some((lang) => cluster.languages.includes(lang)))
    return false;
  if (filter.keywords?.length) {
    const text = cluster.evidence.join('\n').toLocaleLowerCase();
    if (!filter.keywords.some((word) => text.includes(word.toLocaleLowerCase()))) return false;
  }
  return true;
}

/** One alert-worthy change: the first match (`new`) or an escalation with its level. */
export interface TriggerHit {
  trigger: 'new' | 'outlets' | 'modality_asserted' | 'status_completed';
  level: number;
}

/** The escalations the cluster has reached since the first alert, as recorded in that alert's payload. */
export function escalationsOf(
  triggers: AlertRuleTriggers,
  first: { outlet_count: number; modality: string; status: string },
  now: ClusterFacts,
): TriggerHit[] {
  const hits: TriggerHit[] = [];
  if (
    triggers.outlets_reach &&
    first.outlet_count < triggers.outlets_reach &&
    now.outletCount >= triggers.outlets_reach
  )
    hits.push({ trigger: 'outlets', level: triggers.outlets_reach });
  if (triggers.modality_asserted && first.modality !== 'asserted' && now.modality === 'asserted')
    hits.push({ trigger: 'modality_asserted', level: 1 });
  if (triggers.status_completed && first.status !== 'completed' && now.status === 'completed')
    hits.push({ trigger: 'status_completed', level: 1 });
  return hits;
}
