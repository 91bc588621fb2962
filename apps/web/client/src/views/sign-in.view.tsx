import { useState } from 'preact/hooks';
import { request } from '../api/http';
import { saveSession, Scope, Session } from '../api/session';
import { ErrorBox } from '../components/error-box';

/**
 * Sign in with an API key: the key is checked against the api (`GET /v1/auth/me` answers its name and
 * scopes) and kept in sessionStorage only; a refused key shows the api's 401 problem.
 */
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
      const me = await request<{ scopes: Scope[] }>('core', '/v1/auth/me');
      const session = { key: key.trim(), scopes: me.scopes };
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
