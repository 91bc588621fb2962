import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { ClaimMarksRepository } from '@sitrep/persistence/curation';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { DataSource } from 'typeorm';
import { MarkClaimHandler } from './commands/mark-claim/mark-claim.handler';
import { CurationHttpController } from './curation.http.controller';
import { ListClaimMarksHandler } from './queries/list-claim-marks/list-claim-marks.handler';

/** Claim curation (PostgreSQL, then the timeline projection). Needs SearchModule. */
@Module({
  imports: [CqrsModule],
  controllers: [CurationHttpController],
  providers: [
    { provide: ClaimsRepository, useFactory: ClaimsRepository.fromDataSource, inject: [DataSource] },
    { provide: ClaimMarksRepository, useFactory: ClaimMarksRepository.fromDataSource, inject: [DataSource] },
    TimelineProjectionSearchRepository,
    MarkClaimHandler,
    ListClaimMarksHandler,
  ],
})
export class CurationModule {}
