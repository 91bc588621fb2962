import { canonicalUrl } from './canonical-url';

describe('canonicalUrl', () => {
  describe('canonicalUrl', () => {
    it.each([
      [
        'https://News.Example.COM/world/story-1?utm_source=tw&utm_medium=social',
        'https://news.example.com/world/story-1',
      ],
      [
        'https://news.example.com/world/story-1?fbclid=abc&gclid=def#comments',
        'https://news.example.com/world/story-1',
      ],
      ['http://news.example.com:80/world/story-1', 'https://news.example.com/world/story-1'],
      ['https://news.example.com:443/world/story-1/', 'https://news.example.com/world/story-1'],
      ['https://amp.example.com/world/story-1', 'https://example.com/world/story-1'],
      ['https://news.example.com/world/story-1/amp', 'https://news.example.com/world/story-1'],
      ['https://news.example.com/amp/world/story-1', 'https://news.example.com/world/story-1'],
      ['https://news.example.com/world/story-1?amp', 'https://news.example.com/world/story-1'],
      ['https://news.example.com/world/story-1?amp=1', 'https://news.example.com/world/story-1'],
      ['https://news.example.com/world/story-1/amp.html', 'https://news.example.com/world/story-1'],
      ['https://news.example.com/world/story-1.amp.html', 'https://news.example.com/world/story-1.html'],
      ['https://news.example.com/read?b=2&a=1&utm_campaign=x', 'https://news.example.com/read?a=1&b=2'],
    ])('should canonicalise %s', (input, expected) => {
      expect(canonicalUrl(input)).toBe(expected);
    });

    it('should keep parameters that select content and ports that are not default', () => {
      expect(canonicalUrl('https://example.com:8443/article?id=42&page=2')).toBe(
        'https://example.com:8443/article?id=42&page=2',
      );
    });

    it('should not mistake words containing amp for AMP variants', () => {
      expect(canonicalUrl('https://example.com/camp/ample-story')).toBe(
        'https://example.com/camp/ample-story',
      );
    });

    it('should return null for non-http URLs and garbage', () => {
      expect(canonicalUrl('ftp://example.com/file')).toBeNull();
      expect(canonicalUrl('not a url')).toBeNull();
    });
  });
});
