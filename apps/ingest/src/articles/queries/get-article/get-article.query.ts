import { Query } from '@nestjs/cqrs';
import { ArticleView } from '@sitrep/persistence';

export class GetArticleQuery extends Query<ArticleView | null> {
  constructor(readonly id: string) {
    super();
  }
}
