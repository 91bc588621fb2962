import type { estypes } from '@elastic/elasticsearch';

const keyword = { type: 'keyword' } as const;
const date = { type: 'date' } as const;
const integer = { type: 'integer' } as const;
/** The engine has no language analyzers: `standard` tokenises every script the dev set has. */
const text = { type: 'text', analyzer: 'standard' } as const;

const sanctions: estypes.MappingProperty = {
  properties: {
    relevant: { type: 'boolean' },
    instruments: keyword,
    // Flags are shown, never searched: stored without indexing.
    flags: { type: 'object', enabled: false },
  },
};

export const CLAIMS_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: keyword,
    cluster_id: keyword,
    article_id: keyword,
    engine_version: keyword,
    ordinal: integer,
    type: keyword,
    source: keyword,
    target: keyword,
    actors: keyword,
    source_ids: keyword,
    target_ids: keyword,
    source_country: keyword,
    target_country: keyword,
    status: keyword,
    modality: keyword,
    claimant: keyword,
    reported_by: keyword,
    items: keyword,
    quantity: { type: 'keyword', index: false },
    instrument: keyword,
    event_date: keyword,
    event_start: date,
    evidence: {
      properties: { text, start: { type: 'integer', index: false }, end: { type: 'integer', index: false } },
    },
    confidence: { type: 'float' },
    language: keyword,
    outlet: keyword,
    story_id: keyword,
    url: { type: 'keyword', index: false },
    title: text,
    seen_at: date,
    published_at: date,
    recorded_at: date,
    superseded_at: date,
    curation: keyword,
    sanctions,
  },
};

export const CLUSTERS_MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: keyword,
    key: keyword,
    type: keyword,
    source: keyword,
    target: keyword,
    actors: keyword,
    source_ids: keyword,
    target_ids: keyword,
    item_family: keyword,
    period: keyword,
    claim_count: integer,
    article_count: integer,
    outlet_count: integer,
    language_count: integer,
    independent_source_count: integer,
    outlets: keyword,
    languages: keyword,
    first_seen: date,
    last_seen: date,
    event_date_from: keyword,
    event_date_to: keyword,
    event_start: date,
    claimants: keyword,
    reported_by: keyword,
    modality: keyword,
    modalities: keyword,
    status: keyword,
    items: keyword,
    instruments: keyword,
    contradiction_claim_ids: keyword,
    contradicted: { type: 'boolean' },
    max_confidence: { type: 'float' },
    evidence_text: text,
    sanctions,
    version: { type: 'long' },
    updated_at: date,
    recorded_from: date,
    changed_at: date,
  },
};

/** One shard, no replica: a single-node engine; the indexer owns the write path. */
export const TIMELINE_INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  number_of_replicas: 0,
  refresh_interval: '200ms',
};

/** Index names: an alias per kind points at the concrete index, so `npm run reindex` can swap them. */
export const timelineIndexNames = (prefix: string) => ({
  claims: `${prefix}timeline-claims`,
  clusters: `${prefix}timeline-clusters`,
});
