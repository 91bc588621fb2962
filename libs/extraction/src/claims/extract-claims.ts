import { ActorMention, CleanedArticle, Claim, Sentence } from '../model';

export interface ClaimContext {
  article: CleanedArticle;
  sentences: Sentence[];
  mentions: ActorMention[];
}

/** STUB: claims of the six types with their attributes; replaced by the claims module. */
export function extractClaims(_ctx: ClaimContext): Claim[] {
  return [];
}
