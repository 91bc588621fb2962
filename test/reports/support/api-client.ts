import { createTestApiKey, TestApiKey } from '@sitrep/testing';

/**
 * Every HTTP call the reports tests make goes through here, so that authentication (an API key with the
 * `read` scope) is added in one place.
 */
export interface ApiResponse<T> {
  status: number;
  body: T;
  contentType: string | null;
  headers: Headers;
}

let readKey: Promise<TestApiKey> | undefined;

/** Uses this database for the key (the bench's own); call before the first request. */
export function useApiKeyDatabase(databaseUrl: string): void {
  readKey = createTestApiKey(['read'], { name: 'reports tests', databaseUrl });
}

/** Headers of every request: a key with the `read` scope, created once per process. */
export async function apiHeaders(): Promise<Record<string, string>> {
  return (await (readKey ??= createTestApiKey(['read'], { name: 'reports tests' }))).headers;
}

/** A raw fetch with the API's headers (for streamed bodies). */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, {
    ...init,
    headers: { ...(await apiHeaders()), ...(init.headers as Record<string, string>) },
  });
}

/** GET a JSON body. */
export async function apiGet<T>(url: string): Promise<ApiResponse<T>> {
  const response = await apiFetch(url);
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
  };
}
