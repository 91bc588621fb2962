import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RowStreamRepository } from '@sitrep/persistence/reports/row-stream.repository';
import { CLUSTER_COLUMNS, clusterExportRow, ClusterSqlRow } from '../../export.columns';
import { CONTENT_TYPES, formatRows, mapRows } from '../../export.formats';
import { clustersExportSql } from '../../export.sql';
import type { ExportStream } from '../../export.stream';
import { ROW_STREAM_REPOSITORY } from '../../exports.di-tokens';
import { ExportClustersQuery } from './export-clusters.query';

@QueryHandler(ExportClustersQuery)
export class ExportClustersHandler implements IQueryHandler<ExportClustersQuery> {
  constructor(@Inject(ROW_STREAM_REPOSITORY) private readonly rows: RowStreamRepository) {}

  async execute({ filter, format, filename }: ExportClustersQuery): Promise<ExportStream> {
    const sql = clustersExportSql(filter);
    return {
      rows: await this.rows.stream(sql.text, sql.params),
      stages: [mapRows<ClusterSqlRow>(clusterExportRow), formatRows(format, CLUSTER_COLUMNS)],
      contentType: CONTENT_TYPES[format],
      filename: `${filename}.${format}`,
    };
  }
}
