import { BoilerplateLexicon } from './boilerplate-lexicon';
import { LineShape, endsWithTerminal, isTerminalChar } from './line-shape';

const LABEL_FOLLOWERS = new Set([':', '|', '»', '›', '-', '–', '—', '>']);
// Editors' initials at the end of Indonesian stories: "(haf/imk)".
const INITIALS_LINE = /^\((?:[a-z]{2,5}\/){1,4}[a-z]{2,5}\)$/;
const EMAIL_LINE = /^\S{1,64}@\S{1,255}\.[a-z]{2,24}$/i;

const TRAILING_SEPARATORS = new Set([' ', ':', '|', '»', '›', '>', '.', '!', '…', '·', '•', '-', '–', '—']);

/** A line's lower-case key without trailing separators ("Baca juga:" -> "baca juga"). */
export function labelKey(lower: string): string {
  let end = lower.length;
  while (end > 0 && TRAILING_SEPARATORS.has(lower[end - 1])) end--;
  return end === lower.length ? lower : lower.slice(0, end);
}

/** Longest line the whole-line lexicons ("lines", "endMarkers") can match. */
const MAX_LABEL = 60;

/** Navigation, advertising, share, related-article, newsletter and copyright lines. */
export function isBoilerplate(
  line: string,
  lower: string,
  shape: LineShape,
  lex: BoilerplateLexicon,
): boolean {
  if (lower.length <= MAX_LABEL) {
    const key = labelKey(lower);
    if (!key || lex.lines.has(key)) return true;
  }
  if (INITIALS_LINE.test(lower) || EMAIL_LINE.test(line)) return true;
  const starts = lex.lineStarts.get(lower[0]);
  if (starts) {
    for (const phrase of starts) {
      if (!lower.startsWith(phrase)) continue;
      const next = lower[phrase.length];
      if (next !== undefined && next !== ' ' && !LABEL_FOLLOWERS.has(next) && /\p{L}/u.test(next)) continue;
      // A label ("Baca juga: ...") or a short non-sentence; a real sentence that happens to start so is kept.
      const after = lower.slice(phrase.length).trimStart()[0];
      if (
        LABEL_FOLLOWERS.has(next ?? '') ||
        LABEL_FOLLOWERS.has(after ?? '') ||
        !shape.endsTerminal ||
        shape.words <= 6
      )
        return true;
    }
  }
  return shape.words <= 30 && containsPhrase(lower, lex);
}

// Separators of menu items: "Home | World | Sport", "Politik · Hukum", "News » World", "A — B — C".
const MENU_SEPARATOR = /\s[|·•»›>/]\s|\s[—–]\s|\s?\|\s?/u;

/** A menu item: at most three words, no sentence, no clock time. */
function isMenuItem(item: string): boolean {
  return !(
    item.length > 30 ||
    item.split(' ').length > 3 ||
    endsWithTerminal(item) ||
    /\d{1,2}:\d{2}/.test(item)
  );
}

// Hyphens also separate words of headlines ("Rusia - Ukraina"): a hyphen-separated menu needs four items.
const HYPHEN_SEPARATOR = /\s-\s/u;

/**
 * The trimmed items of a line split at `separator` (`split` cuts at every match), or null for a line
 * too long to be page furniture or without the separator.
 */
function menuItems(line: string, separator: RegExp = MENU_SEPARATOR): string[] | null {
  if (line.length > 300 || !separator.test(line)) return null;
  return line.split(separator).map((s) => s.trim());
}

/**
 * A navigation bar or breadcrumb: at least three items (four when separated by hyphens), each of at
 * most three words and none a sentence ("HOME | NEWS | COUNTIES", "Gulf Dispatch | World | Middle East | Yemen",
 * "RMOL.example — Politik · Hukum · Pertahanan", "トップ | 政治 | 経済", "NASIONAL - EKONOMI - OLAHRAGA - GAYA HIDUP").
 */
export function isMenuLine(line: string): boolean {
  const hyphens = !MENU_SEPARATOR.test(line);
  const items = menuItems(line, hyphens ? HYPHEN_SEPARATOR : MENU_SEPARATOR);
  if (!items || items.length < (hyphens ? 4 : 3)) return false;
  for (const item of items) if (item && !isMenuItem(item)) return false;
  return true;
}

/**
 * A headline without the section and site names a copied browser title trails after it
 * ("Russia buys rockets from North Korea | World News | The Daily Wire"): two or more menu items after
 * a headline of four words or more are dropped; any other line comes back as it is.
 */
export function withoutTitleTrail(line: string): string {
  const items = menuItems(line);
  if (!items || items.length < 3 || items[0].split(' ').length < 4) return line;
  for (let i = 1; i < items.length; i++) if (!items[i] || !isMenuItem(items[i])) return line;
  return items[0];
}

/**
 * The headline at the end of a breadcrumb ("Internasional | Asia | India Serahkan 12 Kapal …"): two or
 * more menu items, then a longer last item; null for any other line.
 */
export function breadcrumbTail(line: string): string | null {
  const items = menuItems(line);
  if (!items || items.length < 3) return null;
  const last = items[items.length - 1];
  if (last.split(' ').length < 4) return null;
  for (let i = 0; i < items.length - 1; i++) if (!items[i] || !isMenuItem(items[i])) return null;
  return last;
}

const OPENERS = new Set(['(', '[', '"', "'", '“', '‘', '«', '*', '•', '-']);

/** Whether a lower-case line contains a `contains` phrase: a map lookup per word, not a scan per phrase. */
function containsPhrase(lower: string, lex: BoilerplateLexicon): boolean {
  for (const token of lex.containsTokens) if (lower.includes(token)) return true;
  let start = 0;
  while (start < lower.length) {
    let end = lower.indexOf(' ', start);
    if (end < 0) end = lower.length;
    // "(google news)", "“klik di sini”": the phrase may follow an opening bracket or quote.
    while (start < end && OPENERS.has(lower[start])) start++;
    const phrases = end > start ? lex.contains.get(lower.slice(start, end)) : undefined;
    if (phrases) for (const p of phrases) if (lower.startsWith(p, start)) return true;
    start = end + 1;
  }
  return false;
}

/** A heading after which a page has only related links, comments or footers. */
export function isEndMarker(lower: string, lex: BoilerplateLexicon): boolean {
  return lower.length <= MAX_LABEL && lex.endMarkers.has(labelKey(lower));
}

/** Text after the last sentence terminal of a line ("... 2022. KCNA via REUTERS"), or the whole line. */
function tailAfterLastTerminal(line: string): string {
  for (let i = line.length - 2; i >= 0 && i >= line.length - 120; i--) {
    if (isTerminalChar(line[i]) && (line[i + 1] === ' ' || line[i + 1] === '-'))
      return line.slice(i + 1).replace(/^[\s-]+/, '');
  }
  return line.length > 120 ? line.slice(-120) : line;
}

const CREDIT_LABEL = /^(?:photo|foto|credit|kredit|image|gambar|source|sumber)\s?:/i;

function hasCreditWord(tail: string, lex: BoilerplateLexicon): boolean {
  const lower = tail.toLowerCase();
  for (const phrase of lex.creditPhrases) if (lower.includes(phrase)) return true;
  for (const word of lower.split(/[\s/,()\-–]+/))
    if (word && lex.creditWords.has(word.replace(/\.$/, ''))) return true;
  return false;
}

/**
 * A photo caption: a line that does not end a sentence and ends with a credit
 * ("...2022/Net", "... 2023. EFE-EPA/NAME", "Photo: CENTCOM/Handout", "... KCNA via REUTERS").
 */
export function isCaption(line: string, lex: BoilerplateLexicon): boolean {
  if (endsWithTerminal(line)) return false;
  const tail = tailAfterLastTerminal(line);
  if (!tail) return false;
  if (CREDIT_LABEL.test(tail)) return true;
  if (tail.includes('/') && hasCreditWord(tail, lex)) return true;
  const words = tail.split(' ');
  if (words.length <= 6 && tail !== line && hasCreditWord(tail, lex)) {
    // "KCNA via REUTERS", "AP Photo": capitalised credit words only.
    return words.every((w) => w === 'via' || w === 'and' || /^[\p{Lu}\d]/u.test(w));
  }
  return false;
}

const LEADING_BULLETS = /^[•·▪►▶■□◆◇●○*>\-–—]+\s*/u;

/** Removes list bullets before the text ("• Rabu, 07 ...", "  • \"We are ..."). */
export function stripBullet(line: string): string {
  return line.replace(LEADING_BULLETS, '');
}

/**
 * Removes image alt text and button labels glued to a line: "rmol news logo Klaim terbaru ..." and
 * "... pada tahun 2019. rmol news logo article", "... on July 1. Share".
 */
export function stripGluedJunk(line: string, lex: BoilerplateLexicon): string {
  let out = line;
  // Leading: up to four lower-case tokens ending in an alt-text word, then a capitalised sentence.
  // Only lines opening in lower case can carry leading alt text.
  const first = out.charCodeAt(0);
  const head = (first >= 97 && first <= 122) || first > 127 ? out.split(' ', 6) : [];
  for (let n = 1; n <= 4 && n < head.length; n++) {
    const tok = head[n - 1];
    if (!/^[\p{Ll}\d.]+$/u.test(tok)) break;
    if (lex.tailWords.has(tok) && /^[\p{Lu}"“]/u.test(head[n])) {
      out = out.slice(head.slice(0, n).join(' ').length + 1);
      break;
    }
  }
  // Trailing: after the last terminal, at most five tokens that include an alt-text or button word.
  if (endsWithTerminal(out)) return out;
  for (let i = out.length - 2; i > 0 && i >= out.length - 60; i--) {
    if (!isTerminalChar(out[i]) && !(out[i] === '"' || out[i] === '”')) continue;
    if (out[i + 1] !== ' ') continue;
    const tail = out.slice(i + 2).split(' ');
    if (
      tail.length <= 5 &&
      tail.some((t) => lex.tailWords.has(t.toLowerCase())) &&
      !endsWithTerminal(out.slice(i + 2))
    ) {
      out = out.slice(0, i + 1);
    }
    break;
  }
  return out;
}

/**
 * The name in a byline ("LAPORAN: RENI ERINA", "By X and Y", "Oleh X", "By X | June 12, 2025"),
 * or null; editor lines give null.
 */
export function bylineName(line: string, lex: BoilerplateLexicon): string | null {
  const lower = line.toLowerCase();
  for (const label of lex.bylineLabels) {
    if (!lower.startsWith(label)) continue;
    const next = line[label.length];
    if (next !== ' ' && next !== ':' && next !== undefined) continue;
    // "By X | Thursday, June 12, 2025": the name ends at a separator.
    const rest = line
      .slice(label.length)
      .replace(/^\s*[:\-–|]?\s*/, '')
      .split(/\s[|·•]\s/, 1)[0]
      .trim();
    if (isNameList(rest)) return rest;
  }
  return null;
}

/** Whether a line is a staff line ("EDITOR: RENI ERINA", "Editing by ..."). */
export function isEditorLine(line: string, lex: BoilerplateLexicon): boolean {
  const lower = line.toLowerCase();
  return lex.editorLabels.some(
    (l) => lower.startsWith(l) && (lower.length === l.length || /[\s:]/.test(lower[l.length])),
  );
}

const CONNECTORS = new Set(['and', 'dan', '&', 'y', 'et', 'und', 'и', 'e', 'with', 'bersama']);

/** "Reni Erina", "Christopher Bing and Doina Chiacu", "JOHN SMITH": capitalised words and connectors only. */
export function isNameList(s: string): boolean {
  if (!s || s.length > 120) return false;
  const words = s.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.length > 10) return false;
  let names = 0;
  for (const w of words) {
    if (CONNECTORS.has(w.toLowerCase())) continue;
    if (!/^[\p{Lu}][\p{L}'’.-]*$/u.test(w)) return false;
    names++;
  }
  return names > 0;
}
