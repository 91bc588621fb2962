import { ProjectionRefresh } from '@sitrep/search/timeline/timeline-projection.search-repository';

/** What decides how a bulk's documents become searchable (IndexerTimelineOptions). */
export interface BulkRefreshOptions {
  refresh: boolean;
  refreshAfterBulk: boolean;
  refreshAfterBulkMinIntervalMs: number;
}

/**
 * Which bulks refresh the indices they wrote. A refresh writes a segment and costs Elasticsearch about
 * the same CPU however few documents it holds, so a refresh per bulk made Elasticsearch the largest CPU
 * user per article under load (bulks come back to back). A bulk refreshes when the indexer's previous
 * refresh is at least `refreshAfterBulkMinIntervalMs` old: under light load every bulk is searchable
 * when it returns, as before; under load the indices refresh at most that often through bulks, and the
 * bulks in between become searchable at the indices' periodic refresh (ELASTICSEARCH_REFRESH_INTERVAL_MS).
 */
export class BulkRefreshPolicy {
  private lastRefreshAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: BulkRefreshOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The refresh of the next bulk (call once per bulk request). */
  next(): ProjectionRefresh {
    if (this.options.refresh) return true;
    if (!this.options.refreshAfterBulk) return false;
    const now = this.now();
    if (now - this.lastRefreshAt < this.options.refreshAfterBulkMinIntervalMs) return false;
    this.lastRefreshAt = now;
    return 'now';
  }
}
