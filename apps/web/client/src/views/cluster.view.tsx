import { useState } from 'preact/hooks';
import { ApiError, request } from '../api/http';
import { can, Session } from '../api/session';
import type { ClaimMark, ClaimView, ClusterDetail } from '../api/types';
import { Badge, ClaimBadges, typeLabel } from '../components/badges';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';
import { Link } from '../router';

/** One event (cluster): its summary and its claims, each with its evidence, article and curation. */
export function ClusterView(props: { id: string; session: Session | null }) {
  const cluster = useAsync(
    (signal) => request<ClusterDetail>('core', `/v1/clusters/${encodeURIComponent(props.id)}`, { signal }),
    [props.id],
  );
  const [marked, setMarked] = useState<ClaimMark | null>(null);
  const c = cluster.data;
  // The event's last claim marked wrong: the api no longer knows the event (404), which is the point.
  const emptied =
    marked?.verdict === 'wrong' && cluster.error instanceof ApiError && cluster.error.status === 404;
  return (
    <main id="main">
      {marked ? (
        <p role="status" class="note">
          Marked {marked.verdict}
          {marked.verdict === 'wrong'
            ? ': the claim no longer counts in the timeline, alerts and reports (it stays in the curation list).'
            : '.'}
          {emptied ? ' This event has no claims left and has left the timeline.' : ''}
        </p>
      ) : null}
      {emptied ? <h1>Event removed by curation</h1> : <ErrorBox error={cluster.error} />}
      {c ? (
        <>
          <h1>
            {typeLabel(c.type)}: {c.source ? <Link href={`/actors/${c.source}`}>{c.source}</Link> : '?'} →{' '}
            {c.target ? <Link href={`/actors/${c.target}`}>{c.target}</Link> : '?'}
          </h1>
          <p>
            <ClaimBadges
              status={c.status}
              modality={c.modality}
              contradicted={c.contradicted}
              sanctions={c.sanctions}
            />
            <Badge kind="sources" label="independent sources" value={c.independent_source_count} />
          </p>
          {c.items.length ? <p>Items: {c.items.join(', ')}</p> : null}
          {c.sanctions.instruments.length ? (
            <p>Sanctions instrument: {c.sanctions.instruments.join(', ')}</p>
          ) : null}
          {c.contradicted ? (
            <p class="note">
              Contradicted: {c.contradiction_claim_ids.length} claim(s) deny what the others say.
            </p>
          ) : null}
          <h2>Claims ({c.claims.length})</h2>
          <ol class="claims">
            {c.claims.map((claim) => (
              <li key={claim.id}>
                <ClaimCard
                  claim={claim}
                  contradicts={c.contradiction_claim_ids.includes(claim.id)}
                  canCurate={can(props.session, 'alerts')}
                  onMarked={(mark) => {
                    setMarked(mark);
                    cluster.reload();
                  }}
                />
              </li>
            ))}
          </ol>
          {c.claims.length === 0 ? <p>Every claim of this event was marked wrong or replaced.</p> : null}
        </>
      ) : cluster.loading ? (
        <p>Loading…</p>
      ) : null}
    </main>
  );
}

function ClaimCard(props: {
  claim: ClaimView;
  contradicts: boolean;
  canCurate: boolean;
  onMarked: (mark: ClaimMark) => void;
}) {
  const claim = props.claim;
  return (
    <article class="claim card" data-claim={claim.id}>
      <h3>
        {claim.source ?? '?'} → {claim.target ?? '?'} <span class="muted">({typeLabel(claim.type)})</span>
      </h3>
      <ClaimBadges status={claim.status} modality={claim.modality} sanctions={claim.sanctions} />
      {props.contradicts ? <Badge kind="contradicted" label="contradicts the event" /> : null}
      {claim.mark ? (
        <Badge kind={`mark-${claim.mark.verdict}`} label="analyst" value={claim.mark.verdict} />
      ) : null}
      <blockquote class="evidence">{claim.evidence.text}</blockquote>
      <p class="muted">
        {claim.claimant ? `Claimant: ${claim.claimant}. ` : ''}
        {claim.article.outlet ?? 'unknown outlet'}
        {claim.article.language ? ` (${claim.article.language})` : ''}
        {claim.article.published_at ? `, ${claim.article.published_at.slice(0, 10)}` : ''}
        {claim.instrument ? `. Instrument: ${claim.instrument}` : ''}
      </p>
      <p>
        <Link href={`/articles/${claim.article.id}?claim=${claim.id}`}>
          Open the article{claim.article.title ? `: ${claim.article.title}` : ''}
        </Link>
      </p>
      {props.canCurate ? <CurationForm claim={claim} onMarked={props.onMarked} /> : null}
    </article>
  );
}

/** Mark a claim wrong (with a reason: it leaves the timeline, alerts and reports) or confirmed. */
export function CurationForm(props: { claim: ClaimView; onMarked: (mark: ClaimMark) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const id = `reason-${props.claim.id}`;
  async function mark(verdict: 'wrong' | 'confirmed') {
    setError(null);
    try {
      const saved = await request<ClaimMark>('core', `/v1/claims/${props.claim.id}/mark`, {
        method: 'PUT',
        body: { verdict, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      props.onMarked(saved);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form class="curation" onSubmit={(e) => e.preventDefault()} aria-label={`Curate claim ${props.claim.id}`}>
      <label for={id}>Reason (required to mark wrong)</label>
      <input
        id={id}
        value={reason}
        maxLength={500}
        onInput={(e) => setReason((e.target as HTMLInputElement).value)}
      />
      <button type="button" onClick={() => mark('wrong')}>
        Mark wrong
      </button>{' '}
      <button type="button" onClick={() => mark('confirmed')}>
        Confirm
      </button>
      <ErrorBox error={error} />
    </form>
  );
}
