import { Client } from '@elastic/elasticsearch';
import { testElasticsearchUrl, uniqueName } from '@sitrep/testing';
import { timelineIndexNames } from '../timeline/timeline-index.definitions';
import { SearchIndexInstaller, sitrepIndexDefinitions } from './search-index.installer';

describe(SearchIndexInstaller.name, () => {
  const client = new Client({ node: testElasticsearchUrl() });
  const prefix = `${uniqueName('installer', '-')}-`;
  const sut = new SearchIndexInstaller(client);
  const names = timelineIndexNames(prefix);

  const refreshIntervals = async (): Promise<Array<string | undefined>> => {
    const settings = await client.indices.getSettings({ index: [names.claims, names.clusters] });
    return Object.values(settings).map(
      (index) => index.settings?.index?.refresh_interval as string | undefined,
    );
  };

  afterAll(async () => {
    await sut.uninstall(sitrepIndexDefinitions(prefix));
    await client.close();
  });

  it('should create the timeline indices with the given refresh interval, and change it on existing ones', async () => {
    await sut.install(sitrepIndexDefinitions(prefix, { refreshIntervalMs: 1500 }));
    expect(await refreshIntervals()).toEqual(['1500ms', '1500ms']);

    await sut.install(sitrepIndexDefinitions(prefix, { refreshIntervalMs: 300 }));

    expect(await refreshIntervals()).toEqual(['300ms', '300ms']);
  });

  it('should keep 200 ms when no interval is given', async () => {
    await sut.install(sitrepIndexDefinitions(prefix));

    expect(await refreshIntervals()).toEqual(['200ms', '200ms']);
  });
});
