import { ElasticsearchEnv } from '@sitrep/domain/config';
import { SearchModuleOptions } from './search.options';

/** SearchModule options from the shared env variables. */
export const searchOptionsFromEnv = (env: ElasticsearchEnv): SearchModuleOptions => ({
  node: env.ELASTICSEARCH_URL,
  indexPrefix: env.ELASTICSEARCH_INDEX_PREFIX,
  refreshIntervalMs: env.ELASTICSEARCH_REFRESH_INTERVAL_MS,
});
