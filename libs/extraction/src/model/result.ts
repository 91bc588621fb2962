import { ArticleActor } from './actor';
import { Claim } from './claim';

/** One output line of the batch interface. */
export interface ExtractionResult {
  id: string;
  language: string;
  published_at: string | null;
  title: string | null;
  author: string | null;
  actors: ArticleActor[];
  claims: Claim[];
  /** The cleaned text the evidence offsets refer to. */
  text: string;
  /** Version of the engine (rules and lexicons) that produced this result. */
  engine_version: string;
}

/** An output line for an input line that could not be processed. */
export interface ExtractionError {
  id: string | null;
  error: string;
}
