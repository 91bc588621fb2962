import type { ArticleInput, ExtractionResult } from '@sitrep/extraction';

/** The extraction engine the extractor runs (the pure `extractArticle`; tests pass another version). */
export const EXTRACTION_ENGINE = Symbol('EXTRACTION_ENGINE');

export type ExtractionEngine = (input: ArticleInput) => ExtractionResult | Promise<ExtractionResult>;
