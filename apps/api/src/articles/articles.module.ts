import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { DataSource } from 'typeorm';
import { ArticlesHttpController } from './articles.http.controller';
import { GetArticleTextHandler } from './queries/get-article-text/get-article-text.handler';

/** Article text for the evidence view (reads PostgreSQL, runs the engine's cleaner). */
@Module({
  imports: [CqrsModule],
  controllers: [ArticlesHttpController],
  providers: [
    { provide: ClaimsRepository, useFactory: ClaimsRepository.fromDataSource, inject: [DataSource] },
    GetArticleTextHandler,
  ],
})
export class ArticlesModule {}
