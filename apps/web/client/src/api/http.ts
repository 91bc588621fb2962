import { authHeaders } from './session';

/** The apps behind the web app's one origin (apps/web proxies each prefix). */
export const BASE = { core: '/api/core', ingest: '/api/ingest', alerts: '/api/alerts' } as const;
export type Upstream = keyof typeof BASE;

/** An RFC 9457 problem the apps answer with; `errors` lists class-validator messages when there are some. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: string[],
  ) {
    super(detail || title);
  }
}

type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(name, v));
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // not JSON: the status says enough
  }
  const messages = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.flatMap((v) =>
          typeof v === 'string'
            ? [v]
            : messages((v as { message?: unknown })?.message ?? (v as { detail?: unknown })?.detail),
        )
      : typeof value === 'string'
        ? [value]
        : [];
  const errors = [...messages(body.errors), ...messages(body.message)];
  const detail = typeof body.detail === 'string' ? body.detail : errors.join('; ');
  return new ApiError(response.status, String(body.title ?? response.statusText), detail, errors);
}

export async function request<T>(
  upstream: Upstream,
  path: string,
  init: { method?: string; body?: unknown; query?: Query; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders() };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withQuery(`${BASE[upstream]}${path}`, init.query), {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (!response.ok) throw await problemOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
