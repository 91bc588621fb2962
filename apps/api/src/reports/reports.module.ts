import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReportReadRepository } from '@sitrep/persistence/reports/report-read.repository';
import { TimelineModule } from '../timeline/timeline.module';
import { GetActorDossierHandler } from './queries/get-actor-dossier/get-actor-dossier.handler';
import { GetPairMatrixHandler } from './queries/get-pair-matrix/get-pair-matrix.handler';
import { GetTrendsHandler } from './queries/get-trends/get-trends.handler';
import { ReportsHttpController } from './reports.http.controller';

/** Reports for report builders (dossier, matrix, trends): SQL aggregates over PostgreSQL. */
@Module({
  imports: [CqrsModule, TimelineModule],
  controllers: [ReportsHttpController],
  providers: [ReportReadRepository, GetActorDossierHandler, GetPairMatrixHandler, GetTrendsHandler],
})
export class ReportsModule {}
