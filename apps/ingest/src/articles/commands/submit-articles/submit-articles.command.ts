import { Command } from '@nestjs/cqrs';
import { SubmitArticleResponseDto } from '../../dto/submit-article.response.dto';
import { ArticleSubmission } from './prepare-article';

/** Store articles (deduplicated) and their `articles.ingested` events in one transaction. */
export class SubmitArticlesCommand extends Command<SubmitArticleResponseDto[]> {
  constructor(
    readonly submissions: ArticleSubmission[],
    /** The flow this intake belongs to (HTTP request or feed poll). */
    readonly correlationId: string,
  ) {
    super();
  }
}
