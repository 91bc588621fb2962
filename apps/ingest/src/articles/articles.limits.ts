/** Field limits of the intake API; body and batch limits are settings (IngestSettings). */
export const ARTICLE_LIMITS = {
  urlMaxLength: 2048,
  /** Characters of `raw`; bodies larger than the body limit are refused before with 413. */
  rawMaxLength: 2_000_000,
  titleMaxLength: 1000,
  sourceMaxLength: 200,
  /** Most articles in one batch request, whatever the setting says. */
  batchMaxSize: 500,
} as const;
