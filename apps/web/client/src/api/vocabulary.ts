/** The claim vocabulary of shared/contract/extraction.md (the same lists as libs/extraction/src/model/claim.ts). */
export const CLAIM_TYPES = [
  'arms_transfer',
  'sanctions_violation',
  'sanctions_imposed',
  'labor_export',
  'diplomatic_recognition',
  'military_cooperation',
] as const;
export const CLAIM_STATUSES = ['planned', 'in_progress', 'completed', 'unknown'] as const;
export const MODALITIES = ['asserted', 'assessed', 'alleged', 'denied', 'hypothetical'] as const;
