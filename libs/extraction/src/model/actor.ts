export type ActorKind = 'state' | 'body' | 'agency' | 'company' | 'person' | 'group' | 'entity';

/** An entry of the actor registry (libs/extraction/data/actors). */
export interface ActorRecord {
  /** Canonical id: ISO alpha-3 for states, UN/EU/NATO/IAEA for bodies, a lower-case slug otherwise. */
  id: string;
  kind: ActorKind;
  /** English display name. */
  name: string;
  /** The state an agency, person, group or company belongs to (ISO alpha-3), where one applies. */
  country?: string;
}

/** How an actor is named in the text. */
export type MentionKind = 'name' | 'abbreviation' | 'metonym' | 'demonym' | 'title' | 'anaphor';

/**
 * What a mention does in its sentence: `actor` (acts or is acted on), `location` (a place: "in
 * Paris", "the coast of Somalia", a destination), `attribute` (a nationality, an outlet's or an
 * institute's country, UN membership), `dateline` ("SEOUL, July 2 -").
 */
export type MentionRole = 'actor' | 'location' | 'attribute' | 'dateline';

/**
 * Why a mention is not an actor: `in` (after a location preposition), `travel` (a destination or
 * origin of a trip), `border` (a border, coast or waters), `place` (a city's country, a Korean place
 * phrase), `nationality`, `outlet`, `institution`, `membership` (UN member, UN Charter), `dateline`.
 */
export type MentionCue =
  'in' | 'travel' | 'border' | 'place' | 'nationality' | 'outlet' | 'institution' | 'membership' | 'dateline';

/** One place in the cleaned text that names an actor. */
export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
  surface: string;
  kind: MentionKind;
  /** Set by the recognizer; absent means `actor`. */
  role?: MentionRole;
  /** For a mention that is not an actor, the context that made it so. */
  cue?: MentionCue;
}

/** An actor of the article as the contract outputs it. */
export interface ArticleActor {
  id: string;
  mentions: number;
  name?: string;
  kind?: ActorKind;
  country?: string;
}
