import { Query } from '@nestjs/cqrs';
import type { ExportStream } from '../../export.stream';
import type { ExportFormat } from '../../export.formats';
import type { ClaimExportFilter } from '../../export.sql';

/** Claims as CSV or NDJSON, streamed from a PostgreSQL cursor. */
export class ExportClaimsQuery extends Query<ExportStream> {
  constructor(
    readonly filter: ClaimExportFilter,
    readonly format: ExportFormat,
  ) {
    super();
  }
}
