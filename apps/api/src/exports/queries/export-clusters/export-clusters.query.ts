import { Query } from '@nestjs/cqrs';
import type { ExportStream } from '../../export.stream';
import type { ExportFormat } from '../../export.formats';
import type { ClusterExportFilter } from '../../export.sql';

/** Clusters (events; an actor's timeline when filtered by actor) as CSV or NDJSON, streamed. */
export class ExportClustersQuery extends Query<ExportStream> {
  constructor(
    readonly filter: ClusterExportFilter,
    readonly format: ExportFormat,
    readonly filename = 'sitrep-clusters',
  ) {
    super();
  }
}
