import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OutboxWriter } from '@sitrep/messaging';
import { ArticleIntakeRepository } from '@sitrep/persistence';
import { SubmitArticlesHandler } from './commands/submit-articles/submit-articles.handler';
import { SubmitArticlesHttpController } from './commands/submit-articles/submit-articles.http.controller';
import { GetArticleHttpController } from './queries/get-article/get-article.http.controller';
import { GetArticleQueryHandler } from './queries/get-article/get-article.query-handler';

/** Article intake over HTTP (single, batch, text bodies) and the article read model. */
@Module({
  imports: [CqrsModule],
  controllers: [SubmitArticlesHttpController, GetArticleHttpController],
  // OutboxWriter is stateless; the app's OutboxModule runs the relay.
  providers: [SubmitArticlesHandler, GetArticleQueryHandler, ArticleIntakeRepository, OutboxWriter],
})
export class ArticlesModule {}
