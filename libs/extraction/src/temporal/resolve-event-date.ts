import { findDatePhrases, pickEventPhrase } from './find-date-phrases';

/**
 * The date or month an event happened, from a phrase in its sentence ("pada Agustus", "Juli lalu",
 * "Selasa (6/9)", "last month", "on June 8", "pada tahun 2006"), resolved against the publication
 * time. Returns an ISO date (2022-09-06) when a day is stated, a month (2022-08) when only a month
 * is, a year (2006) when only a year is; null when the sentence has no date expression, only a
 * reporting date ("said Tuesday"), or a relative one and no publication date.
 */
export function resolveEventDate(
  sentence: string,
  publishedAt: string | null,
  language: string,
): string | null {
  return pickEventPhrase(findDatePhrases(sentence, publishedAt, language))?.value ?? null;
}
