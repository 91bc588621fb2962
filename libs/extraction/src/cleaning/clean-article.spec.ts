import { cleanArticle } from './clean-article';

const BODY = [
  'The ministry said on Monday that the ship had arrived at the port after a long delay caused by bad weather.',
  'Officials told reporters the cargo would be inspected before it could be unloaded, and that the crew was safe.',
  'The government has imposed new rules on such shipments since last year, following a string of incidents at sea.',
];

const page = (article: string, head = ''): string =>
  `<!doctype html><html lang="en"><head><title>Ship arrives | Example News</title>${head}</head><body>` +
  `<nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a> <a href="/b">Business</a></nav>` +
  `${article}<aside><h3>Related</h3><ul><li><a href="/1">Another story about ships and ports</a></li></ul></aside>` +
  `<footer>Copyright 2023 Example News. All rights reserved.</footer></body></html>`;

describe(cleanArticle.name, () => {
  describe('cleanArticle (HTML)', () => {
    it('should extract the article with Readability and drop navigation, captions, share and related links', () => {
      const html = page(
        `<article><h1>Ship arrives at port after delay</h1><p>By Jane Doe</p>${BODY.map((b) => `<p>${b}</p>`).join('')}` +
          `<figure><img src="x.jpg"><figcaption>The ship in port. Photo: Reuters</figcaption></figure>` +
          `<p>Read more: <a href="/a">Other story about ships</a></p><div><a href="#">Share</a> <a href="#">Tweet</a></div></article>`,
        '<meta property="og:title" content="Ship arrives at port after delay"><meta name="author" content="JANE DOE">' +
          '<meta property="article:published_time" content="2023-01-02T03:04:05+02:00">',
      );
      const out = cleanArticle({ id: 'a', raw: html });
      expect(out.text).toBe(BODY.join('\n\n'));
      expect(out).toMatchObject({
        title: 'Ship arrives at port after delay',
        author: 'Jane Doe',
        publishedAt: '2023-01-02T03:04:05+02:00',
        language: 'en',
      });
    });

    it('should fall back to a text walk when Readability finds nothing, dropping link-dense lines', () => {
      const html =
        '<html><body><div><a href="/1">Home</a> | <a href="/2">World news today</a></div>' +
        '<div>A short note: the port reopened on Monday after the storm passed.</div></body></html>';
      const out = cleanArticle({ id: 'b', raw: html });
      expect(out.text).toBe('A short note: the port reopened on Monday after the storm passed.');
    });

    it('should strip the site name from the page title', () => {
      const html = page(
        `<div>${BODY.map((b) => `<p>${b}</p>`).join('')}</div>`,
        '<meta property="og:title" content="Ship arrives at port | Example News"><meta property="og:site_name" content="Example News">',
      );
      expect(cleanArticle({ id: 't', raw: html }).title).toBe('Ship arrives at port');
    });

    it('should read the title from <title> when there is no og:title or h1, and JSON-LD dates', () => {
      const html = page(
        `<div>${BODY.map((b) => `<p>${b}</p>`).join('')}</div>`,
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-16T10:00:00Z","author":{"@type":"Person","name":"John Roe"}}</script>',
      );
      const out = cleanArticle({ id: 'c', raw: html });
      expect(out.title).toBe('Ship arrives | Example News');
      expect(out.publishedAt).toBe('2024-01-16T10:00:00+00:00');
      expect(out.author).toBe('John Roe');
    });

    it('should not run scripts or keep their text', () => {
      const html = page(
        `<article>${BODY.map((b) => `<p>${b}</p>`).join('')}<script>document.write("<p>evil text here</p>")</script></article>`,
      );
      expect(cleanArticle({ id: 'd', raw: html }).text).not.toContain('evil');
    });
  });

  describe('cleanArticle (scraped text)', () => {
    const scraped = [
      'Home News World Sport',
      'Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan',
      'Oleh: SITI AMINAH',
      'Kamis, 14 September 2023 | 10:20 WIB',
      'Kapal perang itu tiba di pelabuhan Tanjung Priok pada Kamis pagi. Foto: ANTARA/Budi',
      'portal logo Kapal perang milik angkatan laut itu tiba di pelabuhan pada Kamis pagi setelah latihan gabungan selama sepekan.',
      'Baca juga: Latihan Gabungan Digelar di Laut Natuna',
      'Komandan kapal mengatakan latihan berjalan lancar dan seluruh awak dalam keadaan sehat. Bagikan',
      'Advertisement',
      'Latihan itu melibatkan tiga negara dan akan diulang tahun depan di perairan yang sama.',
      'Berita Terkait',
      'Latihan Gabungan Digelar di Laut Natuna',
      'Kapal Selam Baru Diuji Coba',
    ].join('\n');

    it('should keep only the body sentences, in order', () => {
      expect(cleanArticle({ id: 's', raw: scraped }).text).toBe(
        [
          'Kapal perang milik angkatan laut itu tiba di pelabuhan pada Kamis pagi setelah latihan gabungan selama sepekan.',
          'Komandan kapal mengatakan latihan berjalan lancar dan seluruh awak dalam keadaan sehat.',
          'Latihan itu melibatkan tiga negara dan akan diulang tahun depan di perairan yang sama.',
        ].join('\n\n'),
      );
    });

    it('should find the headline, byline and date line', () => {
      expect(cleanArticle({ id: 's', raw: scraped })).toMatchObject({
        title: 'Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan',
        author: 'Siti Aminah',
        publishedAt: '2023-09-14T10:20:00+07:00',
        language: 'id',
      });
    });

    it('should not take a breadcrumb ending in the headline, or a hyphenated menu, for the title', () => {
      const page = (nav: string) =>
        [
          'Warta Nusantara',
          nav,
          'Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan',
          'Kamis, 14 September 2023 | 10:20 WIB',
          'Kapal perang milik angkatan laut itu tiba di pelabuhan pada Kamis pagi setelah latihan gabungan selama sepekan.',
          'Komandan kapal mengatakan latihan berjalan lancar dan seluruh awak dalam keadaan sehat.',
        ].join('\n');
      const want = 'Kapal Perang Tiba di Pelabuhan Setelah Latihan Gabungan';
      expect(cleanArticle({ id: 'b', raw: page(`Nasional | Maritim | ${want}`) }).title).toBe(want);
      expect(cleanArticle({ id: 'm', raw: page('NASIONAL - EKONOMI - OLAHRAGA - GAYA HIDUP') }).title).toBe(
        want,
      );
    });

    it('should let the caller-given published_at and language win', () => {
      const out = cleanArticle({ id: 's', raw: scraped, published_at: '2023-09-15', language: 'ms' });
      expect(out.publishedAt).toBe('2023-09-15');
      expect(out.language).toBe('ms');
    });

    it('should take a title-case question for the headline, not for body text', () => {
      const raw = [
        'Will Russia Buy More Rockets From Its Neighbour?',
        'The ministry said on Monday that talks on a new purchase of rockets had begun in the capital.',
        'Why does it matter? Analysts say the deal would break the embargo.',
      ].join('\n');
      const out = cleanArticle({ id: 'q', raw });
      expect(out.title).toBe('Will Russia Buy More Rockets From Its Neighbour?');
      expect(out.text).not.toContain('Will Russia');
      expect(out.text).toContain('Why does it matter?');
    });

    it('should drop menu bars, and read a byline and date sharing a line, and keep the dek out of the title', () => {
      const raw = [
        'HOME | NEWS | COUNTIES | BUSINESS | OPINION | SPORTS',
        'Harbour reopens after storm as ships return to the port',
        'By Jane Doe | Thursday, June 12, 2025 8:30 AM EAT',
        'Traders relieved; officials say repairs will take months and cost millions',
        'The harbour reopened on Thursday after a storm closed it for a week, the port authority said.',
        'Ships that had waited offshore began to unload their cargo in the afternoon, officials told reporters.',
      ].join('\n');
      const out = cleanArticle({ id: 'm', raw });
      expect(out).toMatchObject({
        title: 'Harbour reopens after storm as ships return to the port',
        author: 'Jane Doe',
        publishedAt: '2025-06-12T08:30:00+03:00',
      });
      expect(out.text.split('\n\n')).toEqual(raw.split('\n').slice(4));
    });

    it('should read a long date line with an update, and Paris time for a French page', () => {
      const raw = [
        'Le port rouvre après la tempête, les navires reviennent',
        'Publié le 13 février 2025 à 18h05 · Mis à jour le 13 février 2025 à 19h40',
        "Le port a rouvert jeudi après une semaine de fermeture due à la tempête, a indiqué l'autorité portuaire.",
        'Les navires qui attendaient au large ont commencé à décharger leur cargaison dans l’après-midi.',
      ].join('\n');
      const out = cleanArticle({ id: 'f', raw });
      expect(out).toMatchObject({
        title: 'Le port rouvre après la tempête, les navires reviennent',
        publishedAt: '2025-02-13T18:05:00+01:00',
        language: 'fr',
      });
      expect(out.text).not.toContain('Publié');
    });

    it('should join lines broken by hard wrapping', () => {
      const raw =
        'The ministry said on Monday that the ship had arrived\nat the port after a long delay caused by bad weather.';
      expect(cleanArticle({ id: 'w', raw }).text).toBe(
        'The ministry said on Monday that the ship had arrived at the port after a long delay caused by bad weather.',
      );
    });

    it('should strip inline tags and decode entities in scraped text', () => {
      const raw =
        'LAPORAN: <a href="https://example.com/x">RENI ERINA</a>\nThe minister &amp; his deputy met the envoy on Monday in the capital.';
      const out = cleanArticle({ id: 'e', raw });
      expect(out.author).toBe('Reni Erina');
      expect(out.text).toBe('The minister & his deputy met the envoy on Monday in the capital.');
    });
  });

  describe('cleanArticle (normalisation)', () => {
    it('should remove zero-width and bidi characters and NFC-normalise', () => {
      const raw = 'Pres\u200Bident Vla\u200Ddi\uFEFFmir Pu\u202Etin met the envoy in Mosco\u0301w on Monday.';
      const out = cleanArticle({ id: 'z', raw });
      expect(out.text).toBe('President Vladimir Putin met the envoy in Mosc\u00F3w on Monday.');
      expect(out.text).not.toMatch(/[\u200B-\u200F\u202A-\u202E\uFEFF]/);
    });

    it('should keep homoglyphs as written (the actors stage matches mixed-script names)', () => {
      const raw = 'The envoy met Putin (with a Cyrillic \u0430: Put\u0456n) in the capital on Monday.';
      expect(cleanArticle({ id: 'h', raw }).text).toContain('Put\u0456n');
    });

    it('should turn non-breaking and other spaces into plain spaces', () => {
      const out = cleanArticle({
        id: 'n',
        raw: 'The\u00A0envoy\u2009met\u3000the minister on Monday in the capital.',
      });
      expect(out.text).toBe('The envoy met the minister on Monday in the capital.');
    });
  });
});
