import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RowStreamRepository } from '@sitrep/persistence/reports/row-stream.repository';
import { ApiEnvDto } from '../config/env.dto';
import { TimelineModule } from '../timeline/timeline.module';
import { ExportsHttpController } from './exports.http.controller';
import { ROW_STREAM_REPOSITORY } from './exports.di-tokens';
import { ExportClaimsHandler } from './queries/export-claims/export-claims.handler';
import { ExportClustersHandler } from './queries/export-clusters/export-clusters.handler';
import { ExportStixBundleHandler } from './queries/export-stix-bundle/export-stix-bundle.handler';

/** Streamed exports (CSV, NDJSON, STIX 2.1) from PostgreSQL cursors on a pool of their own. */
@Module({})
export class ExportsModule implements OnModuleDestroy {
  constructor(@Inject(ROW_STREAM_REPOSITORY) private readonly rows: RowStreamRepository) {}

  static register(env: ApiEnvDto): DynamicModule {
    return {
      module: ExportsModule,
      imports: [CqrsModule, TimelineModule],
      controllers: [ExportsHttpController],
      providers: [
        {
          provide: ROW_STREAM_REPOSITORY,
          useFactory: () =>
            new RowStreamRepository({
              url: env.DATABASE_URL,
              maxConcurrent: env.EXPORT_MAX_CONCURRENT,
              applicationName: 'sitrep-api-export',
            }),
        },
        ExportClaimsHandler,
        ExportClustersHandler,
        ExportStixBundleHandler,
      ],
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.rows.close();
  }
}
