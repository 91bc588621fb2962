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
