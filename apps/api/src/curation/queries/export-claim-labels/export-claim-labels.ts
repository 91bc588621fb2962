import type { ClaimLabelRecord, ClaimMarksRepository } from '@sitrep/persistence/curation';

/** Labels read per round trip while streaming the export. */
const PAGE = 500;

/** One JSON Lines record of the labelled-data export: the claim as the engine gave it, and the analyst's verdict. */
export function labelLineOf(
  label: ClaimLabelRecord & { claim: NonNullable<ClaimLabelRecord['claim']> },
): string {
  const c = label.claim;
  return JSON.stringify({
    claim_id: label.claim_id,
    label: label.verdict,
    reason: label.reason,
    marked_by: label.marked_by,
    marked_at: label.marked_at,
    engine_version: c.engine_version,
    article_id: c.article_id,
    url: c.url,
    outlet: c.outlet,
    language: c.language,
    claim: {
      type: c.type,
      source: c.source,
      target: c.target,
      status: c.status,
      modality: c.modality,
      claimant: c.claimant,
      items: c.items,
      instrument: c.instrument,
      event_date: c.event_date,
      evidence: c.evidence,
    },
  });
}

/** Every marked claim's verdict in force, as JSON Lines, a page at a time (constant memory); marks of claims no longer stored are left out. */
export async function* exportClaimLabels(marks: ClaimMarksRepository): AsyncGenerator<string> {
  let after = '';
  for (;;) {
    const page = await marks.labelsAfter(after, PAGE);
    if (page.length === 0) return;
    for (const label of page) if (label.claim) yield `${labelLineOf({ ...label, claim: label.claim })}\n`;
    after = page[page.length - 1].claim_id;
  }
}
