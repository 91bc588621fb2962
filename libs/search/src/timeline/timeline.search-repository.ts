import { Client, estypes } from '@elastic/elasticsearch';
import { Inject, Injectable } from '@nestjs/common';
import { ELASTICSEARCH_CLIENT, SEARCH_OPTIONS } from '../elasticsearch/search.di-tokens';
import { DEFAULT_INDEX_PREFIX, SearchModuleOptions } from '../elasticsearch/search.options';
import { timelineIndexNames } from './timeline-index.definitions';
import { ClaimDocument, ClusterDocument } from './timeline.documents';

export type TimelineIndexKind = 'claims' | 'clusters';

interface DocumentOf {
  claims: ClaimDocument;
  clusters: ClusterDocument;
}

/** A page of documents and the sort values of each, for `search_after`. */
export interface SearchPage<T> {
  total: number;
  items: T[];
  sortValues: estypes.SortResults[];
}

export interface SearchPageRequest {
  query: estypes.QueryDslQueryContainer;
  sort?: estypes.SortCombinations[];
  size?: number;
  searchAfter?: estypes.SortResults;
}

/** Raised when some documents of a bulk request were refused; lists them with the reason. */
export class BulkIndexError extends Error {
  readonly code = 'SEARCH.BULK_FAILED';

  constructor(readonly failures: { id: string; reason: string }[]) {
    super(
      `${failures.length} document(s) refused: ${failures
        .slice(0, 5)
        .map((f) => `${f.id} (${f.reason})`)
        .join(', ')}`,
    );
  }
}

/** The timeline indices (claims, clusters): the only place that talks to Elasticsearch about them. */
@Injectable()
export class TimelineSearchRepository {
  private readonly names: Record<TimelineIndexKind, string>;

  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client,
    @Inject(SEARCH_OPTIONS) options: Pick<SearchModuleOptions, 'indexPrefix'>,
  ) {
    this.names = timelineIndexNames(options.indexPrefix ?? DEFAULT_INDEX_PREFIX);
  }

  /** The alias reads and writes of a kind go through. */
  indexName(kind: TimelineIndexKind): string {
    return this.names[kind];
  }

  /**
   * Indexes (creates or replaces) documents by id in one bulk request.
   * @param refresh wait until they are searchable (tests, read-your-writes). @default false
   */
  async upsert<K extends TimelineIndexKind>(
    kind: K,
    documents: DocumentOf[K][],
    refresh = false,
  ): Promise<void> {
    if (documents.length === 0) return;
    const index = this.names[kind];
    const response = await this.client.bulk({
      operations: documents.flatMap((doc) => [{ index: { _index: index, _id: doc.id } }, doc]),
      refresh: refresh ? 'wait_for' : false,
    });
    if (!response.errors) return;
    const failures = response.items
      .map((item) => item.index)
      .filter((op): op is estypes.BulkResponseItem => !!op?.error)
      .map((op) => ({ id: op._id ?? '?', reason: `${op.error?.type}: ${op.error?.reason ?? ''}` }));
    throw new BulkIndexError(failures);
  }

  /** Makes every write so far searchable. */
  async refresh(kind?: TimelineIndexKind): Promise<void> {
    await this.client.indices.refresh({ index: kind ? this.names[kind] : Object.values(this.names) });
  }

  async search<K extends TimelineIndexKind>(
    kind: K,
    request: SearchPageRequest,
  ): Promise<SearchPage<DocumentOf[K]>> {
    const response = await this.client.search<DocumentOf[K]>({
      index: this.names[kind],
      query: request.query,
      sort: request.sort,
      size: request.size ?? 20,
      search_after: request.searchAfter,
      track_total_hits: true,
    });
    const total = response.hits.total;
    return {
      total: typeof total === 'number' ? total : (total?.value ?? 0),
      items: response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : [])),
      sortValues: response.hits.hits.map((hit) => hit.sort ?? []),
    };
  }
}
