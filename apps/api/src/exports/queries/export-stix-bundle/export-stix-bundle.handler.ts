import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { RowStreamRepository } from '@sitrep/persistence/reports/row-stream.repository';
import { ActorDirectory } from '../../../timeline/actor.directory';
import { claimsExportSql } from '../../export.sql';
import type { ExportStream } from '../../export.stream';
import { ROW_STREAM_REPOSITORY } from '../../exports.di-tokens';
import { stixBundleWriter } from '../../stix/stix-bundle.writer';
import { ExportStixBundleQuery } from './export-stix-bundle.query';

export const STIX_CONTENT_TYPE = 'application/stix+json;version=2.1';

@QueryHandler(ExportStixBundleQuery)
export class ExportStixBundleHandler implements IQueryHandler<ExportStixBundleQuery> {
  constructor(
    @Inject(ROW_STREAM_REPOSITORY) private readonly rows: RowStreamRepository,
    private readonly actors: ActorDirectory,
  ) {}

  async execute({ filter }: ExportStixBundleQuery): Promise<ExportStream> {
    const sql = claimsExportSql(filter, { withCluster: true });
    return {
      rows: await this.rows.stream(sql.text, sql.params),
      stages: [stixBundleWriter((id) => this.actors.find(id))],
      contentType: STIX_CONTENT_TYPE,
      filename: 'sitrep-bundle.json',
    };
  }
}
