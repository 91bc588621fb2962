export type ActorKind = 'state' | 'body' | 'agency' | 'person' | 'group' | 'entity';

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

/** One place in the cleaned text that names an actor. */
export interface ActorMention {
  actorId: string;
  start: number;
  end: number;
  surface: string;
  kind: MentionKind;
}

/** An actor of the article as the contract outputs it. */
export interface ArticleActor {
  id: string;
  mentions: number;
  name?: string;
  kind?: ActorKind;
  country?: string;
}
