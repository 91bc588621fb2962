import { Command } from '@nestjs/cqrs';
import type { ClaimCuration } from '@sitrep/domain/clusters';
import type { ClaimMarkRecord } from '@sitrep/persistence/curation';

/** An analyst's verdict on a claim; null when there is no such claim. */
export class MarkClaimCommand extends Command<ClaimMarkRecord | null> {
  constructor(
    readonly claimId: string,
    readonly verdict: ClaimCuration,
    readonly reason: string | null,
    readonly markedBy: string | null,
  ) {
    super();
  }
}
