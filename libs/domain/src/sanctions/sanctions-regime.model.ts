import { ClaimType } from '@sitrep/extraction';

/** `prohibited`: the act is barred by the measure; `sanctionable`: the act is a basis for designation. */
export type SanctionsEffect = 'prohibited' | 'sanctionable';

/** One measure of a regime, at the level of "who may not supply whom with what". */
export interface SanctionsMeasure {
  id: string;
  /** The legal instrument, e.g. `UNSCR 1718`, `EO 14024`, `Council Regulation (EU) 833/2014`. */
  instrument: string;
  /** Further instruments that cover the same act (cited together). */
  also_instruments?: string[];
  adopted: string;
  /** First day the measure applies (ISO date). */
  valid_from: string;
  /** First day it no longer applies (exclusive, ISO date), or null while in force. */
  valid_until: string | null;
  effect: SanctionsEffect;
  claim_types: ClaimType[];
  /** Actor ids, group names (see `groups`) or `*` for anyone. */
  supplier: string[];
  recipient: string[];
  /** When true the measure also covers the opposite direction ("to or from"). */
  symmetric?: boolean;
  /** Item families the measure covers; null = all arms and related materiel. */
  items: string[] | null;
  /** States that reject the measure's validity. */
  contested_by?: string[];
  reason: string;
  note?: string;
}

export interface SanctionsRegime {
  id: string;
  /** Who imposes it: `UN`, `USA`, `EU`, ... */
  authority: string;
  name: string;
  measures: SanctionsMeasure[];
}

/** The content of libs/domain/data/sanctions-regimes.json. */
export interface SanctionsRegimesData {
  data_version: string;
  groups: Record<string, string[]>;
  item_families: Record<string, string[]>;
  regimes: SanctionsRegime[];
}

/** What the evaluator looks at: a claim, or the summary of a cluster. */
export interface SanctionsSubject {
  type: ClaimType;
  source: string | null;
  target: string | null;
  items: string[];
  /** ISO year, month or date of the event, or null. */
  event_date: string | null;
  /** When the claim was reported (article publication or first seen), used when event_date is null. */
  reported_at?: string | null;
  /** The instrument the article itself names, if any. */
  instrument?: string | null;
}

/** How sure the match is: `possible` when the items or dates are not specific enough to tell. */
export type SanctionsCertainty = 'definite' | 'possible';

export interface SanctionsFlag {
  /** The measure's id, `stated` when only the article names the instrument, `imposition` for a sanctions_imposed claim. */
  measure_id: string;
  regime_id: string | null;
  authority: string | null;
  instrument: string | null;
  also_instruments: string[];
  effect: SanctionsEffect | 'stated' | 'imposition';
  reason: string;
  valid_from: string | null;
  valid_until: string | null;
  contested_by: string[];
  certainty: SanctionsCertainty;
  /** Which date the validity check used. */
  date_basis: 'event_date' | 'reported_at' | 'none';
}

export interface SanctionsAssessment {
  relevant: boolean;
  /** Distinct instruments of all flags, in data order. */
  instruments: string[];
  flags: SanctionsFlag[];
  data_version: string;
}
