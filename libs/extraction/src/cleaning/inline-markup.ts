// Real tags only (an ASCII letter after "<"), so "<저작권자(c) 연합뉴스>" or "a < b" survive as text.
const TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]{0,30}(?:\s[^<>]{0,2000})?\/?>/g;
const MD_IMAGE = /!\[[^\]\n]{0,300}\]\([^)\s]{0,2000}\)/g;
const MD_LINK = /\[([^\]\n]{1,300})\]\((?:https?:\/\/|\/)[^)\s]{0,2000}\)/g;
const ENTITY = /&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  shy: '',
  zwj: '',
  zwnj: '',
};

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
      return '\uFFFD';
    return String.fromCodePoint(code);
  }
  return NAMED[body.toLowerCase()] ?? match;
}

/** Decodes the common HTML entities of scraped text (&amp;, &#39;, &nbsp;, ...). */
export function decodeEntities(s: string): string {
  return s.includes('&') ? s.replace(ENTITY, decodeEntity) : s;
}

/** Removes <!-- ... --> with indexOf, not a lazy regex: a page of unclosed "<!--" stays linear. */
function stripComments(s: string): string {
  let at = s.indexOf('<!--');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += s.slice(from, at) + ' ';
    const close = s.indexOf('-->', at + 4);
    if (close < 0) return out;
    from = close + 3;
    at = s.indexOf('<!--', from);
  }
  return out + s.slice(from);
}

/** Strips inline tags and markdown images/links from a line of scraped text, keeping their text. */
export function stripInlineMarkup(s: string): string {
  let out = s;
  if (out.includes('<')) out = stripComments(out).replace(TAG, ' ');
  if (out.includes('](')) out = out.replace(MD_IMAGE, ' ').replace(MD_LINK, '$1');
  return decodeEntities(out);
}
