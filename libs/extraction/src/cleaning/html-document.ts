import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** What an HTML page gives the cleaner: text lines of the article and the page's own metadata. */
export interface HtmlExtract {
  /** Block-level lines of the article text (Readability's, or the whole page's when it finds nothing). */
  lines: string[];
  /** Lines of the whole page before the article (header), for byline and date lines. */
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
  usedReadability: boolean;
}

/** Above this nesting depth Readability's scoring turns super-linear (10,000 nested divs take minutes). */
const MAX_READABILITY_DEPTH = 40;
/** Readability on a huge page costs seconds; beyond this size only the linear text walk runs. */
const MAX_READABILITY_BYTES = 1_500_000;
/** Below this many characters Readability's result is taken as "found nothing". */
const MIN_ARTICLE_CHARS = 140;

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'FIGURE',
  'FIGCAPTION',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'MENU',
  'HEAD',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'BR',
  'HR',
  'ADDRESS',
  'CENTER',
  'DETAILS',
  'SUMMARY',
]);

// Structural tags that make a raw input an HTML page rather than text with a stray link.
const HTML_HINT = /<(?:!doctype|html|head|body|p|div|article|section|br|table|li|h[1-6]|span|main)[\s>/]/gi;

/** Whether raw input is an HTML page (several structural tags), not scraped text with a few inline links. */
export function looksLikeHtml(raw: string): boolean {
  const head = raw.length > 20000 ? raw.slice(0, 20000) : raw;
  HTML_HINT.lastIndex = 0;
  let n = 0;
  while (HTML_HINT.exec(head)) if (++n >= 3) return true;
  return false;
}

/** Maximum tag nesting depth of an HTML string, by a linear scan (void and self-closed tags ignored). */
export function htmlNestingDepth(html: string, stopAt: number): number {
  let depth = 0;
  let max = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,15})[^<>]{0,1000}?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max && (max = depth) > stopAt) return max;
  }
  return max;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
]);

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: MinimalNode | null;
  nextSibling: MinimalNode | null;
  parentNode: MinimalNode | null;
}

/**
 * Block text lines under a node, by an iterative walk (no recursion, so no stack overflow on deep
 * pages); lines that are mostly link text (menus, related links) are dropped.
 */
export function blockLines(root: MinimalNode): string[] {
  const lines: string[] = [];
  let text = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = (): void => {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line && !(linkChars > 0 && linkChars / line.length > 0.5)) lines.push(line);
    text = '';
    linkChars = 0;
  };
  let node: MinimalNode | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      text += t;
      if (inLink) linkChars += t.replace(/\s+/g, '').length;
    } else if (node.nodeType === 1 && !SKIP.has(node.nodeName)) {
      if (BLOCK.has(node.nodeName)) flush();
      if (node.nodeName === 'A') inLink++;
      descend = node.firstChild != null;
      if (!descend && node.nodeName === 'A') inLink--;
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Climb until a sibling exists, closing the elements left behind.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1) {
        if (node.nodeName === 'A') inLink--;
        if (BLOCK.has(node.nodeName)) flush();
      }
    }
    if (!node || node === root) break;
    node = node.nextSibling;
  }
  flush();
  return lines;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v && v.trim()) return v.trim();
  }
  return null;
}

/** datePublished / author from JSON-LD, read with bounded regexes (the JSON is often invalid). */
function jsonLd(doc: Doc, key: 'datePublished' | 'author'): string | null {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const body = (s.textContent ?? '').slice(0, 100000);
    if (key === 'datePublished') {
      const m = /"datePublished"\s*:\s*"([^"]{6,40})"/.exec(body);
      if (m) return m[1];
    } else {
      const m =
        /"author"\s*:\s*(?:\[\s*)?\{[^{}]{0,500}?"name"\s*:\s*"([^"]{2,100})"/.exec(body) ??
        /"author"\s*:\s*"([^"]{2,100})"/.exec(body);
      if (m) return m[1];
    }
  }
  return null;
}

/** Parses a page with linkedom and extracts the article with Readability (or a text walk). */
export function extractHtml(raw: string): HtmlExtract {
  const { document } = parseHTML(raw);
  const doc = document;
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const title =
    meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="title"]']) ??
    h1 ??
    (doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || null);
  const metaAuthor = meta(doc, [
    'meta[name="author"]',
    'meta[property="article:author"]',
    'meta[name="byl"]',
    'meta[name="dc.creator"]',
  ]);
  const author = (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ?? jsonLd(doc, 'author');
  const publishedAt =
    meta(doc, [
      'meta[property="article:published_time"]',
      'meta[property="og:published_time"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[itemprop="datePublished"]',
      'meta[name="dc.date"]',
      'time[datetime]',
    ]) ?? jsonLd(doc, 'datePublished');
  const language = doc.documentElement?.getAttribute('lang')?.slice(0, 2).toLowerCase() || null;

  let lines: string[] = [];
  let usedReadability = false;
  if (
    raw.length <= MAX_READABILITY_BYTES &&
    htmlNestingDepth(raw, MAX_READABILITY_DEPTH) <= MAX_READABILITY_DEPTH
  ) {
    try {
      // Readability mutates the document, so it gets its own copy; metadata was read above.
      const article = new Readability(parseHTML(raw).document, { charThreshold: 300 }).parse();
      if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS) {
        const { document: content } = parseHTML(`<html><body>${article.content}</body></html>`);
        lines = blockLines(content.body as unknown as MinimalNode);
        usedReadability = lines.length > 0;
      }
    } catch {
      // Readability failed on a malformed page: the text walk below still gives the text.
      lines = [];
    }
  }
  if (!usedReadability && doc.body) lines = blockLines(doc.body as unknown as MinimalNode);
  return { lines, title, author, publishedAt, language, usedReadability };
}
