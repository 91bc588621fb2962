import { useEffect, useState } from 'preact/hooks';
import { can, currentSession, endSession, Scope, Session } from './api/session';
import { Link, navigate, useLocation } from './router';
import { ActorView } from './views/actor.view';
import { AlertsView } from './views/alerts.view';
import { ArticleView } from './views/article.view';
import { ClusterView } from './views/cluster.view';
import { CurationView } from './views/curation.view';
import { NetworkView } from './views/network.view';
import { RulesView } from './views/rules.view';
import { SearchView } from './views/search.view';
import { SignInView } from './views/sign-in.view';

/** The views, each shown to keys that hold its scope (the apps enforce the same scopes). */
const NAV: Array<{ href: string; label: string; scope: Scope; match: (p: string) => boolean }> = [
  { href: '/', label: 'Search', scope: 'read', match: (p) => p === '/' || p.startsWith('/actors') },
  { href: '/network', label: 'Network', scope: 'read', match: (p) => p.startsWith('/network') },
  { href: '/alerts', label: 'Live alerts', scope: 'alerts', match: (p) => p.startsWith('/alerts') },
  { href: '/rules', label: 'Rules', scope: 'alerts', match: (p) => p.startsWith('/rules') },
  { href: '/curation', label: 'Curation', scope: 'read', match: (p) => p.startsWith('/curation') },
];

function route(path: string, query: URLSearchParams, session: Session) {
  const [, first, id] = path.split('/').map(decodeURIComponent);
  switch (first) {
    case '':
      return <SearchView key={query.get('q')} q={query.get('q') ?? ''} />;
    case 'actors':
      return <ActorView id={id} query={query} />;
    case 'clusters':
      return <ClusterView id={id} session={session} />;
    case 'articles':
      return <ArticleView id={id} claim={query.get('claim')} />;
    case 'network':
      return <NetworkView query={query} />;
    case 'alerts':
      return can(session, 'alerts') ? <AlertsView /> : <NeedsScope scope="alerts" />;
    case 'rules':
      return <RulesView session={session} />;
    case 'curation':
      return <CurationView />;
    default:
      return (
        <main id="main">
          <h1>Not found</h1>
          <p>
            <Link href="/">Back to search</Link>
          </p>
        </main>
      );
  }
}

function NeedsScope(props: { scope: Scope }) {
  return (
    <main id="main">
      <h1>Not with this key</h1>
      <p>This view needs a key with the {props.scope} scope.</p>
    </main>
  );
}

export function App() {
  const [session, setSession] = useState<Session | null>(currentSession());
  const { path, query } = useLocation();
  // Move focus to the new page's heading so keyboard and screen-reader users land on the content.
  useEffect(() => {
    if (path === '/') return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }, [path]);
  useEffect(() => {
    const h1 = document.querySelector('main h1')?.textContent;
    document.title = h1 ? `${h1} · Sitrep` : 'Sitrep workspace';
  });
  if (!session) return <SignInView onSignedIn={setSession} />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/" class="brand">
          Sitrep
        </Link>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((n) => can(session, n.scope)).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={n.match(path) ? 'page' : undefined}>
                  {n.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <button
          type="button"
          class="sign-out"
          onClick={() => {
            endSession();
            setSession(null);
            navigate('/');
          }}
        >
          Sign out
        </button>
      </header>
      {route(path, query, session)}
    </>
  );
}
