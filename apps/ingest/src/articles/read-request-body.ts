import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { IncomingMessage } from 'node:http';
import { TextDecoder } from 'node:util';

export type BodyKind = 'json' | 'html' | 'text';

export interface ReadBody {
  kind: BodyKind;
  /** Parsed JSON for `json`, the text for `html` and `text`. */
  value: unknown;
}

const MEDIA_TYPES: Record<string, BodyKind> = {
  'application/json': 'json',
  'text/html': 'html',
  'text/plain': 'text',
};

interface MaybeParsed extends IncomingMessage {
  body?: unknown;
  _body?: boolean;
}

/**
 * Reads the request body with an explicit cap and media types, so that every refusal is a 413 or 415
 * problem (the app is created with `bodyParser: false`; an already parsed JSON body is taken as is).
 */
export async function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
  accept: BodyKind[],
): Promise<ReadBody> {
  const contentType = String(req.headers['content-type'] ?? '');
  const [mediaType, ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  const kind = MEDIA_TYPES[mediaType];
  if (!kind || !accept.includes(kind)) {
    const allowed = Object.entries(MEDIA_TYPES)
      .filter(([, k]) => accept.includes(k))
      .map(([t]) => t)
      .join(', ');
    throw new UnsupportedMediaTypeException(
      `Content-Type '${mediaType || 'none'}' is not accepted here; use ${allowed}`,
    );
  }
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity')
    throw new UnsupportedMediaTypeException(`Content-Encoding '${encoding}' is not accepted`);
  const charset =
    params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '') ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: false });
  } catch {
    throw new UnsupportedMediaTypeException(`charset '${charset}' is not supported`);
  }

  const parsed = req as MaybeParsed;
  if (parsed._body) return { kind, value: parsed.body };

  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    req.resume();
    throw new PayloadTooLargeException(
      `request body of ${declared} bytes exceeds the limit of ${maxBytes} bytes`,
    );
  }
  const body = await collect(req, maxBytes);
  const text = decoder.decode(body);
  if (kind !== 'json') return { kind, value: text };
  try {
    return { kind, value: JSON.parse(text) };
  } catch (e) {
    throw new BadRequestException({ message: [`body is not valid JSON: ${(e as Error).message}`] });
  }
}

/** Collects the body up to the cap; past it, the rest is drained and discarded so the 413 can be answered. */
function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.resume();
        reject(new PayloadTooLargeException(`request body exceeds the limit of ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
