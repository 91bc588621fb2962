import { AddressInfo } from 'node:net';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { OutboundError } from './outbound.error';
import { SafeHttpClient } from './safe-http.client';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

async function serve(host: string, handler: Handler): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://${host}:${port}` };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (e) {
    return e instanceof OutboundError ? e.code : `unexpected ${String(e)}`;
  }
}

describe(SafeHttpClient.name, () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ server, base } = await serve('127.0.0.2', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const to = url.searchParams.get('to');
      if (url.pathname === '/redirect' && to) {
        res.writeHead(302, { location: to }).end();
      } else if (url.pathname === '/loop') {
        res.writeHead(301, { location: '/loop' }).end();
      } else if (url.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('x'.repeat(64 * 1024));
      } else if (url.pathname === '/bomb') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(4 * 1024 * 1024)));
      } else if (url.pathname === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('compressed hello'));
      } else if (url.pathname === '/slow') {
        setTimeout(() => res.end('late'), 500).unref();
      } else if (url.pathname === '/echo') {
        res.end(`${req.method} ${req.headers['user-agent']}`);
      } else {
        res.end('hello');
      }
    }));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  // The server listens on 127.0.0.2, listed explicitly, so that 127.0.0.1 stays refused as loopback.
  const client = (extra: Partial<ConstructorParameters<typeof SafeHttpClient>[0]> = {}) =>
    new SafeHttpClient({ allowAddresses: ['127.0.0.2'], timeoutMs: 1_000, maxBytes: 32 * 1024, ...extra });

  describe('fetch', () => {
    it('should fetch an allowed address and report the final URL', async () => {
      const res = await client().fetch(`${base}/echo`);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toBe('GET SitrepBot/0.1 (+https://sitrep.invalid/bot)');
      expect(res.url).toBe(`${base}/echo`);
    });

    it('should decompress gzip bodies', async () => {
      await expect(
        client()
          .fetch(`${base}/gzip`)
          .then((r) => r.body.toString()),
      ).resolves.toBe('compressed hello');
    });

    it('should refuse loopback literals when loopback is not allowed', async () => {
      await expect(codeOf(client().fetch('http://127.0.0.1:9/'))).resolves.toBe('OUTBOUND.ADDRESS_REFUSED');
      await expect(codeOf(client().fetch('http://[::1]:9/'))).resolves.toBe('OUTBOUND.ADDRESS_REFUSED');
      await expect(codeOf(client().fetch('http://[::ffff:127.0.0.1]:9/'))).resolves.toBe(
        'OUTBOUND.ADDRESS_REFUSED',
      );
      await expect(codeOf(client().fetch('http://0.0.0.0:9/'))).resolves.toBe('OUTBOUND.ADDRESS_REFUSED');
      await expect(codeOf(client().fetch('http://2130706433/'))).resolves.toBe('OUTBOUND.ADDRESS_REFUSED');
    });

    it('should refuse a host name whose DNS answer is loopback (resolve, then vet)', async () => {
      await expect(codeOf(client().fetch('http://localhost:9/'))).resolves.toBe('OUTBOUND.ADDRESS_REFUSED');
    });

    it('should refuse redirects into loopback, metadata and private addresses', async () => {
      for (const to of [
        'http://127.0.0.1:9/',
        'http://169.254.169.254/latest/meta-data/',
        'http://[fd00::1]/',
        'http://10.0.0.1/',
      ]) {
        await expect(codeOf(client().fetch(`${base}/redirect?to=${encodeURIComponent(to)}`))).resolves.toBe(
          'OUTBOUND.ADDRESS_REFUSED',
        );
      }
    });

    it('should refuse non-http schemes, directly and by redirect', async () => {
      await expect(codeOf(client().fetch('file:///etc/passwd'))).resolves.toBe('OUTBOUND.SCHEME_REFUSED');
      await expect(codeOf(client().fetch('ftp://example.com/feed.xml'))).resolves.toBe(
        'OUTBOUND.SCHEME_REFUSED',
      );
      await expect(
        codeOf(client().fetch(`${base}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`)),
      ).resolves.toBe('OUTBOUND.SCHEME_REFUSED');
    });

    it('should follow relative redirects up to the cap', async () => {
      const res = await client().fetch(`${base}/redirect?to=${encodeURIComponent('/echo')}`);
      expect(res.redirects).toBe(1);
      await expect(codeOf(client({ maxRedirects: 3 }).fetch(`${base}/loop`))).resolves.toBe(
        'OUTBOUND.TOO_MANY_REDIRECTS',
      );
    });

    it('should stop bodies over the size cap, compressed ones included', async () => {
      await expect(codeOf(client().fetch(`${base}/big`))).resolves.toBe('OUTBOUND.TOO_LARGE');
      await expect(codeOf(client().fetch(`${base}/bomb`))).resolves.toBe('OUTBOUND.TOO_LARGE');
    });

    it('should time out slow servers', async () => {
      await expect(codeOf(client({ timeoutMs: 200 }).fetch(`${base}/slow`))).resolves.toBe(
        'OUTBOUND.TIMEOUT',
      );
    });

    it('should reach 127.0.0.1 when loopback is allowed', async () => {
      const local = await serve('127.0.0.1', (_req, res) => res.end('local'));
      try {
        const res = await new SafeHttpClient({ allowLoopback: true }).fetch(`${local.base}/`);
        expect(res.body.toString()).toBe('local');
      } finally {
        await new Promise((resolve) => local.server.close(resolve));
      }
    });
  });
});
