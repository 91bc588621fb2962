/** The claim was replaced by a newer extraction: mark the claim that replaced it. */
export class ClaimSupersededError extends Error {
  readonly code = 'CURATION.CLAIM_SUPERSEDED';
}

/** The verdict was saved in PostgreSQL but Elasticsearch did not take it yet (`npm run reindex` or a retry fixes it). */
export class CurationNotProjectedError extends Error {
  readonly code = 'CURATION.NOT_PROJECTED';
}
