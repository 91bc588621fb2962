export const CLAIM_TYPES = [
  'arms_transfer',
  'sanctions_violation',
  'sanctions_imposed',
  'labor_export',
  'diplomatic_recognition',
  'military_cooperation',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export const CLAIM_STATUSES = ['planned', 'in_progress', 'completed', 'unknown'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Ordered from weakest to strongest backing; `denied` and `hypothetical` stand apart. */
export const MODALITIES = ['asserted', 'assessed', 'alleged', 'denied', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface Evidence {
  text: string;
  /** Character offsets into the cleaned text: text === cleaned.slice(start, end). */
  start: number;
  end: number;
}

/** A claim exactly as shared/contract/extraction.md fixes it (the engine may add fields). */
export interface Claim {
  type: ClaimType;
  source: string | null;
  target: string | null;
  status: ClaimStatus;
  modality: Modality;
  claimant: string | null;
  reported_by: string[];
  items: string[];
  quantity: string | null;
  instrument: string | null;
  /** ISO date (2022-08-30) or month (2022-08), or null. */
  event_date: string | null;
  evidence: Evidence;
  confidence: number;
}
