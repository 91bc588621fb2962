import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import type { ClusterDetailDto } from '../../dto/timeline.response.dto';
import { claimViewOf, timelineItemOf } from '../../timeline.views';
import { claimsQueryOf } from '../find-claims/find-claims.handler';
import { GetClusterQuery } from './get-cluster.query';

/** Claims shown with a cluster; more are paged through GET /v1/claims?cluster_id=. */
export const CLUSTER_CLAIMS_SHOWN = 200;

@QueryHandler(GetClusterQuery)
export class GetClusterHandler implements IQueryHandler<GetClusterQuery> {
  constructor(private readonly search: TimelineReadSearchRepository) {}

  async execute({ clusterId }: GetClusterQuery): Promise<ClusterDetailDto | null> {
    const cluster = await this.search.cluster(clusterId);
    if (!cluster || cluster.claim_count === 0) return null;
    const claims = await this.search.claims(
      claimsQueryOf({ clusterId, includeSuperseded: false }),
      [{ seen_at: { order: 'asc' } }, { id: { order: 'asc' } }],
      CLUSTER_CLAIMS_SHOWN,
    );
    return {
      ...timelineItemOf(cluster, 'event'),
      claims: claims.items.map(claimViewOf),
      contradiction_claim_ids: cluster.contradiction_claim_ids,
    };
  }
}
