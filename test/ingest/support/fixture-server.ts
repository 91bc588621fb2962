import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** Pages the feeds link to, written for these tests. */
const PAGES: Record<string, string> = {
  '/world/ministers-meet': `<!DOCTYPE html><html lang="en"><head><title>Ministers meet over sanctions list | Harbour Gazette</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<div class="ad">Sponsored: refinance your home today</div>
<article><h1>Ministers meet over sanctions list</h1>
<p>Foreign ministers from six countries met in the harbour city on Tuesday to review an updated list of companies accused of shipping machine parts in breach of an arms embargo.</p>
<p>Diplomats said the list would add eleven trading firms and two vessels, and that a final text was expected before the end of the month after legal checks.</p>
<p>One delegation asked for more time to examine evidence about transfers through third countries, while another said enforcement had been too slow for years.</p>
</article><footer>Harbour Gazette. All rights reserved.</footer></body></html>`,
  '/news/port-deal': `<!DOCTYPE html><html lang="en"><head><title>Port operator signs deal with shipyard</title></head>
<body><header>Coastline Daily — Menu: News Sport Weather</header>
<main><h1>Port operator signs deal with shipyard</h1>
<p>A port operator signed a ten-year maintenance agreement with a regional shipyard on Monday, covering dredging vessels, tugs and two floating cranes used at the container terminal.</p>
<p>The company said the agreement would keep repair work in the region and create about three hundred jobs, while unions asked for details about training and safety rules.</p></main>
<aside>Most read: weekend weather, ferry timetable changes</aside></body></html>`,
};

export interface FixtureServer {
  base: string;
  /** Requests per path, and how many of them were answered 304. */
  hits: Map<string, number>;
  notModified: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A local site with feeds and article pages shaped like real ones: RSS, Atom and JSON Feed with ETag
 * and Last-Modified, an Indonesian page with menus and ads, broken and hostile feeds, and redirects
 * into loopback and cloud metadata addresses.
 */
export async function startFixtureServer(
  host: string,
  options: { oversizedBytes: number },
): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const notModified = new Map<string, number>();
  let base = '';
  const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8').replaceAll('{{BASE}}', base);
  const lastModified = 'Tue, 24 Nov 2026 01:00:00 GMT';

  const conditional = (req: IncomingMessage, res: ServerResponse, type: string, body: string) => {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === lastModified) {
      notModified.set(req.url ?? '', (notModified.get(req.url ?? '') ?? 0) + 1);
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': lastModified }).end(body);
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const loopbackTarget = `http://127.0.0.1:${(server.address() as AddressInfo).port}/berita/kapal-patroli`;
    switch (path) {
      case '/rss.xml':
        return conditional(req, res, 'application/rss+xml; charset=utf-8', fixture('rss.xml'));
      case '/atom.xml':
        return conditional(req, res, 'application/atom+xml', fixture('atom.xml'));
      case '/feed.json':
        return conditional(req, res, 'application/feed+json', fixture('feed.json'));
      case '/malformed.xml':
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('malformed.xml'));
      case '/billion-laughs.xml':
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(fixture('billion-laughs.xml'));
      case '/oversized.xml': {
        const item = `<item><title>Filler</title><link>${base}/filler</link><description>${'x'.repeat(900)}</description></item>`;
        const count = Math.ceil(options.oversizedBytes / item.length) + 10;
        return res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>${item.repeat(count)}</channel></rss>`,
          );
      }
      case '/hostile-links.xml':
        return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>
            <item><title>To loopback</title><link>${base}/go?to=${encodeURIComponent(loopbackTarget)}</link><guid>h-1</guid></item>
            <item><title>To metadata</title><link>${base}/go?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}</link><guid>h-2</guid></item>
            <item><title>Not http</title><link>${base}/go?to=${encodeURIComponent('file:///etc/passwd')}</link><guid>h-3</guid></item>
          </channel></rss>`,
        );
      case '/go':
        return res
          .writeHead(302, {
            location: new URL(req.url ?? '/', 'http://fixture').searchParams.get('to') ?? '/',
          })
          .end();
      case '/redirect-feed':
        return res
          .writeHead(301, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss.xml` })
          .end();
      case '/berita/kapal-patroli':
        return res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(fixture('page-id.html'));
      case '/berita/banjir':
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      default:
        if (PAGES[path])
          return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGES[path]);
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  base = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    notModified,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
