/** Query parameters that only track a click or a campaign and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'cmpid',
  'ref_src',
  'ref_url',
  'ocid',
  'spm',
  'share',
  'amp',
  'outputtype',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'at_'];
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The form of a URL used to recognise the same article: lower-case host without `amp.`, no default
 * port, no fragment, no tracking parameters, no AMP variant, sorted query, no trailing slash.
 * Returns null for something that is not an http(s) URL.
 */
export function canonicalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^amp\./, '');
  if (url.port === DEFAULT_PORTS[url.protocol]) url.port = '';
  url.pathname = stripAmpPath(url.pathname);

  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a < b ? -1 : 1));
  url.search = new URLSearchParams(kept).toString();
  // http and https copies of one page are one article.
  url.protocol = 'https:';
  return url.toString();
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

function stripAmpPath(pathname: string): string {
  let path = pathname
    // /story/amp, /story/amp/ and /amp/story
    .replace(/\/amp(?=\/|$)/gi, '')
    // /story/amp.html -> /story, /story.amp.html -> /story.html, /story.amp -> /story
    .replace(/\/amp\.html?$/i, '')
    .replace(/\.amp(\.html?)?$/i, '$1');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '');
  return path === '' ? '/' : path;
}
