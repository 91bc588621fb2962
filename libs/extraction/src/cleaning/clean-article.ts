import { ArticleInput, CleanedArticle } from '../model';
import { findAuthor } from '../metadata/find-author';
import { findPublicationDate, normalizePublishedAt } from '../metadata/find-publication-date';
import { HeadLine, findTitleLine } from '../metadata/find-title';
import { identifyLanguage } from '../metadata/identify-language';
import { parseDateText } from '../temporal/parse-date-text';
import { BoilerplateLexicon, boilerplateLexicon } from './boilerplate-lexicon';
import {
  breadcrumbTail,
  bylineName,
  isBoilerplate,
  isCaption,
  isEditorLine,
  isEndMarker,
  isMenuLine,
  stripBullet,
  stripGluedJunk,
  withoutTitleTrail,
} from './boilerplate-rules';
import { isDateLine } from './date-line';
import { extractHtml, looksLikeHtml } from './html-document';
import { stripInlineMarkup } from './inline-markup';
import { isSentenceLike, lineShape } from './line-shape';
import { lineKey, normalizeLine, normalizeText } from './normalize-text';

type LineKind = 'body' | 'boilerplate' | 'byline' | 'editor' | 'date' | 'caption' | 'short' | 'title';

interface Line {
  text: string;
  /** Lower case; lines are already single-spaced, so this is also their lineKey(). */
  key: string;
  kind: LineKind;
  words: number;
  /** A blank line (paragraph break) came before it in the source. */
  breakBefore: boolean;
  headlineShaped: boolean;
}

/** Lines a publication date is read from (captions and titles carry dates of other things). */
const DATE_SOURCES = new Set<LineKind>(['body', 'date', 'short', 'byline']);

/** Longest line the line rules look at; longer lines are kept as body text, unexamined. */
const MAX_RULE_LINE = 5000;

/**
 * From a raw page (HTML or scraped text) to metadata and a clean body. HTML goes through
 * Readability (linkedom DOM) or, when it finds nothing, a block text walk; both then pass the same
 * line rules as scraped text: boilerplate lexicon, captions, bylines, date lines, headline, and
 * sentence-likeness. The body is NFC text without invisible characters; paragraphs are separated
 * by a blank line. Metadata the caller gives (published_at, language) wins over what is found.
 */
export function cleanArticle(input: ArticleInput): CleanedArticle {
  const raw = typeof input.raw === 'string' ? input.raw : '';
  const lex = boilerplateLexicon();
  const html = looksLikeHtml(raw) ? extractHtml(raw) : null;
  // Normalised once as a whole: cheaper than line by line, and lines split after it stay exact.
  const sourceLines = normalizeText(html ? html.lines.join('\n') : raw).split('\n');

  const lines = classifyLines(sourceLines, lex);
  const headLines: HeadLine[] = lines.map((l) => ({
    text: l.text,
    candidate: l.headlineShaped,
    anchor: l.kind === 'byline' || l.kind === 'date',
    body: l.kind === 'body',
    words: l.words,
  }));
  const titleLine = html?.title ?? findTitleLine(headLines);
  const titleKey = titleLine ? lineKey(titleLine) : null;
  // Every copy of the headline goes, even one that passed as a sentence.
  if (titleKey) for (const l of lines) if (l.key === titleKey) l.kind = 'title';

  const text = composeBody(lines);
  const language = input.language?.trim() || identifyLanguage(text) || html?.language || 'und';
  const publishedAt =
    normalizePublishedAt(input.published_at) ??
    normalizePublishedAt(html?.publishedAt) ??
    findPublicationDate(
      lines.filter((l) => DATE_SOURCES.has(l.kind)).map((l) => ({ text: l.text, body: l.kind === 'body' })),
      input.url ?? null,
      language,
    );
  const author = findAuthor(
    html?.author ?? null,
    lines.filter((l) => l.kind === 'byline').map((l) => l.text),
    lex,
  );
  // A scraped headline may carry the section and site names of a copied browser title.
  const title = titleLine ? normalizeLine(html?.title ? titleLine : withoutTitleTrail(titleLine)) : null;
  return { title, author, publishedAt, language, text };
}

function classifyLines(source: string[], lex: BoilerplateLexicon): Line[] {
  const out: Line[] = [];
  let pendingBreak = false;
  let prepared: { text: string; breakBefore: boolean }[] = [];
  for (const rawLine of source) {
    const text = prepareLine(rawLine, lex);
    if (!text) {
      pendingBreak = true;
      continue;
    }
    prepared.push({ text, breakBefore: pendingBreak });
    pendingBreak = false;
  }
  prepared = joinWrappedLines(prepared);
  for (const p of prepared) out.push(classify(p.text, lex, p.breakBefore));
  // The last content line is often cut mid-sentence by the scraper: judge it more leniently.
  const last = out.length - 1;
  if (last >= 0 && out[last].kind === 'short' && isSentenceLike(lineShape(out[last].text), true))
    out[last].kind = 'body';
  truncateAtEndMarker(out, lex);
  dropBreadcrumbs(out);
  dropRepeats(out);
  return out;
}

/** A breadcrumb ending in the headline the next line states on its own is navigation, not a title candidate. */
function dropBreadcrumbs(lines: Line[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].kind === 'boilerplate' || lines[i].kind === 'body') continue;
    const tail = breadcrumbTail(lines[i].text);
    if (tail && tail.toLowerCase() === lines[i + 1].key) {
      lines[i].kind = 'boilerplate';
      lines[i].headlineShaped = false;
    }
  }
}

const ENDS_CLAUSE = /[.!?…:;"”»)\]]$/;
const STARTS_LOWER = /^\p{Ll}/u;

/** Lines cut by hard wrapping (no blank line, no final stop, next starts in lower case) are joined back. */
function joinWrappedLines(
  lines: { text: string; breakBefore: boolean }[],
): { text: string; breakBefore: boolean }[] {
  const out: { text: string; breakBefore: boolean }[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !l.breakBefore &&
      prev.text.length < MAX_RULE_LINE &&
      !ENDS_CLAUSE.test(prev.text) &&
      STARTS_LOWER.test(l.text)
    ) {
      prev.text += ' ' + l.text;
    } else out.push({ ...l });
  }
  return out;
}

const MARKUP_HINT = /[<&]|\]\(/;

function prepareLine(rawLine: string, lex: BoilerplateLexicon): string {
  // Decoded entities may bring invisible characters back ("&#x200B;"): normalise those lines again.
  let s = normalizeLine(MARKUP_HINT.test(rawLine) ? normalizeText(stripInlineMarkup(rawLine)) : rawLine);
  if (!s) return s;
  s = stripBullet(s);
  if (s.length <= MAX_RULE_LINE) s = stripGluedJunk(s, lex);
  return s.trim();
}

function classify(text: string, lex: BoilerplateLexicon, breakBefore: boolean): Line {
  const lower = text.toLowerCase();
  const line = (kind: LineKind, words: number, headlineShaped = false): Line => ({
    text,
    key: lower,
    kind,
    words,
    breakBefore,
    headlineShaped,
  });
  if (text.length > MAX_RULE_LINE) return line('body', text.length / 6);
  const shape = lineShape(text);
  if (isBoilerplate(text, lower, shape, lex) || isMenuLine(text)) return line('boilerplate', shape.words);
  if (shape.words <= 12 && bylineName(text, lex)) return line('byline', shape.words);
  if (shape.words <= 12 && isEditorLine(text, lex)) return line('editor', shape.words);
  if (isCaption(text, lex)) return line('caption', shape.words);
  if (shape.words <= 30 && isDateLine(text)) return line('date', shape.words);
  // A title-case question or exclamation of headline length is a headline, not a sentence.
  if (isHeadlineQuestion(text, shape)) return line('short', shape.words, true);
  if (isSentenceLike(shape, false)) return line('body', shape.words);
  if (shape.words <= 14 && looksLikeDateLine(text)) return line('date', shape.words);
  return line('short', shape.words, shape.words >= 2 && shape.words <= 40 && !text.endsWith('.'));
}

function isHeadlineQuestion(text: string, shape: ReturnType<typeof lineShape>): boolean {
  const last = text[text.length - 1];
  return (
    (last === '?' || last === '!') &&
    !shape.internalTerminal &&
    shape.words >= 4 &&
    shape.words <= 20 &&
    shape.lowerRatio >= 0 &&
    shape.lowerRatio < 0.4
  );
}

// Digits grouped like a date or a year: cheap pre-check before the date parser runs on a line.
const DATEISH = /\d{4}|\d{1,2}[./-]\d{1,2}/;

/** A short line stating a full date ("Rabu, 07 September 2022, 07:47 WIB", "Jan 16, 2024 - Politics"). */
function looksLikeDateLine(text: string): boolean {
  if (!DATEISH.test(text)) return false;
  const p = parseDateText(text);
  return p != null && p.day != null;
}

/** Drops everything after a "related articles" / "comments" heading in the second half of the page. */
function truncateAtEndMarker(lines: Line[], lex: BoilerplateLexicon): void {
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (isEndMarker(lines[i].text.toLowerCase(), lex)) {
      for (let j = i; j < lines.length; j++) lines[j].kind = 'boilerplate';
      return;
    }
  }
}

/** A body line repeated verbatim (pages repeat captions, decks, pull quotes) is kept once. */
function dropRepeats(lines: Line[]): void {
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.kind !== 'body') continue;
    if (seen.has(l.key)) l.kind = 'boilerplate';
    else seen.add(l.key);
  }
}

/**
 * Body lines as paragraphs separated by a blank line. One join gives a flat string: every later
 * stage reads it character by character, and a chain of concatenations would first be flattened.
 */
function composeBody(lines: Line[]): string {
  const body: string[] = [];
  for (const l of lines) if (l.kind === 'body') body.push(l.text);
  return body.join('\n\n');
}
