import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { ProjectArticlesCommand } from './project-articles.command';

/**
 * Reads the articles' claims and their clusters from PostgreSQL (the source of truth, so the projection
 * is always of the latest state) and writes them with their versions to Elasticsearch.
 */
@CommandHandler(ProjectArticlesCommand)
export class ProjectArticlesHandler implements ICommandHandler<ProjectArticlesCommand> {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly search: TimelineProjectionSearchRepository,
  ) {}

  async execute({ articleIds, refresh }: ProjectArticlesCommand) {
    const ids = [...new Set(articleIds)];
    const claims = await this.claims.claimsOfArticles(ids);
    const clusters = await this.claims.findClusters([...new Set(claims.map((claim) => claim.cluster_id))]);
    const result = await this.search.project(claims, clusters, { refresh });
    return { ...result, claims: claims.length, clusters: clusters.length };
  }
}
