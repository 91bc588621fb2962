import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { extractArticle } from '@sitrep/extraction';
import { OutboxWriter } from '@sitrep/messaging';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { DataSource } from 'typeorm';
import { EXTRACTION_ENGINE } from './claims.di-tokens';
import { EXTRACTOR_CLAIMS_OPTIONS, ExtractorClaimsOptions } from './claims.options';
import { RecordExtractionHandler } from './commands/record-extraction/record-extraction.handler';
import { ArticleIngestedConsumer } from './consumers/article-ingested.consumer';

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
        { provide: EXTRACTION_ENGINE, useValue: extractArticle },
        RecordExtractionHandler,
        ArticleIngestedConsumer,
      ],
      exports: [ArticleIngestedConsumer],
    };
  }
}
