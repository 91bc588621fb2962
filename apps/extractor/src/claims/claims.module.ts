import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ArticleInput, extractArticle } from '@sitrep/extraction';
import { OutboxWriter } from '@sitrep/messaging';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { DataSource } from 'typeorm';
import { EXTRACTION_ENGINE } from './claims.di-tokens';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from './claims.options';
import { RecordExtractionHandler } from './commands/record-extraction/record-extraction.handler';
import { ArticleIngestedConsumer } from './consumers/article-ingested.consumer';
import { ExtractionWorkerPool } from './engine/extraction-worker.pool';

/** Extraction of claims: the `articles.ingested` consumer and the RecordExtraction command. Needs Persistence and Kafka. */
@Module({})
export class ClaimsModule {
  static forRoot(options: ExtractorClaimsOptions): DynamicModule {
    return {
      module: ClaimsModule,
      imports: [CqrsModule],
      providers: [
        { provide: EXTRACTOR_CLAIMS_OPTIONS, useValue: options },
        { provide: ClaimsRepository, useFactory: ClaimsRepository.fromDataSource, inject: [DataSource] },
        OutboxWriter,
        {
          provide: ExtractionWorkerPool,
          useFactory: () =>
            options.engineWorkers > 0 ? new ExtractionWorkerPool(options.engineWorkers) : null,
        },
        {
          provide: EXTRACTION_ENGINE,
          useFactory: (pool: ExtractionWorkerPool | null) =>
            pool ? (input: ArticleInput) => pool.run(input) : extractArticle,
          inject: [ExtractionWorkerPool],
        },
        RecordExtractionHandler,
        ArticleIngestedConsumer,
      ],
      exports: [ArticleIngestedConsumer],
    };
  }
}
