import { useEffect, useState } from 'preact/hooks';
import { can, currentSession, endSession, Session } from './api/session';
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

const NAV = [
  { href: '/', label: 'Search', match: (p: string) => p === '/' || p.startsWith('/actors') },
  { href: '/network', label: 'Network', match: (p: string) => p.startsWith('/network') },
  { href: '/alerts', label: 'Live alerts', match: (p: string) => p.startsWith('/alerts') },
  { href: '/rules', label: 'Rules', match: (p: string) => p.startsWith('/rules') },
  { href: '/curation', label: 'Curation', match: (p: string) => p.startsWith('/curation') },
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
      return <AlertsView />;
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
            {NAV.filter((n) => n.href !== '/rules' || can(session, 'read')).map((n) => (
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
