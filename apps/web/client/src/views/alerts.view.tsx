import { createParser } from 'eventsource-parser';
import { useEffect, useState } from 'preact/hooks';
import { BASE, request } from '../api/http';
import { authHeaders } from '../api/session';
import type { AlertItem } from '../api/types';
import { typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { Link } from '../router';

type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Follows GET /v1/alerts/stream with fetch (EventSource cannot send the Authorization header), parsing
 * the Server-Sent Events with eventsource-parser; on a drop it reconnects from the last seq it saw.
 */
function followAlerts(
  after: string | null,
  onAlert: (alert: AlertItem) => void,
  onState: (state: StreamState) => void,
): () => void {
  const abort = new AbortController();
  let last = after;
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await fetch(`${BASE.alerts}/v1/alerts/stream`, {
          headers: {
            accept: 'text/event-stream',
            ...authHeaders(),
            ...(last ? { 'last-event-id': last } : {}),
          },
          signal: abort.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onState('live');
        const parser = createParser({
          onEvent(event) {
            if (event.event && event.event !== 'alert') return;
            if (event.id) last = event.id;
            onAlert(JSON.parse(event.data) as AlertItem);
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return () => abort.abort();
}

/** Live alerts: the latest ones, then each new one as it happens, without reloading. */
export function AlertsView() {
  const [alerts, setAlerts] = useState<AlertItem[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let stop = () => {};
    let cancelled = false;
    request<{ items: AlertItem[] }>('alerts', '/v1/alerts', { query: { limit: 20 } }).then(
      (page) => {
        if (cancelled) return;
        setAlerts(page.items);
        const newest = page.items[0]?.seq ?? null;
        stop = followAlerts(
          newest,
          (alert) => setAlerts((list) => [alert, ...list.filter((a) => a.seq !== alert.seq)].slice(0, 200)),
          setState,
        );
      },
      (e) => setError(e),
    );
    return () => {
      cancelled = true;
      stop();
    };
  }, []);
  return (
    <main id="main">
      <h1>Live alerts</h1>
      <p class="muted" role="status">
        Stream: {state}
      </p>
      <ErrorBox error={error} />
      <ol class="alerts" aria-live="polite" aria-relevant="additions">
        {alerts.map((alert) => (
          <li key={alert.seq} class="card alert" data-seq={alert.seq}>
            <AlertCard alert={alert} />
          </li>
        ))}
      </ol>
      {alerts.length === 0 && !error ? <p>No alerts yet: new ones appear here as they happen.</p> : null}
    </main>
  );
}

function AlertCard(props: { alert: AlertItem }) {
  const b = props.alert.body;
  const c = b.cluster;
  return (
    <article>
      <h2>
        <Link href={`/clusters/${c.id}`}>
          {typeLabel(c.type)}: {c.source ?? '?'} → {c.target ?? '?'}
        </Link>
      </h2>
      <p class="muted">
        Rule “{b.rule.name}”, trigger {b.trigger}, {c.status}, {c.modality}
        {props.alert.created_at ? `, ${props.alert.created_at}` : ''}
      </p>
      {b.evidence ? <blockquote class="evidence">{b.evidence}</blockquote> : null}
    </article>
  );
}
