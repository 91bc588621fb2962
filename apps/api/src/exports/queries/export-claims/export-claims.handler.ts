import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RowStreamRepository } from '@sitrep/persistence/reports/row-stream.repository';
import { CLAIM_COLUMNS, claimExportRow, ClaimSqlRow } from '../../export.columns';
import { CONTENT_TYPES, formatRows, mapRows } from '../../export.formats';
import { claimsExportSql } from '../../export.sql';
import type { ExportStream } from '../../export.stream';
import { ROW_STREAM_REPOSITORY } from '../../exports.di-tokens';
import { ExportClaimsQuery } from './export-claims.query';

@QueryHandler(ExportClaimsQuery)
export class ExportClaimsHandler implements IQueryHandler<ExportClaimsQuery> {
  constructor(@Inject(ROW_STREAM_REPOSITORY) private readonly rows: RowStreamRepository) {}

  async execute({ filter, format }: ExportClaimsQuery): Promise<ExportStream> {
    const sql = claimsExportSql(filter);
    return {
      rows: await this.rows.stream(sql.text, sql.params),
      stages: [mapRows<ClaimSqlRow>(claimExportRow), formatRows(format, CLAIM_COLUMNS)],
      contentType: CONTENT_TYPES[format],
      filename: `sitrep-claims.${format}`,
    };
  }
}
