import { ClaimStatus, ClaimType, Modality } from '@sitrep/extraction';

export type TimelineRole = 'source' | 'target' | 'any';
export type TimelineDateField = 'event' | 'first_seen';
export type SortOrder = 'asc' | 'desc';

/** What the timeline of an actor can be narrowed by (GET /v1/actors/:id/timeline). */
export interface TimelineFilter {
  actorId: string;
  counterpart?: string;
  types?: ClaimType[];
  role: TimelineRole;
  statuses?: ClaimStatus[];
  modalities?: Modality[];
  sanctionsRelevantOnly?: boolean;
  minIndependentSources?: number;
  dateField: TimelineDateField;
  /** Inclusive ISO dates (or datetimes). */
  from?: string;
  to?: string;
  languages?: string[];
  q?: string;
  /** The timeline as it was known at that moment (ISO datetime). */
  asOf?: string;
}

/** Where the next page starts: the sort values of the last item returned. */
export interface TimelineCursor {
  date: string;
  id: string;
}
