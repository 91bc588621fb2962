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
  /**
   * Each article of its claims with its outlet, wire story and reporting agencies (independent
   * sources); an article whose claims disagree on outlet or story is listed once per variant.
   */
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

/** Buckets per page of the `sources` composite aggregation (a response holds at most 65,536). */
export const SOURCES_PAGE = 10_000;

/** One distinct (cluster, article, outlet, wire story, agency) of the claims aggregated. */
interface SourcesKey {
  cluster: string;
  article: string;
  outlet: string | null;
  story: string | null;
  agency: string | null;
  [source: string]: string | null;
}

interface SourcesAggregate {
  buckets: { key: SourcesKey }[];
  after_key?: SourcesKey;
}

const SOURCES_FILTER_PATH = ['aggregations.sources.buckets.key', 'aggregations.sources.after_key'];

/**
 * What the independent-source union-find of each cluster needs (ClaimClusterer's
 * independentSourceCount): its claims' articles with outlet, wire story and agencies, as flat
 * composite buckets (doc values only), `size` of them from `after` on.
 */
const sourcesAggregation = (size: number, after?: SourcesKey): estypes.AggregationsAggregationContainer => ({
  composite: {
    size,
    sources: [
      { cluster: { terms: { field: 'cluster_id' } } },
      { article: { terms: { field: 'article_id' } } },
      { outlet: { terms: { field: 'outlet', missing_bucket: true } } },
      { story: { terms: { field: 'story_id', missing_bucket: true } } },
      { agency: { terms: { field: 'reported_by', missing_bucket: true } } },
    ],
    ...(after ? { after } : {}),
  },
});

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
   * Every cluster matching `query` with its stored `dateField` (epoch ms; null when it has none), in id
   * order, from a composite aggregation paged by `pageSize` (doc values only, no hits fetched; a request
   * without hits is answered from the shard request cache until the index changes, so the pages of one
   * `as_of` view read them once).
   */
  async clusterDates(
    query: Query,
    dateField: string,
    pageSize = 10_000,
  ): Promise<{ id: string; date: number | null }[]> {
    const clusters: { id: string; date: number | null }[] = [];
    let after: Record<string, estypes.FieldValue> | undefined;
    for (;;) {
      const response = await this.client.search({
        index: this.names.clusters,
        query,
        size: 0,
        track_total_hits: false,
        aggs: {
          ids: {
            composite: {
              size: pageSize,
              sources: [
                { id: { terms: { field: 'id' } } },
                { date: { terms: { field: dateField, missing_bucket: true } } },
              ],
              after,
            },
          },
        },
        filter_path: ['aggregations.ids.buckets.key'],
      });
      const agg = response.aggregations?.ids as estypes.AggregationsCompositeAggregate | undefined;
      const buckets = (agg?.buckets ?? []) as estypes.AggregationsCompositeBucket[];
      for (const { key } of buckets)
        clusters.push({ id: String(key.id), date: typeof key.date === 'number' ? key.date : null });
      if (buckets.length < pageSize) return clusters;
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
   * `members`, the facts that decide member filters (aggregations only, no documents fetched). Each fact
   * costs an aggregation: only the facts listed are aggregated. The articles (for independent sources)
   * come from a composite aggregation beside the per-cluster terms, one flat bucket per distinct
   * (cluster, article, outlet, story, agency) of the claims, paged by `SOURCES_PAGE`: terms nested under
   * terms (a bucket per article, under a bucket per cluster, with its outlet, story and agencies) cost
   * Elasticsearch time quadratic in the buckets (each parent bucket scans every child bucket).
   */
  async clusterKeys(
    query: Query,
    size: number,
    members: readonly ClusterMembersFact[] = [],
    minClaims = 1,
    sourcesPage = SOURCES_PAGE,
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
        ...SOURCES_FILTER_PATH,
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
          },
        },
        ...(wants('articles') ? { sources: sourcesAggregation(sourcesPage) } : {}),
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
    };
    const keysIn = (agg: Terms | undefined) =>
      ((agg?.buckets ?? []) as estypes.AggregationsStringTermsBucket[]).map((bucket) => String(bucket.key));
    const agg = response.aggregations?.clusters as Terms | undefined;
    const articles = wants('articles')
      ? await this.articlesOf(
          query,
          sourcesPage,
          response.aggregations?.sources as SourcesAggregate | undefined,
        )
      : new Map<string, ClusterMembersFacts['articles']>();
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
              articles: articles.get(String(bucket.key)) ?? [],
            },
          }
        : {}),
    }));
  }

  /**
   * The articles of each cluster with their outlet, wire story and agencies, from the first page of the
   * `sources` composite aggregation and the pages after it: an entry per distinct (article, outlet,
   * story) of the cluster's claims, with every agency reported with it.
   */
  private async articlesOf(
    query: Query,
    pageSize: number,
    first: SourcesAggregate | undefined,
  ): Promise<Map<string, ClusterMembersFacts['articles']>> {
    const byCluster = new Map<string, Map<string, ClusterMembersFacts['articles'][number]>>();
    let page = first;
    for (;;) {
      const buckets = page?.buckets ?? [];
      for (const { key } of buckets) {
        const articles = byCluster.get(key.cluster) ?? new Map();
        byCluster.set(key.cluster, articles);
        const at = JSON.stringify([key.article, key.outlet, key.story]);
        const article = articles.get(at) ?? {
          article_id: key.article,
          outlet: key.outlet,
          story_id: key.story,
          reported_by: [],
        };
        articles.set(at, article);
        if (key.agency !== null) article.reported_by.push(key.agency);
      }
      if (buckets.length < pageSize || !page?.after_key) break;
      const response = await this.client.search({
        index: this.names.claims,
        size: 0,
        query,
        filter_path: SOURCES_FILTER_PATH,
        aggs: { sources: sourcesAggregation(pageSize, page.after_key) },
      });
      page = response.aggregations?.sources as SourcesAggregate | undefined;
    }
    return new Map([...byCluster].map(([id, articles]) => [id, [...articles.values()]]));
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
