import { Client, errors, estypes } from '@elastic/elasticsearch';
import { Logger } from '@nestjs/common';
import {
  CLAIMS_MAPPINGS,
  CLUSTERS_MAPPINGS,
  TIMELINE_INDEX_SETTINGS,
  timelineIndexNames,
} from '../timeline/timeline-index.definitions';

/** One aliased index: reads and writes go through `alias`; the concrete indices match `<alias>-*`. */
export interface AliasedIndexDefinition {
  alias: string;
  mappings: estypes.MappingTypeMapping;
  settings: estypes.IndicesIndexSettings;
}

/**
 * The indices Sitrep needs for a given name prefix.
 * @param options.refreshIntervalMs the timeline indices' refresh interval. @default TIMELINE_INDEX_SETTINGS' (200 ms)
 */
export const sitrepIndexDefinitions = (
  prefix: string,
  options: { refreshIntervalMs?: number } = {},
): AliasedIndexDefinition[] => {
  const names = timelineIndexNames(prefix);
  const settings: estypes.IndicesIndexSettings = {
    ...TIMELINE_INDEX_SETTINGS,
    ...(options.refreshIntervalMs ? { refresh_interval: `${options.refreshIntervalMs}ms` } : {}),
  };
  return [
    { alias: names.claims, mappings: CLAIMS_MAPPINGS, settings },
    { alias: names.clusters, mappings: CLUSTERS_MAPPINGS, settings },
  ];
};

/** The concrete index created first for an alias; a later rebuild creates another and moves the alias. */
export const firstIndexOf = (alias: string): string => `${alias}-000001`;

const isAlreadyExists = (error: unknown): boolean =>
  error instanceof errors.ResponseError && error.body?.error?.type === 'resource_already_exists_exception';

/**
 * Installs index templates and the first aliased index of each definition. Idempotent and safe to run
 * from several apps at once; an existing index only gets the new fields of its mapping (additive
 * changes) and the refresh interval (a dynamic setting), a conflicting change fails loudly because it
 * needs a rebuild into a new index.
 */
export class SearchIndexInstaller {
  private readonly logger = new Logger(SearchIndexInstaller.name);

  constructor(private readonly client: Client) {}

  async install(definitions: AliasedIndexDefinition[]): Promise<void> {
    for (const definition of definitions) await this.installOne(definition);
  }

  private async installOne({ alias, mappings, settings }: AliasedIndexDefinition): Promise<void> {
    await this.client.indices.putIndexTemplate({
      name: alias,
      index_patterns: [`${alias}-*`],
      priority: 100,
      template: { settings, mappings },
      _meta: { managed_by: 'sitrep' },
    });
    if (await this.client.indices.existsAlias({ name: alias })) {
      await this.client.indices.putMapping({ index: alias, ...mappings });
      if (settings.refresh_interval !== undefined)
        await this.client.indices.putSettings({
          index: alias,
          settings: { refresh_interval: settings.refresh_interval },
        });
      return;
    }
    try {
      await this.client.indices.create({
        index: firstIndexOf(alias),
        aliases: { [alias]: { is_write_index: true } },
      });
      this.logger.log(`created index ${firstIndexOf(alias)} behind alias ${alias}`);
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }

  /** Removes the indices and templates of the definitions (tests). */
  async uninstall(definitions: AliasedIndexDefinition[]): Promise<void> {
    for (const { alias } of definitions) {
      await this.client.indices.delete({
        index: `${alias}-*`,
        ignore_unavailable: true,
        allow_no_indices: true,
      });
      await this.client.indices.deleteIndexTemplate({ name: alias }).catch((error: unknown) => {
        if (!(error instanceof errors.ResponseError && error.statusCode === 404)) throw error;
      });
    }
  }
}
