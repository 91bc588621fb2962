/** Options of {@link SearchModule}. */
export interface SearchModuleOptions {
  /** `http://host:9200` */
  node: string;
  /** Prefix of every index, alias and template name. @default 'sitrep-' */
  indexPrefix?: string;
  /** Install the index templates and create the aliased indices at start (idempotent). @default true */
  installIndices?: boolean;
  /** Refresh interval of the timeline indices, applied to existing ones at start too. @default 200 */
  refreshIntervalMs?: number;
  /** Per-request timeout of the client. @default 10000 */
  requestTimeoutMs?: number;
  /** Retries of a failed request (connection errors, 502-504). @default 3 */
  maxRetries?: number;
}

export const DEFAULT_INDEX_PREFIX = 'sitrep-';
