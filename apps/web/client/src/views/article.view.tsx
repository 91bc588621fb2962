import type { JSX } from 'preact';
import { request } from '../api/http';
import type { ArticleText } from '../api/types';
import { typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';
import { Link } from '../router';

interface Span {
  start: number;
  end: number;
  kind: 'actor' | 'evidence';
  label: string;
  focus: boolean;
}

/**
 * Cuts the cleaned text at every span boundary and wraps the pieces: evidence as <mark>, actors as
 * <span class="actor">, nested where they overlap. Text goes in as text nodes: never as HTML.
 */
export function highlight(text: string, spans: Span[]): JSX.Element[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: JSX.Element[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let node: JSX.Element | string = text.slice(from, to);
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const actor = covering.find((s) => s.kind === 'actor');
    if (actor)
      node = (
        <span class="actor" title={actor.label}>
          {node}
        </span>
      );
    const evidence = covering.filter((s) => s.kind === 'evidence');
    if (evidence.length) {
      const focus = evidence.some((s) => s.focus);
      node = (
        <mark
          class={focus ? 'evidence-mark focus' : 'evidence-mark'}
          title={evidence.map((s) => s.label).join('; ')}
          data-focus={focus ? 'true' : undefined}
        >
          {node}
        </mark>
      );
    }
    out.push(<>{node}</>);
  }
  return out;
}

/** An article's cleaned text with its actors and its claims' evidence highlighted in place. */
export function ArticleView(props: { id: string; claim: string | null }) {
  const article = useAsync(
    (signal) => request<ArticleText>('core', `/v1/articles/${encodeURIComponent(props.id)}/text`, { signal }),
    [props.id],
  );
  const a = article.data;
  const spans: Span[] = a
    ? [
        ...a.actors.map((m) => ({
          start: m.start,
          end: m.end,
          kind: 'actor' as const,
          label: m.actor_id,
          focus: false,
        })),
        ...a.claims.map((c) => ({
          start: c.evidence.start,
          end: c.evidence.end,
          kind: 'evidence' as const,
          label: `${typeLabel(c.type)} ${c.source ?? '?'} → ${c.target ?? '?'}`,
          focus: c.id === props.claim,
        })),
      ]
    : [];
  const paragraphs = a ? splitParagraphs(a.text) : [];
  return (
    <main id="main">
      <ErrorBox error={article.error} />
      {a ? (
        <>
          <h1>{a.title ?? 'Untitled article'}</h1>
          <p class="muted">
            {a.outlet ?? 'unknown outlet'}
            {a.language ? ` (${a.language})` : ''}
            {a.published_at ? `, ${a.published_at.slice(0, 10)}` : ''}
            {a.url ? (
              <>
                {' · '}
                <a href={a.url} rel="noopener noreferrer nofollow" target="_blank">
                  original
                </a>
              </>
            ) : null}
          </p>
          <h2>Claims in this article</h2>
          <ul>
            {a.claims.map((c) => (
              <li key={c.id}>
                <Link href={`/clusters/${c.cluster_id}`}>
                  {typeLabel(c.type)}: {c.source ?? '?'} → {c.target ?? '?'}
                </Link>{' '}
                <span class="muted">
                  ({c.modality}, {c.status}
                  {c.claimant ? `, claimed by ${c.claimant}` : ''})
                </span>
              </li>
            ))}
          </ul>
          <h2>Text</h2>
          <p class="legend muted">
            <mark class="evidence-mark">evidence</mark> <span class="actor">actor</span>
          </p>
          <div class="article-text" lang={a.language ?? undefined}>
            {paragraphs.map((p) => (
              <p key={p.start}>{renderRange(a.text, spans, p.start, p.end)}</p>
            ))}
          </div>
        </>
      ) : article.loading ? (
        <p>Loading…</p>
      ) : null}
    </main>
  );
}

function splitParagraphs(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of text.matchAll(/\n+/g)) {
    if (match.index! > start) out.push({ start, end: match.index! });
    start = match.index! + match[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** The highlighted pieces of one paragraph [start, end) of the text. */
function renderRange(text: string, spans: Span[], start: number, end: number): JSX.Element[] {
  const local = spans
    .filter((s) => s.end > start && s.start < end)
    .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start }));
  return highlight(text.slice(start, end), local);
}
