import { Query } from '@nestjs/cqrs';
import type { ClaimType } from '@sitrep/extraction';
import type { NetworkDto } from '../../dto/network.response.dto';

export interface NetworkFilter {
  types: ClaimType[];
  /** Inclusive ISO dates over the event date. */
  from?: string;
  to?: string;
}

/** The actors linked by claims of the given types: one edge per (source, target, type). */
export class GetNetworkQuery extends Query<NetworkDto> {
  constructor(readonly filter: NetworkFilter) {
    super();
  }
}
