import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { IncomingHttpHeaders, IncomingMessage, request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest, RequestOptions as HttpsRequestOptions } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { Readable } from 'node:stream';
import { AddressPolicy, AddressPolicyOptions } from './address-policy';
import { OutboundError } from './outbound.error';

export interface SafeHttpClientOptions extends AddressPolicyOptions {
  /**
   * Whole-request deadline in milliseconds, redirects included.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Largest body accepted, in bytes after decompression.
   * @default 5242880 (5 MiB)
   */
  maxBytes?: number;
  /**
   * Redirects followed before giving up.
   * @default 5
   */
  maxRedirects?: number;
  /** @default 'SitrepBot/0.1 (+https://sitrep.invalid/bot)' */
  userAgent?: string;
}

export interface SafeRequest {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Overrides the client's size cap for this request. */
  maxBytes?: number;
  /** Overrides the client's deadline for this request. */
  timeoutMs?: number;
}

export interface SafeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Outbound HTTP(S) that only reaches public addresses: every URL (first and redirected) is vetted for
 * scheme and address, host names are resolved and vetted first and the socket connects to the vetted
 * address (custom `lookup`), so a DNS answer cannot change between check and connect.
 */
export class SafeHttpClient {
  private readonly policy: AddressPolicy;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;

  constructor(options: SafeHttpClientOptions = {}) {
    this.policy = new AddressPolicy(options);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.userAgent = options.userAgent ?? 'SitrepBot/0.1 (+https://sitrep.invalid/bot)';
  }

  async fetch(url: string, init: SafeRequest = {}): Promise<SafeResponse> {
    const deadline = Date.now() + (init.timeoutMs ?? this.timeoutMs);
    const maxBytes = init.maxBytes ?? this.maxBytes;
    let current = this.vetUrl(url);
    let method = init.method ?? 'GET';
    let body = init.body;
    for (let redirects = 0; ; redirects++) {
      const res = await this.once(current, method, init.headers ?? {}, body, deadline, maxBytes);
      const location = res.headers.location;
      if (!REDIRECT_STATUSES.has(res.status) || !location) {
        return { ...res, url: current.toString(), redirects };
      }
      if (redirects >= this.maxRedirects) {
        throw new OutboundError(
          'OUTBOUND.TOO_MANY_REDIRECTS',
          `more than ${this.maxRedirects} redirects`,
          url,
        );
      }
      current = this.vetUrl(location, current);
      // 303 and historic 301/302 after POST turn into GET without a body (as browsers do).
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
    }
  }

  /** Throws OutboundError when the URL is refused without resolving it (scheme, credentials, literal address). */
  assertAllowedUrl(url: string): void {
    this.vetUrl(url);
  }

  /** Parses and checks scheme and literal addresses; host names are checked at lookup time. */
  private vetUrl(raw: string, base?: URL): URL {
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      throw new OutboundError('OUTBOUND.INVALID_URL', `invalid URL: ${raw.slice(0, 200)}`, raw);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new OutboundError('OUTBOUND.SCHEME_REFUSED', `scheme ${url.protocol} is not allowed`, url.href);
    }
    if (url.username || url.password) {
      throw new OutboundError('OUTBOUND.INVALID_URL', 'credentials in URLs are not allowed', url.origin);
    }
    const host = hostOf(url);
    if (isIP(host)) {
      const reason = this.policy.refusalReason(host);
      if (reason) throw new OutboundError('OUTBOUND.ADDRESS_REFUSED', `refused: ${reason}`, url.href);
    }
    return url;
  }

  /** A DNS lookup that answers only with vetted addresses; the socket then connects to exactly those. */
  private readonly vettedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (err, addresses: LookupAddress[]) => {
      if (err) {
        callback(
          new OutboundError('OUTBOUND.DNS_FAILED', `cannot resolve ${hostname}: ${err.code ?? err.message}`),
          '',
          0,
        );
        return;
      }
      // One refused answer refuses the host: a name that points inside is not a public site.
      for (const a of addresses) {
        const reason = this.policy.refusalReason(a.address);
        if (reason) {
          callback(
            new OutboundError('OUTBOUND.ADDRESS_REFUSED', `refused: ${hostname} resolves to ${reason}`),
            '',
            0,
          );
          return;
        }
      }
      if (addresses.length === 0) {
        callback(new OutboundError('OUTBOUND.DNS_FAILED', `no address for ${hostname}`), '', 0);
      } else if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      } else {
        callback(null, addresses[0].address, addresses[0].family);
      }
    });
  };

  private once(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    deadline: number,
    maxBytes: number,
  ): Promise<Omit<SafeResponse, 'url' | 'redirects'>> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return Promise.reject(timeoutError(url));
    const options: RequestOptions & HttpsRequestOptions = {
      method,
      host: hostOf(url),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: {
        'user-agent': this.userAgent,
        'accept-encoding': 'gzip, deflate, br',
        ...headers,
        ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
      },
      lookup: this.vettedLookup,
      // No keep-alive pool: each connection is made through the vetted lookup, never reused across hosts.
      agent: false,
      servername: isIP(hostOf(url)) ? undefined : hostOf(url),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(toOutboundError(e, url));
      };
      const timer = setTimeout(() => fail(timeoutError(url)), remaining);
      const req = send(options, (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        if (REDIRECT_STATUSES.has(status) || method === 'HEAD') {
          res.resume();
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.alloc(0) });
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          fail(
            new OutboundError(
              'OUTBOUND.TOO_LARGE',
              `body of ${declared} bytes exceeds ${maxBytes}`,
              url.href,
            ),
          );
          return;
        }
        const stream = decode(res);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            stream.destroy();
            fail(new OutboundError('OUTBOUND.TOO_LARGE', `body exceeds ${maxBytes} bytes`, url.href));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status, headers: res.headers, body: Buffer.concat(chunks) });
        });
      });
      req.on('error', fail);
      req.end(body);
    });
  }
}

function hostOf(url: URL): string {
  // URL keeps IPv6 literals in brackets.
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

function decode(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(createGunzip());
  if (encoding === 'deflate') return res.pipe(createInflate());
  if (encoding === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

function timeoutError(url: URL): OutboundError {
  return new OutboundError('OUTBOUND.TIMEOUT', 'request timed out', url.href);
}

function toOutboundError(e: unknown, url: URL): OutboundError {
  if (e instanceof OutboundError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new OutboundError('OUTBOUND.NETWORK', message, url.href);
}
