import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/http';
import type { Actor } from '../api/types';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';
import { Link, navigate } from '../router';

/** Actor search by any alias in any language ("Korut", "DPRK", "Pyongyang" all find North Korea). */
export function SearchView(props: { q: string }) {
  const [text, setText] = useState(props.q);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const results = useAsync(
    (signal) =>
      props.q
        ? request<{ items: Actor[] }>('core', '/v1/actors', { query: { q: props.q, limit: 20 }, signal })
        : Promise.resolve({ items: [] }),
    [props.q],
  );
  return (
    <main id="main">
      <h1>Find an actor</h1>
      <form
        role="search"
        class="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <label for="actor-q">Name or alias, any language</label>
        <input
          id="actor-q"
          ref={input}
          type="search"
          value={text}
          placeholder="Korut, DPRK, Pyongyang…"
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <button type="submit">Search</button>
      </form>
      <ErrorBox error={results.error} />
      {props.q && results.data ? (
        <section aria-live="polite">
          <h2>
            {results.data.items.length} actor{results.data.items.length === 1 ? '' : 's'} for “{props.q}”
          </h2>
          <ul class="results">
            {results.data.items.map((actor) => (
              <li key={actor.id}>
                <Link href={`/actors/${encodeURIComponent(actor.id)}`}>
                  <strong>{actor.name}</strong>{' '}
                  <span class="muted">
                    ({actor.id}, {actor.kind})
                  </span>
                </Link>
                {actor.alias && actor.alias !== actor.name ? (
                  <span class="muted"> matched “{actor.alias}”</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
