import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/http';
import { saveSession, Scope, Session } from '../api/session';
import { ErrorBox } from '../components/error-box';

/**
 * What the key may do, asked of the apps themselves: a read of the api (401 for an unknown key, which
 * is shown; 403 when it lacks `read`) and a read of the alerts app (`alerts`). The apps enforce the
 * same scopes whatever the workspace shows.
 */
async function probeScopes(): Promise<Scope[]> {
  const allowed = (probe: Promise<unknown>) =>
    probe.then(
      () => true,
      (e) => {
        if (e instanceof ApiError && e.status === 403) return false;
        throw e;
      },
    );
  const [read, alerts] = await Promise.all([
    allowed(request('core', '/v1/actors', { query: { q: 'a', limit: 1 } })),
    allowed(request('alerts', '/v1/alerts', { query: { limit: 1 } })),
  ]);
  const scopes: Scope[] = [];
  if (read) scopes.push('read');
  if (alerts) scopes.push('alerts');
  return scopes;
}

/** Sign in with an API key, kept in sessionStorage only (this tab); a refused key shows the apps' 401 problem. */
export function SignInView(props: { onSignedIn: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    saveSession({ key: key.trim(), scopes: [] });
    try {
      const session = { key: key.trim(), scopes: await probeScopes() };
      saveSession(session);
      props.onSignedIn(session);
    } catch (e) {
      sessionStorage.clear();
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="sign-in">
      <h1>Sitrep analyst workspace</h1>
      <form onSubmit={submit} class="card">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          required
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
        />
        <p class="hint">Kept in this tab only (sessionStorage) and sent as a Bearer token.</p>
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <ErrorBox error={error} />
      </form>
    </main>
  );
}
