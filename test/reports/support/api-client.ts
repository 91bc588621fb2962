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

/** Headers of every request. */
export function apiHeaders(): Record<string, string> {
  return {};
}

/** A raw fetch with the API's headers (for streamed bodies). */
export function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { ...apiHeaders(), ...(init.headers as Record<string, string>) } });
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
