import { Query } from '@nestjs/cqrs';
import type { ClusterDetailDto } from '../../dto/timeline.response.dto';

/** One cluster with its claims, evidence and article links; null when unknown. */
export class GetClusterQuery extends Query<ClusterDetailDto | null> {
  constructor(readonly clusterId: string) {
    super();
  }
}
