import type { estypes } from '@elastic/elasticsearch';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { ActorDirectory } from '../../../timeline/actor.directory';
import type { NetworkDto } from '../../dto/network.response.dto';
import { GetNetworkQuery, NetworkFilter } from './get-network.query';

/** Most links one answer holds (the graph stays readable; `truncated` says when there were more). */
export const NETWORK_LINK_LIMIT = 1000;
/** Cluster ids listed per link (the latest ones; the link's count is exact). */
export const NETWORK_IDS_PER_LINK = 50;

/** The Elasticsearch query over cluster documents for a network filter. Pure. */
export function networkQueryOf(filter: NetworkFilter): estypes.QueryDslQueryContainer {
  const filters: estypes.QueryDslQueryContainer[] = [
    { range: { claim_count: { gte: 1 } } },
    { terms: { type: filter.types } },
  ];
  if (filter.from || filter.to)
    filters.push({
      range: {
        event_start: {
          ...(filter.from ? { gte: filter.from } : {}),
          ...(filter.to ? { lte: filter.to } : {}),
        },
      },
    });
  return { bool: { filter: filters } };
}

@QueryHandler(GetNetworkQuery)
export class GetNetworkHandler implements IQueryHandler<GetNetworkQuery> {
  constructor(
    private readonly search: TimelineReadSearchRepository,
    private readonly actors: ActorDirectory,
  ) {}

  async execute({ filter }: GetNetworkQuery): Promise<NetworkDto> {
    const { links, truncated } = await this.search.links(
      networkQueryOf(filter),
      NETWORK_LINK_LIMIT,
      NETWORK_IDS_PER_LINK,
    );
    const ids = [...new Set(links.flatMap((link) => [link.source, link.target]))].sort();
    const nodes = ids.map((id) => {
      const actor = this.actors.find(id);
      return { id, name: actor?.name ?? id, kind: actor?.kind ?? 'unknown' };
    });
    return { nodes, edges: links.sort((a, b) => b.clusters - a.clusters), truncated };
  }
}
