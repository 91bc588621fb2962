import { Query } from '@nestjs/cqrs';
import type { ClaimMarkRecord } from '@sitrep/persistence/curation';

/** The audit list: every mark, newest first. */
export class ListClaimMarksQuery extends Query<{ items: ClaimMarkRecord[]; next_cursor: string | null }> {
  constructor(
    readonly limit: number,
    readonly before: string | null,
  ) {
    super();
  }
}
