import { DedupKind } from '../commands/submit-articles/plan-dedup';

/** Answer for one accepted article. */
export interface SubmitArticleResponseDto {
  id: string;
  /** `new` for the first copy of a story, `duplicate` otherwise. */
  status: 'new' | 'duplicate';
  dedup: DedupKind;
  story_id: string;
  duplicate_of: string | null;
  /** Whether an `articles.ingested` event goes out for it. */
  published: boolean;
}

export interface SubmitArticlesBatchResponseDto {
  accepted: number;
  new: number;
  duplicates: number;
  results: SubmitArticleResponseDto[];
}
