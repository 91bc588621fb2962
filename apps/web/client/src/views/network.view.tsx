import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api/http';
import type { Network, NetworkEdge } from '../api/types';
import { CLAIM_TYPES } from '../api/vocabulary';
import { typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';
import { Link, navigate } from '../router';

const edgeId = (e: NetworkEdge) => `${e.type}:${e.source}->${e.target}`;

/**
 * Actors linked by claims (arms transfers by default), drawn with Cytoscape.js: edge width by the number
 * of events; clicking an edge (or choosing it in the table, for keyboards) lists its events.
 */
export function NetworkView(props: { query: URLSearchParams }) {
  const types = props.query.getAll('types').length ? props.query.getAll('types') : ['arms_transfer'];
  const from = props.query.get('from') ?? '';
  const to = props.query.get('to') ?? '';
  const network = useAsync(
    (signal) => request<Network>('core', '/v1/network', { query: { types, from, to }, signal }),
    [types.join(','), from, to],
  );
  const [selected, setSelected] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const data = network.data;

  useEffect(() => {
    if (!container.current || !data) return;
    const max = Math.max(1, ...data.edges.map((e) => e.clusters));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...data.nodes.map((n) => ({ data: { id: n.id, label: n.id } })),
        ...data.edges.map((e) => ({
          data: {
            id: edgeId(e),
            source: e.source,
            target: e.target,
            width: 1 + (7 * e.clusters) / max,
            label: String(e.clusters),
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'background-color': '#0b5394',
            color: '#111',
            'font-size': 12,
            'text-valign': 'bottom',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'line-color': '#a33',
            'target-arrow-color': '#a33',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            label: 'data(label)',
            'font-size': 10,
          },
        },
        { selector: 'edge:selected', style: { 'line-color': '#111', 'target-arrow-color': '#111' } },
      ],
      layout: { name: data.nodes.length > 40 ? 'circle' : 'cose', animate: false },
    });
    cy.on('tap', 'edge', (event) => setSelected(event.target.id() as string));
    return () => cy.destroy();
  }, [data]);

  const edge = data?.edges.find((e) => edgeId(e) === selected) ?? null;
  function submit(event: Event) {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const [k, v] of form.entries()) if (typeof v === 'string' && v) params.append(k, v);
    navigate(`/network?${params.toString()}`);
  }
  return (
    <main id="main">
      <h1>Network</h1>
      <form class="card" onSubmit={submit} aria-label="Network filters" key={props.query.toString()}>
        <fieldset>
          <legend>Claim types</legend>
          {CLAIM_TYPES.map((t) => (
            <label class="check" key={t}>
              <input type="checkbox" name="types" value={t} defaultChecked={types.includes(t)} />{' '}
              {typeLabel(t)}
            </label>
          ))}
        </fieldset>
        <label>
          From <input type="date" name="from" defaultValue={from} />
        </label>{' '}
        <label>
          To <input type="date" name="to" defaultValue={to} />
        </label>{' '}
        <button type="submit">Show</button>
      </form>
      <ErrorBox error={network.error} />
      <div class="network-layout">
        <div
          ref={container}
          class="graph"
          role="img"
          aria-label={
            data
              ? `Graph of ${data.nodes.length} actors and ${data.edges.length} links; the table lists them`
              : 'Graph'
          }
        />
        <section aria-labelledby="edges-h" class="edges">
          <h2 id="edges-h">Links ({data?.edges.length ?? 0})</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Type</th>
                <th scope="col">Events</th>
              </tr>
            </thead>
            <tbody>
              {data?.edges.map((e) => (
                <tr key={edgeId(e)} class={edgeId(e) === selected ? 'selected' : ''}>
                  <td>{e.source}</td>
                  <td>{e.target}</td>
                  <td>{typeLabel(e.type)}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      aria-pressed={edgeId(e) === selected}
                      onClick={() => setSelected(edgeId(e))}
                    >
                      {e.clusters} event{e.clusters === 1 ? '' : 's'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {edge ? (
        <section aria-labelledby="edge-h" class="card" aria-live="polite">
          <h2 id="edge-h">
            {typeLabel(edge.type)}: {edge.source} → {edge.target}
          </h2>
          <ul>
            {edge.cluster_ids.map((id) => (
              <li key={id}>
                <Link href={`/clusters/${id}`}>{id}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
