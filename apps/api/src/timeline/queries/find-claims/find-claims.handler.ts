import type { estypes } from '@elastic/elasticsearch';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TimelineReadSearchRepository } from '@sitrep/search/timeline/timeline-read.search-repository';
import { TimelineCursorCodec } from '@sitrep/search/timeline/timeline.cursor';
import type { ClaimsPageDto } from '../../dto/timeline.response.dto';
import { claimViewOf } from '../../timeline.views';
import { ClaimsFilter, FindClaimsQuery } from './find-claims.query';

/** The Elasticsearch query of a claims filter. */
export function claimsQueryOf(filter: ClaimsFilter): estypes.QueryDslQueryContainer {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (filter.actor) filters.push({ term: { actors: filter.actor } });
  if (filter.clusterId) filters.push({ term: { cluster_id: filter.clusterId } });
  if (filter.articleId) filters.push({ term: { article_id: filter.articleId } });
  if (filter.types?.length) filters.push({ terms: { type: filter.types } });
  // Claims an analyst marked wrong are never listed (GET /v1/claim-marks keeps them).
  const mustNot: estypes.QueryDslQueryContainer[] = [{ term: { curation: 'wrong' } }];
  if (!filter.includeSuperseded) mustNot.push({ exists: { field: 'superseded_at' } });
  return { bool: { filter: filters, must_not: mustNot } };
}

@QueryHandler(FindClaimsQuery)
export class FindClaimsHandler implements IQueryHandler<FindClaimsQuery> {
  constructor(private readonly search: TimelineReadSearchRepository) {}

  async execute({ filter, limit, cursor }: FindClaimsQuery): Promise<ClaimsPageDto> {
    const after = cursor ? TimelineCursorCodec.decode(cursor) : null;
    const page = await this.search.claims(
      claimsQueryOf(filter),
      [{ seen_at: { order: 'desc' } }, { id: { order: 'desc' } }],
      limit,
      after ? [Date.parse(after.date), after.id] : undefined,
    );
    const last = page.items.length === limit ? page.items[page.items.length - 1] : null;
    return {
      items: page.items.map(claimViewOf),
      next_cursor: last
        ? TimelineCursorCodec.encode({ date: new Date(last.seen_at).toISOString(), id: last.id })
        : null,
      total: page.total,
    };
  }
}
