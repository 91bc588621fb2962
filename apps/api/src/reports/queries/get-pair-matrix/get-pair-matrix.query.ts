import { Query } from '@nestjs/cqrs';
import type { MatrixFilter } from '@sitrep/persistence/reports/report-read.repository';
import type { MatrixDto } from '../../dto/report.response.dto';

/** Source x target counts (supplier x recipient for arms transfers) over the clusters of one type. */
export class GetPairMatrixQuery extends Query<MatrixDto> {
  constructor(readonly filter: MatrixFilter) {
    super();
  }
}
