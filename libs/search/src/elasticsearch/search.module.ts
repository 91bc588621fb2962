import { Client } from '@elastic/elasticsearch';
import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TimelineSearchRepository } from '../timeline/timeline.search-repository';
import { ElasticsearchHealthIndicator } from './elasticsearch.health-indicator';
import { SearchIndexInstaller, sitrepIndexDefinitions } from './search-index.installer';
import { ELASTICSEARCH_CLIENT, SEARCH_OPTIONS } from './search.di-tokens';
import { DEFAULT_INDEX_PREFIX, SearchModuleOptions } from './search.options';

@Injectable()
class SearchLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client,
    @Inject(SEARCH_OPTIONS) private readonly options: SearchModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.installIndices === false) return;
    await new SearchIndexInstaller(this.client).install(
      sitrepIndexDefinitions(this.options.indexPrefix ?? DEFAULT_INDEX_PREFIX, {
        refreshIntervalMs: this.options.refreshIntervalMs,
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/** Elasticsearch: the client, index installation at start, the timeline repository and the health indicator. */
@Module({})
export class SearchModule {
  static forRoot(options: SearchModuleOptions): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: SEARCH_OPTIONS, useValue: options },
        {
          provide: ELASTICSEARCH_CLIENT,
          useFactory: () =>
            new Client({
              node: options.node,
              requestTimeout: options.requestTimeoutMs ?? 10_000,
              maxRetries: options.maxRetries ?? 3,
            }),
        },
        SearchLifecycle,
        ElasticsearchHealthIndicator,
        TimelineSearchRepository,
      ],
      exports: [ELASTICSEARCH_CLIENT, ElasticsearchHealthIndicator, TimelineSearchRepository],
    };
  }
}
