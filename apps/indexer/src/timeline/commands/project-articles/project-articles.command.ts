import { Command } from '@nestjs/cqrs';
import {
  ProjectionRefresh,
  ProjectionResult,
} from '@sitrep/search/timeline/timeline-projection.search-repository';

/** Project the claims (current and replaced) of some articles and their clusters into the timeline indices. */
export class ProjectArticlesCommand extends Command<ProjectionResult & { claims: number; clusters: number }> {
  constructor(
    readonly articleIds: readonly string[],
    /** Wait until the documents are searchable (`true`), or refresh as part of the bulk (`'now'`). */
    readonly refresh: ProjectionRefresh = false,
  ) {
    super();
  }
}
