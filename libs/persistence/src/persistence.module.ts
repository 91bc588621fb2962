import { DynamicModule, Inject, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ARTICLE_REPOSITORY } from '@sitrep/domain';
import { DataSource } from 'typeorm';
import { ArticleRepository } from './articles/article.repository';
import { PostgresConnectionSettings, postgresDataSourceOptions } from './data-source.options';
import { DatabaseHealthIndicator } from './health/database.health-indicator';
import { runMigrations } from './run-migrations';

export interface PersistenceModuleOptions extends PostgresConnectionSettings {
  /** Apply pending migrations at start (under an advisory lock); for the apps that own tables. @default false */
  migrationsRun?: boolean;
  /** Attempts to connect at start before the app gives up. @default 5 */
  connectRetryAttempts?: number;
}

export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');

@Injectable()
class MigrateOnStart implements OnModuleInit {
  private readonly logger = new Logger('Migrations');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PERSISTENCE_OPTIONS) private readonly options: PersistenceModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.options.migrationsRun) return;
    const applied = await runMigrations(this.dataSource);
    this.logger.log(
      applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date',
    );
  }
}

/** PostgreSQL through TypeORM: the DataSource, migrations at start, repositories and the health indicator. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...postgresDataSourceOptions(options),
          retryAttempts: options.connectRetryAttempts ?? 5,
          retryDelay: 2000,
        }),
        TerminusModule,
      ],
      providers: [
        { provide: PERSISTENCE_OPTIONS, useValue: options },
        MigrateOnStart,
        DatabaseHealthIndicator,
        ArticleRepository,
        { provide: ARTICLE_REPOSITORY, useExisting: ArticleRepository },
      ],
      exports: [TypeOrmModule, DatabaseHealthIndicator, ArticleRepository, ARTICLE_REPOSITORY],
    };
  }
}
