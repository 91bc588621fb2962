/**
 * `npm run reindex`: rebuilds the timeline indices (claims, clusters) from PostgreSQL, the source of
 * truth, and swaps the aliases. Safe while the indexer runs. Reads DATABASE_URL, ELASTICSEARCH_URL and
 * ELASTICSEARCH_INDEX_PREFIX like the apps.
 */
import 'reflect-metadata';
import { Client } from '@elastic/elasticsearch';
import { loadEnv } from '@sitrep/domain/config';
import { createDataSource } from '@sitrep/persistence';
import { ClaimsRepository } from '@sitrep/persistence/claims';
import { SearchIndexInstaller, sitrepIndexDefinitions, TimelineSearchRepository } from '@sitrep/search';
import { TimelineProjectionSearchRepository } from '@sitrep/search/timeline/timeline-projection.search-repository';
import { IndexerEnvDto } from '../../config/env.dto';
import { TimelineRebuilder } from '../commands/rebuild-timeline/timeline.rebuilder';

async function main(): Promise<void> {
  const env = loadEnv(IndexerEnvDto);
  const dataSource = createDataSource({
    url: env.DATABASE_URL,
    poolSize: 2,
    applicationName: 'sitrep-reindex',
  });
  const client = new Client({ node: env.ELASTICSEARCH_URL, requestTimeout: 60_000 });
  await dataSource.initialize();
  try {
    // The templates give the new concrete indices their mappings.
    await new SearchIndexInstaller(client).install(
      sitrepIndexDefinitions(env.ELASTICSEARCH_INDEX_PREFIX, {
        refreshIntervalMs: env.ELASTICSEARCH_REFRESH_INTERVAL_MS,
      }),
    );
    const timeline = new TimelineSearchRepository(client, { indexPrefix: env.ELASTICSEARCH_INDEX_PREFIX });
    const rebuilder = new TimelineRebuilder(
      ClaimsRepository.fromDataSource(dataSource),
      new TimelineProjectionSearchRepository(client, timeline),
    );
    const report = await rebuilder.rebuild();
    console.log(
      `reindexed ${report.claims} claims and ${report.clusters} clusters into ${report.indices.claims}, ` +
        `${report.indices.clusters} in ${report.seconds.toFixed(1)} s; caught up ${report.caughtUp}; ` +
        `removed ${report.removed.join(', ') || 'nothing'}`,
    );
  } finally {
    await dataSource.destroy();
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
