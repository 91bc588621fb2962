import type { estypes } from '@elastic/elasticsearch';
import { independentSourceCount, STATUS_PROGRESS } from '@sitrep/domain/clusters';
import type { ClusterMembersFact, ClusterMembersFacts } from './timeline-read.search-repository';
import type { ClusterDocument } from './timeline.documents';
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

const has = (values: readonly (string | null)[] | string | null, wanted: string) =>
  Array.isArray(values) ? values.includes(wanted) : values === wanted;

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
   * `as_of`, first part: the clusters that have not changed since that moment (no claim recorded or
   * replaced after it), whose documents are the clusters as they were then; same filters as `clusters`.
   */
  clustersUnchangedSince(filter: TimelineFilter & { asOf: string }): Query {
    const query = this.clusters(filter) as { bool: { filter: Query[]; must: Query[] } };
    return {
      bool: {
        ...query.bool,
        filter: [...query.bool.filter, { range: { changed_at: { lte: filter.asOf } } }],
      },
    };
  }

  /**
   * `as_of`, second part: the actor's clusters that existed at that moment and changed after it (or were
   * projected before these dates were kept): they are regrouped from their claims known then. Only the
   * actor, counterpart, role and type filters apply here (a cluster's type and parties are those of its
   * key); the others are applied to the regrouped clusters.
   */
  clustersChangedSince(filter: TimelineFilter & { asOf: string }): Query {
    const missing = (field: string): Query => ({ bool: { must_not: [{ exists: { field } }] } });
    return {
      bool: {
        filter: [
          ...partyFilters(filter),
          ...terms('type', filter.types),
          {
            bool: {
              minimum_should_match: 1,
              should: [{ range: { recorded_from: { lte: filter.asOf } } }, missing('recorded_from')],
            },
          },
          {
            bool: {
              minimum_should_match: 1,
              should: [{ range: { changed_at: { gt: filter.asOf } } }, missing('changed_at')],
            },
          },
        ],
      },
    };
  }

  /**
   * The claims of the given clusters known at `as_of`: recorded by then and not yet replaced (every
   * member, whatever the filters: they apply to the regrouped cluster, as to a stored one).
   */
  claimsAsOf(asOf: string, clusterIds: readonly string[]): Query {
    // Claims an analyst marked wrong never come back, whatever the moment asked for.
    const mustNot: Query[] = [{ term: { curation: 'wrong' } }];
    const filters: Query[] = [
      { terms: { cluster_id: [...clusterIds] } },
      { range: { recorded_at: { lte: asOf } } },
      {
        bool: {
          minimum_should_match: 1,
          should: [
            { bool: { must_not: [{ exists: { field: 'superseded_at' } }] } },
            { range: { superseded_at: { gt: asOf } } },
          ],
        },
      },
    ];
    return { bool: { filter: filters, must_not: mustNot } };
  }

  /**
   * Whether a cluster document (one regrouped for `as_of`) passes the filters of `clusters`, evaluated
   * in memory. Free text is approximated like the `multi_match`: any word of `q` among the words of the
   * evidence sentences (lower-cased, split on what is not a letter or digit, close to the `standard`
   * analyzer), or `q` equal to an item, claimant or instrument.
   */
  matches(doc: ClusterDocument, filter: TimelineFilter): boolean {
    const anyOf = (
      values: readonly (string | null)[] | string | null,
      wanted: readonly string[] | undefined,
    ) => !wanted || wanted.length === 0 || wanted.some((value) => has(values, value));
    if (!this.partyMatches(doc, filter) || doc.claim_count < 1) return false;
    if (!anyOf(doc.type, filter.types) || !anyOf(doc.status, filter.statuses)) return false;
    if (!anyOf(doc.modalities, filter.modalities) || !anyOf(doc.languages, filter.languages)) return false;
    if (filter.sanctionsRelevantOnly && !doc.sanctions.relevant) return false;
    if (filter.minIndependentSources && doc.independent_source_count < filter.minIndependentSources)
      return false;
    const date = Date.parse(filter.dateField === 'event' ? doc.event_start : doc.first_seen);
    if (filter.from && date < Date.parse(filter.from)) return false;
    if (filter.to && date > Date.parse(filter.to)) return false;
    return this.textMatches(doc, filter);
  }

  /** The actor, counterpart and role part of `matches`. */
  partyMatches(
    doc: Pick<ClusterDocument, 'actors' | 'source_ids' | 'target_ids'>,
    filter: TimelineFilter,
  ): boolean {
    const { actorId, counterpart, role } = filter;
    return role === 'source'
      ? has(doc.source_ids, actorId) && (!counterpart || has(doc.target_ids, counterpart))
      : role === 'target'
        ? has(doc.target_ids, actorId) && (!counterpart || has(doc.source_ids, counterpart))
        : counterpart
          ? (has(doc.source_ids, actorId) && has(doc.target_ids, counterpart)) ||
            (has(doc.source_ids, counterpart) && has(doc.target_ids, actorId))
          : has(doc.actors, actorId);
  }

  /** The free-text part of `matches` (true without `q`). */
  textMatches(
    doc: Pick<ClusterDocument, 'evidence_text' | 'items' | 'claimants' | 'instruments'>,
    filter: TimelineFilter,
  ): boolean {
    if (!filter.q) return true;
    const words = (text: string) =>
      text
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
    const q = filter.q;
    // Items, claimants and instruments are keywords: the whole query has to equal one.
    if ([...doc.items, ...doc.claimants, ...doc.instruments].includes(q)) return true;
    const known = new Set(doc.evidence_text.flatMap((text) => words(text)));
    return words(q).some((word) => known.has(word));
  }

  /**
   * The facts about a cluster's members its filters need (status, modality, language, sanctions,
   * sources); none when they need none.
   */
  static memberFactsOf(filter: TimelineFilter): ClusterMembersFact[] {
    return [
      ...(filter.statuses?.length ? (['supporting_statuses'] as const) : []),
      ...(filter.modalities?.length ? (['modalities'] as const) : []),
      ...(filter.languages?.length ? (['languages'] as const) : []),
      ...(filter.sanctionsRelevantOnly ? (['relevant'] as const) : []),
      ...(filter.minIndependentSources ? (['articles'] as const) : []),
    ];
  }

  /**
   * Whether a regrouped cluster passes the member filters, told from facts about its claims (as the
   * cluster summary would compute them: ClaimClusterer, clusterFacetsOf, clusterSanctionsOf).
   */
  membersMatch(facts: ClusterMembersFacts, filter: TimelineFilter): boolean {
    const anyOf = (values: readonly string[], wanted: readonly string[] | undefined) =>
      !wanted || wanted.length === 0 || wanted.some((value) => values.includes(value));
    const status =
      STATUS_PROGRESS.find((candidate) => facts.supporting_statuses.includes(candidate)) ?? 'unknown';
    if (!anyOf([status], filter.statuses)) return false;
    if (!anyOf(facts.modalities, filter.modalities) || !anyOf(facts.languages, filter.languages))
      return false;
    if (filter.sanctionsRelevantOnly && !facts.relevant) return false;
    return (
      !filter.minIndependentSources || independentSourceCount(facts.articles) >= filter.minIndependentSources
    );
  }

  /** Sort by date then id, so that search_after pages are stable. */
  sort(filter: TimelineFilter, order: SortOrder): estypes.SortCombinations[] {
    return [{ [TimelineQueryBuilder.dateFieldOf(filter, 'cluster')]: { order } }, { id: { order } }];
  }

  searchAfter(cursor: TimelineCursor | null): estypes.SortResults | undefined {
    return cursor ? [Date.parse(cursor.date), cursor.id] : undefined;
  }
}
