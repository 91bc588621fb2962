import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedItem {
  /** Stable identity inside the feed: guid / id, else link, else a hash of title and date. */
  key: string;
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  /** Content or summary carried by the feed itself (HTML or text); used when the page cannot be fetched. */
  content: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  items: FeedItem[];
}

export type FeedErrorCode =
  'FEED.MALFORMED' | 'FEED.ENTITIES_REFUSED' | 'FEED.TOO_LARGE' | 'FEED.UNKNOWN_FORMAT';

export class FeedParseError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedParseError';
  }
}

export interface ParseFeedOptions {
  /** @default 2 MiB */
  maxChars?: number;
  /** Items beyond this are ignored. @default 500 */
  maxItems?: number;
}

type Node = Record<string, unknown>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Entities stay off: a DTD may not expand anything ("billion laughs"); the five XML escapes and
  // character references are decoded by decodeXmlEscapes, which cannot recurse.
  processEntities: false,
  htmlEntities: false,
  isArray: (name) => ['item', 'entry', 'link'].includes(name),
});

/** Reads RSS 2.0 (and RDF 1.0), Atom 1.0 or JSON Feed 1.x into items; throws FeedParseError otherwise. */
export function parseFeed(body: string, options: ParseFeedOptions = {}): ParsedFeed {
  const maxChars = options.maxChars ?? 2 * 1024 * 1024;
  const maxItems = options.maxItems ?? 500;
  if (body.length > maxChars)
    throw new FeedParseError('FEED.TOO_LARGE', `feed of ${body.length} characters exceeds ${maxChars}`);
  const text = body.replace(/^\uFEFF/, '').trim();
  if (text.startsWith('{')) return parseJsonFeed(text, maxItems);
  if (!text.startsWith('<')) throw new FeedParseError('FEED.UNKNOWN_FORMAT', 'neither XML nor JSON');
  if (/<!DOCTYPE[^>]*\[/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new FeedParseError(
      'FEED.ENTITIES_REFUSED',
      'feeds that declare entities (DTD internal subset) are refused',
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FeedParseError('FEED.MALFORMED', `malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc = xml.parse(text) as Node;
  const rss = asNode(doc.rss);
  if (rss) {
    const channel = asNode(rss.channel);
    if (!channel) throw new FeedParseError('FEED.MALFORMED', 'RSS without <channel>');
    return {
      format: 'rss',
      title: textOf(channel.title),
      items: asNodes(channel.item).slice(0, maxItems).map(rssItem),
    };
  }
  const rdf = asNode(doc.RDF);
  if (rdf) {
    return {
      format: 'rss',
      title: textOf(asNode(rdf.channel)?.title),
      items: asNodes(rdf.item).slice(0, maxItems).map(rssItem),
    };
  }
  const feed = asNode(doc.feed);
  if (feed)
    return {
      format: 'atom',
      title: textOf(feed.title),
      items: asNodes(feed.entry).slice(0, maxItems).map(atomEntry),
    };
  throw new FeedParseError('FEED.UNKNOWN_FORMAT', 'XML that is neither RSS nor Atom');
}

function rssItem(item: Node): FeedItem {
  // <link>url</link>, or an atom:link href inside RSS.
  const url =
    asNodes(item.link)
      .map((l) => httpUrl(textOf(l) ?? textOf(l['@_href'])))
      .find((u) => u !== null) ?? null;
  const guid = textOf(item.guid);
  const title = textOf(item.title);
  const publishedAt = isoDate(textOf(item.pubDate) ?? textOf(item.date));
  return {
    key: keyOf(guid, url, title, publishedAt),
    url,
    title,
    publishedAt,
    content: textOf(item.encoded) ?? textOf(item.description),
  };
}

function atomEntry(entry: Node): FeedItem {
  const links = asNodes(entry.link);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const url = httpUrl(textOf(alternate?.['@_href']));
  const title = textOf(entry.title);
  const publishedAt = isoDate(textOf(entry.published) ?? textOf(entry.updated));
  return {
    key: keyOf(textOf(entry.id), url, title, publishedAt),
    url,
    title,
    publishedAt,
    content: textOf(entry.content) ?? textOf(entry.summary),
  };
}

function parseJsonFeed(text: string, maxItems: number): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new FeedParseError('FEED.MALFORMED', `malformed JSON: ${(e as Error).message}`);
  }
  const root = asNode(doc);
  if (
    !root ||
    typeof root.version !== 'string' ||
    !root.version.startsWith('https://jsonfeed.org/version/')
  ) {
    throw new FeedParseError('FEED.UNKNOWN_FORMAT', 'JSON without a JSON Feed version');
  }
  if (!Array.isArray(root.items)) throw new FeedParseError('FEED.MALFORMED', 'JSON Feed without items');
  const items = (root.items as unknown[]).slice(0, maxItems).flatMap((raw): FeedItem[] => {
    const item = asNode(raw);
    if (!item) return [];
    const url = httpUrl(stringOf(item.url) ?? stringOf(item.external_url));
    const title = stringOf(item.title);
    const publishedAt = isoDate(stringOf(item.date_published) ?? stringOf(item.date_modified));
    const content = stringOf(item.content_html) ?? stringOf(item.content_text) ?? stringOf(item.summary);
    return [{ key: keyOf(stringOf(item.id), url, title, publishedAt), url, title, publishedAt, content }];
  });
  return { format: 'json', title: stringOf(root.title), items };
}

function asNode(value: unknown): Node | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : null;
}

function asNodes(value: unknown): Node[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // A bare string (e.g. <link>url</link>) becomes a node with only text.
  return list.map((v) => asNode(v) ?? { '#text': v });
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Text of an XML value: a string, or an element's #text (attributes such as isPermaLink ignored). */
function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : decodeXmlEscapes(value);
  const node = asNode(value);
  if (node && typeof node['#text'] === 'string') return textOf(node['#text']);
  return null;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes only the predefined XML escapes and numeric references, in one pass. */
export function decodeXmlEscapes(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function httpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function isoDate(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function keyOf(
  id: string | null,
  url: string | null,
  title: string | null,
  publishedAt: string | null,
): string {
  const key = id ?? url;
  if (key) return key.slice(0, 1000);
  return `sha256:${createHash('sha256')
    .update(`${title ?? ''}\n${publishedAt ?? ''}`)
    .digest('hex')}`;
}
