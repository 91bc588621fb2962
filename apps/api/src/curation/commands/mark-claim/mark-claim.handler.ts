import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClusterRecord, ClusterViewFactory } from '@sitrep/domain/clusters';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { ClaimMarkRecord, ClaimMarksRepository } from '@sitrep/persistence/curation';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { DataSource } from 'typeorm';
import { MarkClaimCommand } from './mark-claim.command';
import { ClaimSupersededError, CurationNotProjectedError } from './mark-claim.errors';

/**
 * Records the mark and the claim's verdict, and rebuilds the claim's cluster from its members that are
 * not marked wrong (the extractor's own ClusterViewFactory; a cluster left empty is retired) in one
 * transaction; then writes the claim and cluster documents with their new versions to Elasticsearch, so
 * the timeline changes at once. Alerts read the same members from PostgreSQL.
 */
@CommandHandler(MarkClaimCommand)
export class MarkClaimHandler implements ICommandHandler<MarkClaimCommand> {
  private readonly logger = new Logger(MarkClaimHandler.name);
  private readonly views = new ClusterViewFactory();

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly marks: ClaimMarksRepository,
    private readonly search: TimelineProjectionSearchRepository,
  ) {}

  async execute({ claimId, verdict, reason, markedBy }: MarkClaimCommand): Promise<ClaimMarkRecord | null> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const claims = this.claims.withTransaction(manager);
      const marks = this.marks.withTransaction(manager);
      const found = await marks.lockClaim(claimId);
      if (!found) return null;
      if (found.superseded_at)
        throw new ClaimSupersededError(`claim ${claimId} was replaced by a newer extraction`);
      await claims.lockClusters([found.cluster_id]);
      const { mark, claim } = await marks.mark(claimId, verdict, reason, markedBy);
      const members = await claims.currentMembers([claim.cluster_id]);
      // A cluster that loses or regains a member is rebuilt from its members (its merge state with it).
      const view = this.views.build(members);
      let cluster: ClusterRecord | null;
      if (view) {
        await claims.upsertClusters([view]);
        [cluster] = await claims.findClusters([claim.cluster_id]);
      } else cluster = await claims.retireCluster(claim.cluster_id);
      return { mark, claim, cluster };
    });
    if (!outcome) return null;
    try {
      await this.search.project([outcome.claim], outcome.cluster ? [outcome.cluster] : [], {
        refresh: 'now',
      });
    } catch (error) {
      this.logger.error(`claim ${claimId}: marked ${verdict} but not projected: ${(error as Error).message}`);
      throw new CurationNotProjectedError(
        `The mark is saved; the search index will show it after a retry of this request or npm run reindex`,
      );
    }
    this.logger.log(`claim ${claimId} marked ${verdict}`);
    return outcome.mark;
  }
}
