export { cleanArticle } from './clean-article';
export { normalizeText } from './normalize-text';
