import { Logger } from '@nestjs/common';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';

export interface RebuildReport {
  claims: number;
  clusters: number;
  caughtUp: number;
  indices: { claims: string; clusters: string };
  removed: string[];
  seconds: number;
}

/** Rows read from PostgreSQL and written per bulk request during a rebuild. */
const PAGE = 1000;
/** The catch-up pass re-reads from a little before the rebuild started (clock skew between hosts). */
const CATCH_UP_MARGIN_MS = 5000;

/**
 * Rebuilds the timeline indices from PostgreSQL: fills fresh concrete indices page by page, swaps the
 * aliases atomically, drops the old indices, then re-projects what changed during the rebuild (the live
 * indexer kept writing to the old indices until the swap). External versions make every write idempotent.
 */
export class TimelineRebuilder {
  private readonly logger = new Logger(TimelineRebuilder.name);

  constructor(
    private readonly claims: ClaimsRepository,
    private readonly search: TimelineProjectionSearchRepository,
  ) {}

  async rebuild(): Promise<RebuildReport> {
    const started = new Date();
    const suffix = started.getTime().toString();
    const indices = {
      claims: `${this.search.names.claims}-${suffix}`,
      clusters: `${this.search.names.clusters}-${suffix}`,
    };
    await this.search.createIndex(indices.claims);
    await this.search.createIndex(indices.clusters);

    let claims = 0;
    for (let after = ''; ;) {
      const page = await this.claims.claimsAfter(after, PAGE);
      if (page.length === 0) break;
      await this.search.project(page, [], { target: indices });
      claims += page.length;
      after = page[page.length - 1].claim_id;
    }
    let clusters = 0;
    for (let after = ''; ;) {
      const page = await this.claims.clustersAfter(after, PAGE);
      if (page.length === 0) break;
      await this.search.project([], page, { target: indices });
      clusters += page.length;
      after = page[page.length - 1].summary.id;
    }
    this.logger.log(`filled ${indices.claims} (${claims}) and ${indices.clusters} (${clusters})`);

    const removed = [
      ...(await this.search.swapAlias(this.search.names.claims, indices.claims)),
      ...(await this.search.swapAlias(this.search.names.clusters, indices.clusters)),
    ];
    const since = new Date(started.getTime() - CATCH_UP_MARGIN_MS);
    const changedClaims = await this.claims.claimsChangedSince(since);
    const changedClusters = await this.claims.clustersChangedSince(since);
    await this.search.project(changedClaims, changedClusters);
    await this.search.refresh();
    return {
      claims,
      clusters,
      caughtUp: changedClaims.length + changedClusters.length,
      indices,
      removed,
      seconds: (Date.now() - started.getTime()) / 1000,
    };
  }
}
