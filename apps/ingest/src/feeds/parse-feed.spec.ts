import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeXmlEscapes, FeedParseError, parseFeed } from './parse-feed';

const fixture = (name: string) =>
  readFileSync(join(__dirname, '../../../../test/ingest/fixtures', name), 'utf8').replaceAll(
    '{{BASE}}',
    'https://news.example',
  );

function errorCode(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return e instanceof FeedParseError ? e.code : `unexpected ${String(e)}`;
  }
}

describe('parseFeed', () => {
  describe('parseFeed', () => {
    it('should read RSS 2.0 items with guid, link, date and content', () => {
      const feed = parseFeed(fixture('rss.xml'));
      expect(feed.format).toBe('rss');
      expect(feed.title).toBe('Warta Nusantara & Dunia');
      expect(feed.items).toHaveLength(2);
      expect(feed.items[0]).toEqual({
        key: 'warta-2026-1101',
        url: 'https://news.example/berita/kapal-patroli?utm_source=rss&utm_medium=feed',
        title: 'Kementerian Pertahanan teken kontrak kapal patroli',
        publishedAt: '2026-11-24T00:30:00.000Z',
        content: '<p>Kementerian Pertahanan menandatangani kontrak pengadaan kapal patroli.</p>',
      });
      expect(feed.items[1].content).toContain('malam merendam tiga kecamatan \u2014 warga');
    });

    it('should read Atom entries and pick the alternate link', () => {
      const feed = parseFeed(fixture('atom.xml'));
      expect(feed.format).toBe('atom');
      expect(feed.items[0]).toMatchObject({
        key: 'tag:gazette.example,2026:4411',
        url: 'https://news.example/world/ministers-meet',
        title: 'Ministers meet over <em>sanctions</em> list',
        publishedAt: '2026-11-24T08:15:00.000Z',
      });
    });

    it('should read JSON Feed items', () => {
      const feed = parseFeed(fixture('feed.json'));
      expect(feed.format).toBe('json');
      expect(feed.items[0]).toMatchObject({
        key: 'cd-9001',
        url: 'https://news.example/news/port-deal',
        publishedAt: '2026-11-23T09:00:00.000Z',
      });
    });

    it('should refuse feeds that declare entities (billion laughs) without expanding them', () => {
      expect(errorCode(() => parseFeed(fixture('billion-laughs.xml')))).toBe('FEED.ENTITIES_REFUSED');
    });

    it('should report malformed XML and JSON as malformed', () => {
      expect(errorCode(() => parseFeed(fixture('malformed.xml')))).toBe('FEED.MALFORMED');
      expect(errorCode(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [}'))).toBe(
        'FEED.MALFORMED',
      );
    });

    it('should refuse oversized feeds and unknown formats', () => {
      expect(errorCode(() => parseFeed(fixture('rss.xml'), { maxChars: 100 }))).toBe('FEED.TOO_LARGE');
      expect(errorCode(() => parseFeed('<html><body>not a feed</body></html>'))).toBe('FEED.UNKNOWN_FORMAT');
      expect(errorCode(() => parseFeed('plain words'))).toBe('FEED.UNKNOWN_FORMAT');
    });

    it('should keep at most maxItems items and drop non-http links', () => {
      const feed = parseFeed(
        '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>javascript:alert(1)</link></item><item><title>b</title></item></channel></rss>',
        { maxItems: 1 },
      );
      expect(feed.items).toHaveLength(1);
      expect(feed.items[0].url).toBeNull();
      expect(feed.items[0].key).toMatch(/^sha256:/);
    });
  });

  describe('decodeXmlEscapes', () => {
    it('should decode the predefined escapes and character references once', () => {
      expect(decodeXmlEscapes('&lt;a&gt; &amp;amp; &#233;&#x4E2D;')).toBe('<a> &amp; \u00e9\u4e2d');
    });

    it('should leave unknown named references alone', () => {
      expect(decodeXmlEscapes('&nbsp;&lol9;')).toBe('&nbsp;&lol9;');
    });
  });
});
