/**
 * The analyst's session: the API key lives in sessionStorage (gone when the tab closes) and is sent as
 * `Authorization: Bearer` on every call; this is the one place that knows about it.
 */
const KEY = 'sitrep.apiKey';
const SCOPES = 'sitrep.scopes';

export type Scope = 'read' | 'ingest' | 'alerts' | 'admin';

export interface Session {
  key: string;
  scopes: Scope[];
}

export function currentSession(): Session | null {
  const key = sessionStorage.getItem(KEY);
  if (!key) return null;
  const scopes = JSON.parse(sessionStorage.getItem(SCOPES) ?? '[]') as Scope[];
  return { key, scopes };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, session.key);
  sessionStorage.setItem(SCOPES, JSON.stringify(session.scopes));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(SCOPES);
}

export function authHeaders(): Record<string, string> {
  const session = currentSession();
  return session ? { authorization: `Bearer ${session.key}` } : {};
}

export function can(session: Session | null, scope: Scope): boolean {
  return !!session && (session.scopes.includes(scope) || session.scopes.includes('admin'));
}
