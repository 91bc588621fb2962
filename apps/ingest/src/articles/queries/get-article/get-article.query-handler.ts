import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ArticleIntakeRepository, ArticleView } from '@sitrep/persistence';
import { INGEST_SETTINGS, IngestSettings } from '../../../ingest.settings';
import { GetArticleQuery } from './get-article.query';

@QueryHandler(GetArticleQuery)
export class GetArticleQueryHandler implements IQueryHandler<GetArticleQuery> {
  constructor(
    private readonly repository: ArticleIntakeRepository,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  execute(query: GetArticleQuery): Promise<ArticleView | null> {
    return this.repository.findView(query.id, this.settings.ingestedTopic);
  }
}
