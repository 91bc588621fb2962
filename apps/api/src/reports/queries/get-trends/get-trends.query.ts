import { Query } from '@nestjs/cqrs';
import type { TrendFilter } from '@sitrep/persistence/reports/report-read.repository';
import type { TrendsDto } from '../../dto/report.response.dto';

/** Claims, clusters and articles per week or month of the report date. */
export class GetTrendsQuery extends Query<TrendsDto> {
  constructor(readonly filter: TrendFilter) {
    super();
  }
}
