/**
 * The date or month an event happened, from a phrase in its sentence ("pada Agustus", "Juli lalu",
 * "Selasa (6/9)", "last month", "on June 8"), resolved against the publication time.
 * Returns an ISO date (2022-09-06) or month (2022-08), or null.
 * STUB: replaced by the temporal module.
 */
export function resolveEventDate(
  _sentence: string,
  _publishedAt: string | null,
  _language: string,
): string | null {
  return null;
}
