import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeEntities } from './inline-markup';

/** What an HTML page gives the cleaner: text lines of the article and the page's own metadata. */
export interface HtmlExtract {
  /** Block-level lines of the article text (Readability's, or the whole page's when it finds nothing). */
  lines: string[];
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
/** Beyond these, linkedom's parse itself turns slow: the page is read without a DOM. */
const MAX_DOM_BYTES = 2_000_000;
const MAX_DOM_DEPTH = 1000;
/** Below this many characters Readability's result is taken as "found nothing". */
const MIN_ARTICLE_CHARS = 140;

const words = (s: string): Set<string> => new Set(s.split(' '));
const SKIP = words(
  'SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT EMBED CANVAS NAV HEADER FOOTER ASIDE FORM BUTTON ' +
    'SELECT TEXTAREA FIGURE FIGCAPTION PICTURE VIDEO AUDIO MENU HEAD',
);
const BLOCK = words(
  'P DIV SECTION ARTICLE MAIN H1 H2 H3 H4 H5 H6 LI UL OL DL DT DD BLOCKQUOTE PRE TABLE TR TD TH TBODY ' +
    'THEAD BR HR ADDRESS CENTER DETAILS SUMMARY',
);

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

// Void elements, and p/li whose end tags are optional: neither deepens the nesting count.
const VOID = words('area base br col embed hr img input link meta source track wbr p li');

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

// Metadata is read from the raw HTML with bounded, linear patterns: on large pages a DOM
// querySelector per meta field costs more than the whole article.
const META_TAG = /<meta\s[^<>]{0,2000}>/gi;
const ATTR = /([a-zA-Z:_-]{1,40})\s*=\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\s"'>]{1,500}))/g;
const TITLE_TAG = /<title[^<>]{0,500}>([^<]{0,1000})<\/title>/i;
const H1_TAG = /<h1[^<>]{0,500}>([\s\S]{0,2000}?)<\/h1>/i;
const TIME_TAG = /<time\s[^<>]{0,500}datetime\s*=\s*["']([^"']{6,40})["']/i;
const HTML_LANG = /<html\s[^<>]{0,1000}lang\s*=\s*["']?([a-zA-Z]{2,3})/i;
const LD_DATE = /"datePublished"\s*:\s*"([^"]{6,40})"/;
const LD_AUTHOR = /"author"\s*:\s*(?:\[\s*)?(?:\{[^{}]{0,500}?"name"\s*:\s*"([^"]{2,100})"|"([^"]{2,100})")/;
const TAGS = /<[^<>]{0,2000}>/g;

const TITLE_KEYS = ['og:title', 'twitter:title', 'title'];
const SITE_KEYS = ['og:site_name', 'application-name', 'twitter:site'];
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' « ', ' » '];

/** "Ship arrives | Example News" -> "Ship arrives" when the tail is the site's name or the h1 is the head. */
function withoutSiteName(title: string | null, site: string | null, h1: string | null): string | null {
  if (!title) return title;
  for (const sep of TITLE_SEPARATORS) {
    const at = title.lastIndexOf(sep);
    if (at <= 0) continue;
    const headPart = title.slice(0, at).trim();
    const tail = title
      .slice(at + sep.length)
      .trim()
      .toLowerCase();
    const siteName = site?.replace(/^@/, '').toLowerCase();
    if (
      (siteName && (tail === siteName || tail.replace(/\s+/g, '') === siteName.replace(/\s+/g, ''))) ||
      h1 === headPart
    ) {
      return headPart;
    }
  }
  return title;
}
const AUTHOR_KEYS = ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'];
const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'datepublished',
  'dc.date',
  'dc.date.issued',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
];

interface PageMeta {
  title: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string | null;
}

const text = (s: string | undefined | null): string | null => {
  const t = s ? decodeEntities(s.replace(TAGS, ' ')).replace(/\s+/g, ' ').trim() : '';
  return t || null;
};

function readMeta(raw: string): PageMeta {
  const head = raw.length > 300_000 ? raw.slice(0, 300_000) : raw;
  const metas = new Map<string, string>();
  META_TAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = META_TAG.exec(head))) {
    let key: string | null = null;
    let content: string | null = null;
    ATTR.lastIndex = 0;
    let a: RegExpExecArray | null;
    while ((a = ATTR.exec(m[0]))) {
      const name = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      if (name === 'property' || name === 'name' || name === 'itemprop') key = value.toLowerCase();
      else if (name === 'content') content = value;
    }
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const first = (keys: string[]): string | null => {
    for (const k of keys) {
      const v = text(metas.get(k));
      if (v) return v;
    }
    return null;
  };
  const ld = head.includes('ld+json') ? head : '';
  const metaAuthor = first(AUTHOR_KEYS);
  const ldAuthor = ld ? LD_AUTHOR.exec(ld) : null;
  const ldDate = ld ? LD_DATE.exec(ld) : null;
  const h1 = text(H1_TAG.exec(head)?.[1]);
  const site = first(SITE_KEYS);
  return {
    title: withoutSiteName(first(TITLE_KEYS) ?? h1 ?? text(TITLE_TAG.exec(head)?.[1]), site, h1),
    author:
      (metaAuthor && !/^https?:/.test(metaAuthor) ? metaAuthor : null) ??
      text(ldAuthor?.[1] ?? ldAuthor?.[2]),
    publishedAt: first(DATE_KEYS) ?? ldDate?.[1] ?? TIME_TAG.exec(head)?.[1] ?? null,
    language: HTML_LANG.exec(head)?.[1]?.toLowerCase() ?? null,
  };
}

// Block-level tags become line breaks in the DOM-free fallback.
const BLOCK_TAG =
  /<\/?(?:p|div|br|h[1-6]|li|tr|td|th|section|article|blockquote|pre|table|ul|ol|dd|dt|hr|main|header|footer|nav|aside)\b[^<>]{0,2000}>/gi;

/** Removes <script>, <style> and similar blocks with indexOf (linear even when they never close). */
function dropRawBlocks(raw: string): string {
  const lower = raw.toLowerCase();
  let out = '';
  let from = 0;
  for (;;) {
    let at = -1;
    let tag = '';
    for (const t of ['<script', '<style', '<noscript', '<template', '<svg']) {
      const i = lower.indexOf(t, from);
      if (i >= 0 && (at < 0 || i < at)) [at, tag] = [i, t];
    }
    if (at < 0) return out + raw.slice(from);
    out += raw.slice(from, at) + '\n';
    const close = lower.indexOf(`</${tag.slice(1)}`, at);
    if (close < 0) return out;
    const end = lower.indexOf('>', close);
    from = end < 0 ? raw.length : end + 1;
  }
}

/** Text lines of a page without building a DOM: for pages too large or too deeply nested for one. */
export function lightHtmlLines(raw: string): string[] {
  return decodeEntities(dropRawBlocks(raw).replace(BLOCK_TAG, '\n').replace(TAGS, ''))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** Block lines of a document's body; linkedom throws on documents it could not give a root element. */
function bodyLines(doc: Doc): string[] {
  const body = doc.documentElement ? doc.body : null;
  return body ? blockLines(body as unknown as MinimalNode) : [];
}

/** Parses a page with linkedom and extracts the article with Readability, else a text walk. */
export function extractHtml(raw: string): HtmlExtract {
  const meta = readMeta(raw);
  const base = {
    title: meta.title,
    author: meta.author,
    publishedAt: meta.publishedAt,
    language: meta.language,
  };
  const depth = htmlNestingDepth(raw, MAX_DOM_DEPTH);
  if (raw.length > MAX_DOM_BYTES || depth > MAX_DOM_DEPTH)
    return { ...base, lines: lightHtmlLines(raw), usedReadability: false };
  try {
    const { document } = parseHTML(raw);
    if (raw.length > MAX_READABILITY_BYTES || depth > MAX_READABILITY_DEPTH || !document.documentElement) {
      return { ...base, lines: bodyLines(document), usedReadability: false };
    }
    try {
      const article = new Readability(document, { charThreshold: 300 }).parse();
      if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS) {
        const lines = bodyLines(parseHTML(`<html><body>${article.content}</body></html>`).document);
        if (lines.length) return { ...base, lines, usedReadability: true };
      }
    } catch {
      // Readability failed on a malformed page: the text walk below still gives the text.
    }
    // Readability changed the document; walk a fresh one.
    return { ...base, lines: bodyLines(parseHTML(raw).document), usedReadability: false };
  } catch {
    // linkedom could not build a usable tree: read the page without a DOM.
    return { ...base, lines: lightHtmlLines(raw), usedReadability: false };
  }
}
