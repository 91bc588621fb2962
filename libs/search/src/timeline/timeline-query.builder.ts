import type { estypes } from '@elastic/elasticsearch';
import { SortOrder, TimelineCursor, TimelineFilter } from './timeline.query';

type Query = estypes.QueryDslQueryContainer;

const terms = (field: string, values: readonly string[] | undefined): Query[] =>
  values && values.length > 0 ? [{ terms: { [field]: [...values] } }] : [];

/** The actor, counterpart and role part, the same for cluster and claim documents. */
function partyFilters(filter: TimelineFilter): Query[] {
  const { actorId, counterpart, role } = filter;
  if (role === 'source') {
    return [
      { term: { source_ids: actorId } },
      ...(counterpart ? [{ term: { target_ids: counterpart } }] : []),
    ];
  }
  if (role === 'target') {
    return [
      { term: { target_ids: actorId } },
      ...(counterpart ? [{ term: { source_ids: counterpart } }] : []),
    ];
  }
  if (!counterpart) return [{ term: { actors: actorId } }];
  return [
    {
      bool: {
        minimum_should_match: 1,
        should: [
          { bool: { filter: [{ term: { source_ids: actorId } }, { term: { target_ids: counterpart } }] } },
          { bool: { filter: [{ term: { source_ids: counterpart } }, { term: { target_ids: actorId } }] } },
        ],
      },
    },
  ];
}

function dateRange(field: string, filter: TimelineFilter): Query[] {
  if (!filter.from && !filter.to) return [];
  return [
    {
      range: {
        [field]: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) },
      },
    },
  ];
}

/** Builds Elasticsearch queries and sorts for the timeline; pure, so the filters are unit-tested. */
export class TimelineQueryBuilder {
  /** The sort field of the chosen date. */
  static dateFieldOf(filter: Pick<TimelineFilter, 'dateField'>, kind: 'cluster' | 'claim'): string {
    if (filter.dateField === 'event') return 'event_start';
    return kind === 'cluster' ? 'first_seen' : 'seen_at';
  }

  /** The query over cluster documents (the current timeline). */
  clusters(filter: TimelineFilter): Query {
    const must: Query[] = filter.q
      ? [
          {
            multi_match: {
              query: filter.q,
              fields: ['evidence_text', 'items^2', 'claimants', 'instruments'],
            },
          },
        ]
      : [];
    const filters: Query[] = [
      ...partyFilters(filter),
      // Clusters whose claims were all replaced stay as empty documents: never shown.
      { range: { claim_count: { gte: 1 } } },
      ...terms('type', filter.types),
      ...terms('status', filter.statuses),
      ...terms('modalities', filter.modalities),
      ...terms('languages', filter.languages),
      ...(filter.sanctionsRelevantOnly ? [{ term: { 'sanctions.relevant': true } }] : []),
      ...(filter.minIndependentSources
        ? [{ range: { independent_source_count: { gte: filter.minIndependentSources } } }]
        : []),
      ...dateRange(TimelineQueryBuilder.dateFieldOf(filter, 'cluster'), filter),
    ];
    return { bool: { filter: filters, must } };
  }

  /**
   * The query over claim documents for `as_of`: claims recorded by then and not yet replaced. Cluster-level
   * filters (minimum sources, sanctions of the cluster) are applied after the claims are regrouped.
   */
  claimsAsOf(filter: TimelineFilter & { asOf: string }): Query {
    const must: Query[] = filter.q ? [{ match: { 'evidence.text': filter.q } }] : [];
    // Claims an analyst marked wrong never come back, whatever the moment asked for.
    const mustNot: Query[] = [{ term: { curation: 'wrong' } }];
    const filters: Query[] = [
      ...partyFilters(filter),
      ...terms('type', filter.types),
      ...terms('status', filter.statuses),
      ...terms('language', filter.languages),
      { range: { recorded_at: { lte: filter.asOf } } },
      {
        bool: {
          minimum_should_match: 1,
          should: [
            { bool: { must_not: [{ exists: { field: 'superseded_at' } }] } },
            { range: { superseded_at: { gt: filter.asOf } } },
          ],
        },
      },
      ...dateRange(TimelineQueryBuilder.dateFieldOf(filter, 'claim'), filter),
    ];
    return { bool: { filter: filters, must, must_not: mustNot } };
  }

  /** Sort by date then id, so that search_after pages are stable. */
  sort(filter: TimelineFilter, order: SortOrder): estypes.SortCombinations[] {
    return [{ [TimelineQueryBuilder.dateFieldOf(filter, 'cluster')]: { order } }, { id: { order } }];
  }

  searchAfter(cursor: TimelineCursor | null): estypes.SortResults | undefined {
    return cursor ? [Date.parse(cursor.date), cursor.id] : undefined;
  }
}
