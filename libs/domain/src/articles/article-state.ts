/** Where an article is in the pipeline. */
export const ARTICLE_STATES = ['received', 'extracted', 'failed'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];
