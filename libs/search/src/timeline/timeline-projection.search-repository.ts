import { Client, errors, estypes } from '@elastic/elasticsearch';
import { Inject, Injectable } from '@nestjs/common';
import { ClaimRecord, ClusterRecord } from '@sitrep/domain/clusters';
import { ELASTICSEARCH_CLIENT } from '../elasticsearch/search.di-tokens';
import { TimelineSearchRepository } from './timeline.search-repository';
import { TimelineDocumentMapper } from './timeline-document.mapper';

/** Elasticsearch cannot take writes now (down, overloaded, timing out): retry later, don't dead-letter. */
export class SearchUnavailableError extends Error {
  readonly code = 'SEARCH.UNAVAILABLE';
}

/** Some documents were refused for a reason a retry won't fix (mapping, malformed). */
export class ProjectionRejectedError extends Error {
  readonly code = 'SEARCH.DOCUMENTS_REJECTED';

  constructor(readonly failures: { id: string; reason: string }[]) {
    super(
      `${failures.length} document(s) refused: ${failures
        .slice(0, 3)
        .map((f) => `${f.id} (${f.reason})`)
        .join(', ')}`,
    );
  }
}

export interface ProjectionResult {
  /** Documents written. */
  written: number;
  /** Documents skipped because the index already had that version or a newer one. */
  stale: number;
}

/**
 * When a projection's documents become searchable: `false` at the indices' next periodic refresh, `true`
 * the same but the bulk request waits for it (`wait_for`), `'now'` the bulk refreshes the indices it
 * wrote before it returns (`refresh=true`: a refresh per bulk).
 */
export type ProjectionRefresh = boolean | 'now';

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Whether an error from the client means "try again later". */
export function isSearchUnavailable(error: unknown): boolean {
  if (error instanceof SearchUnavailableError) return true;
  if (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return true;
  }
  return error instanceof errors.ResponseError && TRANSIENT_STATUSES.has(error.statusCode ?? 0);
}

/**
 * Writes the timeline projection: every document carries the PostgreSQL version as an external version,
 * so a replay or an older update arriving late is refused by Elasticsearch instead of regressing it.
 */
@Injectable()
export class TimelineProjectionSearchRepository {
  readonly names: { claims: string; clusters: string };

  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client,
    // Index names come from the module's timeline repository (it knows the configured prefix).
    timeline: TimelineSearchRepository,
  ) {
    this.names = { claims: timeline.indexName('claims'), clusters: timeline.indexName('clusters') };
  }

  /**
   * Indexes claims and clusters in one bulk request.
   * @param target concrete indices to write to instead of the aliases (rebuilds). @default the aliases
   */
  async project(
    claims: readonly ClaimRecord[],
    clusters: readonly ClusterRecord[],
    options: { refresh?: ProjectionRefresh; target?: { claims: string; clusters: string } } = {},
  ): Promise<ProjectionResult> {
    if (claims.length === 0 && clusters.length === 0) return { written: 0, stale: 0 };
    const target = options.target ?? this.names;
    const operations: estypes.BulkOperationContainer[] = [];
    const documents: unknown[] = [];
    for (const claim of claims) {
      operations.push({
        index: {
          _index: target.claims,
          _id: claim.claim_id,
          version: claim.version,
          version_type: 'external',
        },
      });
      documents.push(TimelineDocumentMapper.claim(claim));
    }
    for (const cluster of clusters) {
      operations.push({
        index: {
          _index: target.clusters,
          _id: cluster.summary.id,
          version: cluster.version,
          version_type: 'external',
        },
      });
      documents.push(TimelineDocumentMapper.cluster(cluster));
    }
    let response: estypes.BulkResponse;
    try {
      response = await this.client.bulk({
        operations: operations.flatMap((operation, i) => [operation, documents[i]]),
        refresh: options.refresh === 'now' ? true : options.refresh ? 'wait_for' : false,
      });
    } catch (error) {
      if (isSearchUnavailable(error)) throw new SearchUnavailableError(String(error));
      throw error;
    }
    let written = 0;
    let stale = 0;
    const transient: string[] = [];
    const rejected: { id: string; reason: string }[] = [];
    for (const item of response.items) {
      const result = item.index;
      if (!result) continue;
      if (!result.error) written += 1;
      else if (result.status === 409) stale += 1;
      else if (TRANSIENT_STATUSES.has(result.status)) transient.push(result._id ?? '?');
      else
        rejected.push({
          id: result._id ?? '?',
          reason: `${result.error.type}: ${result.error.reason ?? ''}`,
        });
    }
    if (transient.length > 0)
      throw new SearchUnavailableError(`${transient.length} document(s) not written, retry`);
    if (rejected.length > 0) throw new ProjectionRejectedError(rejected);
    return { written, stale };
  }

  /** Whether Elasticsearch answers (used while backing off). */
  async ping(): Promise<boolean> {
    try {
      await this.client.cluster.health({ timeout: '1s' });
      return true;
    } catch {
      return false;
    }
  }

  /** Makes the writes so far searchable (tests, reindex). */
  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: [this.names.claims, this.names.clusters] });
  }

  /** The concrete indices an alias points to. */
  async indicesOf(alias: string): Promise<string[]> {
    const exists = await this.client.indices.existsAlias({ name: alias });
    if (!exists) return [];
    return Object.keys(await this.client.indices.getAlias({ name: alias }));
  }

  /** Creates a concrete index for an alias (the installed template gives it settings and mappings). */
  async createIndex(name: string): Promise<void> {
    await this.client.indices.create({ index: name });
  }

  /** Points the alias at `index` only, atomically, and deletes the indices it pointed at before. */
  async swapAlias(alias: string, index: string): Promise<string[]> {
    const previous = await this.indicesOf(alias);
    await this.client.indices.updateAliases({
      actions: [
        ...previous.map((old) => ({ remove: { index: old, alias } })),
        { add: { index, alias, is_write_index: true } },
      ],
    });
    const stale = previous.filter((old) => old !== index);
    if (stale.length > 0) await this.client.indices.delete({ index: stale });
    return stale;
  }
}
