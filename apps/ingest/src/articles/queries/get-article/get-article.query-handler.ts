import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ArticleIntakeRepository, ArticleView } from '@sitrep/persistence';
import { GetArticleQuery } from './get-article.query';

@QueryHandler(GetArticleQuery)
export class GetArticleQueryHandler implements IQueryHandler<GetArticleQuery> {
  constructor(private readonly repository: ArticleIntakeRepository) {}

  execute(query: GetArticleQuery): Promise<ArticleView | null> {
    return this.repository.findView(query.id);
  }
}
