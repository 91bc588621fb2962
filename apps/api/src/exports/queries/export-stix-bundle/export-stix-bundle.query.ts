import { Query } from '@nestjs/cqrs';
import type { ExportStream } from '../../export.stream';
import type { ClaimExportFilter } from '../../export.sql';

/** Claims as one STIX 2.1 bundle: identities for actors, relationships (or reports) for claims. */
export class ExportStixBundleQuery extends Query<ExportStream> {
  constructor(readonly filter: ClaimExportFilter) {
    super();
  }
}
