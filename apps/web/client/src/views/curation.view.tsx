import { BASE, request } from '../api/http';
import { authHeaders } from '../api/session';
import type { ClaimMark } from '../api/types';
import { ErrorBox } from '../components/error-box';
import { useAsync } from '../components/use-async';

interface AuditEntry extends ClaimMark {
  claim: {
    type: string;
    source: string | null;
    target: string | null;
    cluster_id: string;
    evidence: string;
  } | null;
}

/** Every mark analysts made (the audit list, newest first) and the export of the labels. */
export function CurationView() {
  const marks = useAsync(
    (signal) =>
      request<{ items: AuditEntry[] }>('core', '/v1/claim-marks', { query: { limit: 200 }, signal }),
    [],
  );
  async function download() {
    const response = await fetch(`${BASE.core}/v1/claim-marks/export`, { headers: authHeaders() });
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'sitrep-claim-labels.jsonl';
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <main id="main">
      <h1>Curation</h1>
      <p>
        Claims marked wrong leave the timeline, alerts and reports; they stay here. The labels export as JSON
        Lines (one claim with its evidence and the current verdict per line).
      </p>
      <button type="button" onClick={download}>
        Export labels (JSONL)
      </button>
      <ErrorBox error={marks.error} />
      <table class="audit">
        <caption>Audit list ({marks.data?.items.length ?? 0} marks, newest first)</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Verdict</th>
            <th scope="col">Claim</th>
            <th scope="col">Reason</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {marks.data?.items.map((m) => (
            <tr key={m.id} data-claim={m.claim_id}>
              <td>{m.marked_at.replace('T', ' ').slice(0, 19)}</td>
              <td>
                {m.verdict}
                {m.current === false ? ' (since changed)' : ''}
              </td>
              <td>
                {m.claim ? (
                  <a href={`/clusters/${m.claim.cluster_id}`}>
                    {m.claim.type.replace(/_/g, ' ')}: {m.claim.source ?? '?'} → {m.claim.target ?? '?'}
                  </a>
                ) : (
                  m.claim_id
                )}
              </td>
              <td>{m.reason ?? ''}</td>
              <td>{m.marked_by ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
