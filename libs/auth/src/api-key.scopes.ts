/** What a key may do. `admin` manages keys and grants every other scope too. */
export const API_KEY_SCOPES = ['read', 'ingest', 'alerts', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const isApiKeyScope = (value: string): value is ApiKeyScope =>
  (API_KEY_SCOPES as readonly string[]).includes(value);

/** Whether a key with `held` scopes may call a route that needs any one of `required`. */
export const grantsAnyOf = (held: readonly string[], required: readonly ApiKeyScope[]): boolean =>
  held.includes('admin') || required.some((scope) => held.includes(scope));
