import { BoilerplateLexicon } from '../cleaning/boilerplate-lexicon';
import { bylineName, isNameList } from '../cleaning/boilerplate-rules';
import { formatPersonName } from './format-name';

/**
 * The article's author: the page's meta author when it is a name, else the first byline line
 * ("LAPORAN: RENI ERINA", "By X and Y", "Oleh X", "Penulis: X"); all-capitals names are title-cased.
 */
export function findAuthor(
  metaAuthor: string | null,
  bylines: string[],
  lex: BoilerplateLexicon,
): string | null {
  if (metaAuthor) {
    const name = metaAuthor.replace(/\s+/g, ' ').trim();
    const labelled = bylineName(name, lex);
    if (labelled) return formatPersonName(labelled);
    if (isNameList(name)) return formatPersonName(name);
  }
  for (const line of bylines) {
    const name = bylineName(line, lex);
    if (name) return formatPersonName(name);
  }
  return null;
}
