export type { DateGranularity, DatePhrase } from './find-date-phrases';
export { findDatePhrases, nearestDatePhrase, pickEventPhrase } from './find-date-phrases';
export type { DateParts } from './parse-date-text';
export { formatDateParts, parseDateText } from './parse-date-text';
export { resolveEventDate } from './resolve-event-date';
