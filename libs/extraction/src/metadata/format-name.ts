const CONNECTORS = new Set([
  'and',
  'dan',
  'y',
  'et',
  'und',
  'и',
  'e',
  'with',
  'bersama',
  'van',
  'von',
  'de',
  'der',
  'bin',
  'binti',
  'al',
]);

/** Title-cases an all-capitals name ("RENI ERINA" -> "Reni Erina"); other names keep their case. */
export function formatPersonName(name: string): string {
  const clean = name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[,;:.]+$/, '');
  const letters = clean.replace(/[^\p{L}]/gu, '');
  if (!letters || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return clean;
  return clean
    .split(' ')
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && CONNECTORS.has(lower)) return lower;
      // Capitalise after hyphens and apostrophes too: "JEAN-PAUL O'NEIL" -> "Jean-Paul O'Neil".
      return lower.replace(/(^|[-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
    })
    .join(' ');
}
