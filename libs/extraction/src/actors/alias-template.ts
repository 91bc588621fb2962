/** Ending classes from data/actors/morphology.json, by name (e.g. "ru.ia" -> ["я", "и", ...]). */
export type EndingClasses = Readonly<Record<string, readonly string[]>>;

const SLOT = /\{([^{}]*)\}/;

/**
 * Expands an alias template into its forms: "Росси{ru.ia}" uses a named ending class,
 * "Nordkorea{|s}" an inline list. Several slots multiply ("Северн{ая|ой} Коре{ru.ia}").
 */
export function expandAliasTemplate(template: string, classes: EndingClasses): string[] {
  const m = SLOT.exec(template);
  if (!m) return [template];
  const body = m[1];
  let options: readonly string[];
  if (!body.includes('|') && body.includes('.')) {
    const cls = classes[body];
    if (!cls) throw new Error(`unknown ending class {${body}} in alias "${template}"`);
    options = cls;
  } else {
    options = body.split('|');
  }
  const head = template.slice(0, m.index);
  const tails = expandAliasTemplate(template.slice(m.index + m[0].length), classes);
  const out: string[] = [];
  for (const o of options) for (const t of tails) out.push(head + o + t);
  return out;
}
