export * from './model';
export { extractArticle } from './engine/extract-article';
export { ENGINE_VERSION } from './engine/engine-version';
