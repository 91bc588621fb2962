import { ClaimRecord } from './claim-record.model';
import { ClusterMember } from './cluster.model';

let sequence = 0;

/** Test factory: a stored claim with its article facts; override what the case is about. */
export function makeClusterMember(overrides: Partial<ClusterMember> = {}): ClusterMember {
  sequence += 1;
  const article = overrides.article_id ?? `article-${sequence}`;
  return {
    claim_id: `${article}#0`,
    article_id: article,
    outlet: `outlet-${sequence}.example`,
    language: 'en',
    story_id: null,
    seen_at: '2022-09-07T01:00:00.000Z',
    published_at: '2022-09-07T00:47:00Z',
    type: 'arms_transfer',
    source: 'PRK',
    target: 'RUS',
    status: 'in_progress',
    modality: 'assessed',
    claimant: 'USA',
    reported_by: [],
    items: ['rocket', 'artillery_shell'],
    quantity: null,
    instrument: null,
    event_date: null,
    evidence: { text: 'A test sentence.', start: 0, end: 16 },
    confidence: 0.8,
    ...overrides,
  };
}

/** Test factory: a stored claim record (a member plus its storage fields). */
export function makeClaimRecord(overrides: Partial<ClaimRecord> = {}): ClaimRecord {
  const member = makeClusterMember(overrides);
  return {
    ...member,
    engine_version: '1.0.0',
    ordinal: 0,
    cluster_id: 'cl-test',
    source_country: member.source,
    target_country: member.target,
    url: `https://${member.outlet ?? 'news.example'}/${member.article_id}`,
    title: 'A title',
    sanctions: { relevant: false, instruments: [], flags: [] },
    recorded_at: member.seen_at,
    superseded_at: null,
    version: 1,
    ...overrides,
  };
}
