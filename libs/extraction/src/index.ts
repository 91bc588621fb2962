export * from './model';
export { extractArticle } from './engine/extract-article';
export { ENGINE_VERSION } from './engine/engine-version';
export { extractClaims } from './claims/extract-claims';
export type { ClaimContext } from './claims/extract-claims';
export { CLAIM_LANGUAGES } from './claims/claim-lexicon';
