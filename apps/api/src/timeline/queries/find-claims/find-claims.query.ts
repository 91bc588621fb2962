import { Query } from '@nestjs/cqrs';
import type { ClaimType } from '@sitrep/extraction';
import type { ClaimsPageDto } from '../../dto/timeline.response.dto';

export interface ClaimsFilter {
  actor?: string;
  clusterId?: string;
  articleId?: string;
  types?: ClaimType[];
  includeSuperseded: boolean;
}

/** Claims, newest first, with evidence and article links. */
export class FindClaimsQuery extends Query<ClaimsPageDto> {
  constructor(
    readonly filter: ClaimsFilter,
    readonly limit: number,
    readonly cursor: string | null,
  ) {
    super();
  }
}
