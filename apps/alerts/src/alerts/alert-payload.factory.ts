import type { AlertRuleRecord, ClusterMemberRow, ClusterRow } from '@sitrep/persistence/alerts';
import type { TriggerHit } from '../rules/alert-rule.matcher';

/** The body of an alert: readable on its own, without calling the API. */
export interface AlertPayload {
  type: 'alert';
  alert_id: string;
  rule: { id: string; name: string };
  trigger: TriggerHit['trigger'];
  level: number;
  cluster: {
    id: string;
    type: string;
    source: string | null;
    target: string | null;
    status: string;
    modality: string;
    items: string[];
    event_date_from: string | null;
    event_date_to: string | null;
    sanctions: { relevant: boolean; instruments: string[] };
    outlet_count: number;
    article_count: number;
  };
  evidence: string | null;
  articles: Array<{
    url: string | null;
    outlet: string | null;
    language: string | null;
    title: string | null;
  }>;
  outlets: string[];
  languages: string[];
  links: { cluster: string };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export function alertPayloadOf(
  alertId: string,
  rule: Pick<AlertRuleRecord, 'id' | 'name'>,
  hit: TriggerHit,
  cluster: ClusterRow,
  members: readonly ClusterMemberRow[],
  apiBaseUrl: string,
): AlertPayload {
  const s = cluster.summary;
  const supporting = members.filter((m) => m.modality !== 'denied');
  const articles = new Map<string, AlertPayload['articles'][number]>();
  for (const m of members)
    if (!articles.has(m.article_id))
      articles.set(m.article_id, { url: m.url, outlet: m.outlet, language: m.language, title: m.title });
  return {
    type: 'alert',
    alert_id: alertId,
    rule: { id: rule.id, name: rule.name },
    trigger: hit.trigger,
    level: hit.level,
    cluster: {
      id: cluster.id,
      type: String(s.type),
      source: textOrNull(s.source),
      target: textOrNull(s.target),
      status: String(s.status),
      modality: String(s.modality),
      items: strings(s.items),
      event_date_from: textOrNull(s.event_date_from),
      event_date_to: textOrNull(s.event_date_to),
      sanctions: {
        relevant: cluster.sanctions?.relevant === true,
        instruments: strings(cluster.sanctions?.instruments),
      },
      outlet_count: Number(s.outlet_count ?? 0),
      article_count: Number(s.article_count ?? 0),
    },
    evidence: (supporting[0] ?? members[0])?.evidence_text ?? null,
    articles: [...articles.values()],
    outlets: strings(s.outlets),
    languages: strings(s.languages),
    links: { cluster: `${apiBaseUrl.replace(/\/$/, '')}/v1/clusters/${encodeURIComponent(cluster.id)}` },
  };
}
