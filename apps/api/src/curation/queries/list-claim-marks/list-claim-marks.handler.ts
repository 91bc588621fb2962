import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ClaimMarksRepository } from '@sitrep/persistence/curation';
import { ListClaimMarksQuery } from './list-claim-marks.query';

@QueryHandler(ListClaimMarksQuery)
export class ListClaimMarksHandler implements IQueryHandler<ListClaimMarksQuery> {
  constructor(private readonly marks: ClaimMarksRepository) {}

  async execute({ limit, before }: ListClaimMarksQuery) {
    const items = await this.marks.list(limit, before);
    return { items, next_cursor: items.length === limit ? items[items.length - 1].seq : null };
  }
}
