import { Client, errors, estypes } from '@elastic/elasticsearch';
import { Inject, Injectable } from '@nestjs/common';
import { ELASTICSEARCH_CLIENT } from '../elasticsearch/search.di-tokens';
import { TimelineSearchRepository } from './timeline.search-repository';
import { ClaimDocument, ClusterDocument } from './timeline.documents';

type Query = estypes.QueryDslQueryContainer;

export interface Page<T> {
  items: T[];
  /** Sort values of each item, for the next cursor. */
  sorts: estypes.SortResults[];
  total: number;
}

/** What the claims matching a query say about each of their clusters (as_of pages). */
export interface ClusterClaimsKey {
  id: string;
  claims: number;
  /** Earliest `seen_at` and `event_start` of the claims (ISO), and the lowest `event_date` if any. */
  first_seen: string;
  event_start: string;
  event_date: string | null;
  /** With `members`: what the member filters need (languages, modalities, sanctions, status, sources). */
  members?: ClusterMembersFacts;
}

/** The facts about members a read can ask for: only those its filters need are aggregated. */
export type ClusterMembersFact = 'languages' | 'modalities' | 'relevant' | 'supporting_statuses' | 'articles';

/**
 * Facts about a cluster's claims that decide its member filters without reading the claims; those not
 * asked for are empty (no languages, no relevant claim...).
 */
export interface ClusterMembersFacts {
  languages: string[];
  modalities: string[];
  /** Whether any claim is sanctions-relevant. */
  relevant: boolean;
  /** Statuses of the claims that do not deny the event. */
  supporting_statuses: string[];
  /** Each article with its outlet, wire story and reporting agencies (independent sources). */
  articles: { article_id: string; outlet: string | null; story_id: string | null; reported_by: string[] }[];
}

/** Counts per month and claim type, for charts. */
export interface ActivityBucket {
  month: string;
  total: number;
  types: Record<string, number>;
}

/** Actors linked by claims of one type: how many clusters, and the ids of the latest ones. */
export interface NetworkLink {
  source: string;
  target: string;
  type: string;
  clusters: number;
  cluster_ids: string[];
}

/** Reads of the timeline indices for the API: pages of clusters and claims, one cluster, aggregations. */
@Injectable()
export class TimelineReadSearchRepository {
  private readonly names: { claims: string; clusters: string };

  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client,
    // Index names come from the module's timeline repository (it knows the configured prefix).
    timeline: TimelineSearchRepository,
  ) {
    this.names = { claims: timeline.indexName('claims'), clusters: timeline.indexName('clusters') };
  }

  async clusters(
    query: Query,
    sort: estypes.SortCombinations[],
    size: number,
    searchAfter?: estypes.SortResults,
  ): Promise<Page<ClusterDocument>> {
    return this.page<ClusterDocument>(this.names.clusters, query, sort, size, searchAfter);
  }

  /** @param trackTotal count every match (`total`); without it `total` is the number of items. */
  async claims(
    query: Query,
    sort: estypes.SortCombinations[],
    size: number,
    searchAfter?: estypes.SortResults,
    trackTotal = true,
  ): Promise<Page<ClaimDocument>> {
    return this.page<ClaimDocument>(this.names.claims, query, sort, size, searchAfter, trackTotal);
  }

  /**
   * Ids of every cluster matching `query`, in id order, from a composite aggregation paged by
   * `pageSize` (doc values only, no hits fetched; a request without hits is answered from the shard
   * request cache until the index changes, so the pages of one `as_of` view read them once).
   */
  async clusterIds(query: Query, pageSize = 10_000): Promise<string[]> {
    const ids: string[] = [];
    let after: Record<string, estypes.FieldValue> | undefined;
    for (;;) {
      const response = await this.client.search({
        index: this.names.clusters,
        query,
        size: 0,
        track_total_hits: false,
        aggs: {
          ids: { composite: { size: pageSize, sources: [{ id: { terms: { field: 'id' } } }], after } },
        },
        filter_path: ['aggregations.ids.buckets.key'],
      });
      const agg = response.aggregations?.ids as estypes.AggregationsCompositeAggregate | undefined;
      const buckets = (agg?.buckets ?? []) as estypes.AggregationsCompositeBucket[];
      for (const bucket of buckets) ids.push(String(bucket.key.id));
      if (buckets.length < pageSize) return ids;
      after = buckets[buckets.length - 1].key;
    }
  }

  /**
   * Every claim matching `query`, read in pages of `pageSize` by id; with `fields`, only those fields of
   * each (the others are missing).
   */
  async allClaims(query: Query, pageSize = 10_000, fields?: readonly string[]): Promise<ClaimDocument[]> {
    const claims: ClaimDocument[] = [];
    let after: estypes.SortResults | undefined;
    for (;;) {
      const page = await this.page<ClaimDocument>(
        this.names.claims,
        query,
        [{ id: 'asc' }],
        pageSize,
        after,
        false,
        fields,
      );
      claims.push(...page.items);
      if (page.items.length < pageSize) return claims;
      after = page.sorts[page.sorts.length - 1];
    }
  }

  /**
   * Per cluster of the claims matching `query` (up to `size` clusters, those with at least `minClaims`
   * claims): how many claims, the earliest seen and event dates, the lowest event date and, with
   * `members`, the facts that decide member filters (one aggregation, no documents fetched). Each fact
   * costs its sub-aggregation, the articles most (a bucket per article with its outlet, story and
   * agencies): only the facts listed are aggregated.
   */
  async clusterKeys(
    query: Query,
    size: number,
    members: readonly ClusterMembersFact[] = [],
    minClaims = 1,
  ): Promise<ClusterClaimsKey[]> {
    const keysOf = (field: string, max: number) => ({ terms: { field, size: max } });
    const wants = (fact: ClusterMembersFact) => members.includes(fact);
    const response = await this.client.search({
      index: this.names.claims,
      size: 0,
      query,
      // Only keys, values and counts: the members' facts of hundreds of clusters are otherwise ~1 MB.
      filter_path: [
        'aggregations.clusters.buckets.key',
        'aggregations.clusters.buckets.doc_count',
        'aggregations.clusters.buckets.*.value',
        'aggregations.clusters.buckets.*.doc_count',
        'aggregations.clusters.buckets.*.buckets.key',
        'aggregations.clusters.buckets.supporting.statuses.buckets.key',
        'aggregations.clusters.buckets.articles.buckets.*.buckets.key',
      ],
      aggs: {
        clusters: {
          // A cluster with fewer claims than `minClaims` (the sources asked for) cannot pass: left out.
          terms: { field: 'cluster_id', size, min_doc_count: minClaims },
          aggs: {
            first_seen: { min: { field: 'seen_at' } },
            event_start: { min: { field: 'event_start' } },
            event_date: { terms: { field: 'event_date', size: 1, order: { _key: 'asc' } } },
            ...(wants('languages') ? { languages: keysOf('language', 100) } : {}),
            ...(wants('modalities') ? { modalities: keysOf('modality', 20) } : {}),
            ...(wants('relevant') ? { relevant: { filter: { term: { 'sanctions.relevant': true } } } } : {}),
            ...(wants('supporting_statuses')
              ? {
                  supporting: {
                    filter: { bool: { must_not: [{ term: { modality: 'denied' } }] } },
                    aggs: { statuses: keysOf('status', 20) },
                  },
                }
              : {}),
            ...(wants('articles')
              ? {
                  articles: {
                    terms: { field: 'article_id', size: 10_000 },
                    aggs: {
                      outlet: keysOf('outlet', 1),
                      story_id: keysOf('story_id', 1),
                      reported_by: keysOf('reported_by', 100),
                    },
                  },
                }
              : {}),
          },
        },
      },
    });
    type Terms = estypes.AggregationsStringTermsAggregate;
    type Bucket = estypes.AggregationsStringTermsBucket & {
      first_seen: estypes.AggregationsMinAggregate;
      event_start: estypes.AggregationsMinAggregate;
      event_date: Terms;
      languages?: Terms;
      modalities?: Terms;
      relevant?: estypes.AggregationsFilterAggregate;
      supporting?: estypes.AggregationsFilterAggregate & { statuses: Terms };
      articles?: Terms;
    };
    const keysIn = (agg: Terms | undefined) =>
      ((agg?.buckets ?? []) as estypes.AggregationsStringTermsBucket[]).map((bucket) => String(bucket.key));
    const agg = response.aggregations?.clusters as Terms | undefined;
    const iso = (value: number | null | undefined) => new Date(value ?? 0).toISOString();
    return ((agg?.buckets ?? []) as Bucket[]).map((bucket) => ({
      id: String(bucket.key),
      claims: bucket.doc_count,
      first_seen: iso(bucket.first_seen?.value),
      event_start: iso(bucket.event_start?.value),
      event_date: keysIn(bucket.event_date)[0] ?? null,
      ...(members.length > 0
        ? {
            members: {
              languages: keysIn(bucket.languages),
              modalities: keysIn(bucket.modalities),
              relevant: (bucket.relevant?.doc_count ?? 0) > 0,
              supporting_statuses: keysIn(bucket.supporting?.statuses),
              articles: (
                (bucket.articles?.buckets ?? []) as Array<
                  estypes.AggregationsStringTermsBucket & Record<'outlet' | 'story_id' | 'reported_by', Terms>
                >
              ).map((article) => ({
                article_id: String(article.key),
                outlet: keysIn(article.outlet)[0] ?? null,
                story_id: keysIn(article.story_id)[0] ?? null,
                reported_by: keysIn(article.reported_by),
              })),
            },
          }
        : {}),
    }));
  }

  async cluster(id: string): Promise<ClusterDocument | null> {
    try {
      const response = await this.client.get<ClusterDocument>({ index: this.names.clusters, id });
      return response._source ?? null;
    } catch (error) {
      if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** Clusters per month (of `dateField`) and type. */
  async activity(query: Query, dateField: string): Promise<ActivityBucket[]> {
    const response = await this.client.search({
      index: this.names.clusters,
      size: 0,
      query,
      aggs: {
        months: {
          date_histogram: {
            field: dateField,
            calendar_interval: 'month',
            format: 'yyyy-MM',
            min_doc_count: 1,
          },
          aggs: { types: { terms: { field: 'type', size: 20 } } },
        },
      },
    });
    const months = response.aggregations?.months as estypes.AggregationsDateHistogramAggregate | undefined;
    const buckets = (months?.buckets ?? []) as Array<
      estypes.AggregationsDateHistogramBucket & { types?: estypes.AggregationsStringTermsAggregate }
    >;
    return buckets.map((bucket) => ({
      month: bucket.key_as_string ?? new Date(bucket.key).toISOString().slice(0, 7),
      total: bucket.doc_count,
      types: Object.fromEntries(
        ((bucket.types?.buckets ?? []) as estypes.AggregationsStringTermsBucket[]).map((t) => [
          String(t.key),
          t.doc_count,
        ]),
      ),
    }));
  }

  /**
   * Links between actors over the clusters matching `query`: a composite aggregation on (source, target,
   * type), up to `limit` links, each with the ids of its `idsPerLink` latest clusters.
   */
  async links(
    query: Query,
    limit: number,
    idsPerLink: number,
  ): Promise<{ links: NetworkLink[]; truncated: boolean }> {
    const response = await this.client.search({
      index: this.names.clusters,
      size: 0,
      query,
      aggs: {
        links: {
          composite: {
            size: limit,
            sources: [
              { source: { terms: { field: 'source' } } },
              { target: { terms: { field: 'target' } } },
              { type: { terms: { field: 'type' } } },
            ],
          },
          aggs: {
            latest: {
              top_hits: { size: idsPerLink, _source: false, sort: [{ last_seen: { order: 'desc' } }] },
            },
          },
        },
      },
    });
    const agg = response.aggregations?.links as estypes.AggregationsCompositeAggregate | undefined;
    const buckets = (agg?.buckets ?? []) as Array<
      estypes.AggregationsCompositeBucket & { latest?: estypes.AggregationsTopHitsAggregate }
    >;
    return {
      links: buckets.map((bucket) => ({
        source: String(bucket.key.source),
        target: String(bucket.key.target),
        type: String(bucket.key.type),
        clusters: bucket.doc_count,
        cluster_ids: (bucket.latest?.hits.hits ?? []).map((hit) => String(hit._id)),
      })),
      truncated: buckets.length === limit && agg?.after_key !== undefined,
    };
  }

  private async page<T>(
    index: string,
    query: Query,
    sort: estypes.SortCombinations[],
    size: number,
    searchAfter?: estypes.SortResults,
    trackTotal = true,
    fields?: readonly string[],
  ): Promise<Page<T>> {
    const response = await this.client.search<T>({
      index,
      query,
      sort,
      size,
      search_after: searchAfter,
      track_total_hits: trackTotal,
      ...(fields ? { _source: [...fields] } : {}),
    });
    const total = response.hits.total;
    return {
      items: response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])),
      sorts: response.hits.hits.map((hit) => hit.sort ?? []),
      total: typeof total === 'number' ? total : (total?.value ?? response.hits.hits.length),
    };
  }
}
