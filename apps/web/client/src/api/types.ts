/** Shapes the apps answer with (see each app's README and the api's OpenAPI at /docs). */
export interface Actor {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  alias?: string;
}

export interface Sanctions {
  relevant: boolean;
  instruments: string[];
  flags: Array<{ authority?: string; effect?: string; reason?: string }>;
}

export interface TimelineItem {
  id: string;
  type: string;
  source: string | null;
  target: string | null;
  date: string;
  event_date_from: string | null;
  event_date_to: string | null;
  first_seen: string;
  last_seen: string;
  status: string;
  modality: string;
  contradicted: boolean;
  claim_count: number;
  article_count: number;
  outlet_count: number;
  independent_source_count: number;
  languages: string[];
  outlets: string[];
  claimants: string[];
  items: string[];
  sanctions: Sanctions;
  evidence: string[];
}

export interface TimelinePage {
  actor: Actor;
  items: TimelineItem[];
  next_cursor: string | null;
  total: number;
  as_of: string | null;
}

export interface ActivityBucket {
  month: string;
  total: number;
  types: Record<string, number>;
}

export interface Evidence {
  text: string;
  start: number;
  end: number;
}

export interface ClaimView {
  id: string;
  cluster_id: string;
  type: string;
  source: string | null;
  target: string | null;
  status: string;
  modality: string;
  claimant: string | null;
  reported_by: string[];
  items: string[];
  quantity: string | null;
  instrument: string | null;
  event_date: string | null;
  evidence: Evidence;
  confidence: number;
  superseded_at: string | null;
  sanctions: Sanctions;
  mark?: ClaimMark | null;
  article: {
    id: string;
    url: string | null;
    title: string | null;
    outlet: string | null;
    language: string | null;
    published_at: string | null;
  };
}

export interface ClusterDetail extends TimelineItem {
  claims: ClaimView[];
  contradiction_claim_ids: string[];
}

export interface ArticleText {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  language: string | null;
  published_at: string | null;
  text: string;
  actors: Array<{ actor_id: string; start: number; end: number; surface: string }>;
  claims: ClaimView[];
}

export interface NetworkEdge {
  source: string;
  target: string;
  type: string;
  clusters: number;
  cluster_ids: string[];
}

export interface Network {
  nodes: Array<{ id: string; name: string; kind: string }>;
  edges: NetworkEdge[];
}

export interface ClaimMark {
  id: string;
  claim_id: string;
  verdict: 'wrong' | 'confirmed';
  reason: string | null;
  marked_by: string | null;
  marked_at: string;
  current?: boolean;
}

export interface AlertRule {
  id: string;
  name: string;
  filter: Record<string, unknown>;
  triggers?: Record<string, unknown>;
  channel: { type: string; url?: string };
  enabled?: boolean;
}

export interface AlertItem {
  seq: string;
  rule_id: string;
  cluster_id: string;
  trigger: string;
  created_at?: string;
  body: {
    alert_id: string;
    rule: { id: string; name: string };
    trigger: string;
    cluster: {
      id: string;
      type: string;
      source: string | null;
      target: string | null;
      status: string;
      modality: string;
    };
    evidence: string | null;
  };
}
