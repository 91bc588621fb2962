export { findAuthor } from './find-author';
export { findPublicationDate, normalizePublishedAt } from './find-publication-date';
export { findTitleLine } from './find-title';
export { formatPersonName } from './format-name';
export { identifyLanguage } from './identify-language';
