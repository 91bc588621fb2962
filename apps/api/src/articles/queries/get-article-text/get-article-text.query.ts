import { Query } from '@nestjs/cqrs';
import type { ArticleTextDto } from '../../dto/article-text.response.dto';

/** An article's cleaned text with its actor mentions and its current claims' evidence offsets. */
export class GetArticleTextQuery extends Query<ArticleTextDto | null> {
  constructor(readonly articleId: string) {
    super();
  }
}
