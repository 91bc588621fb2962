import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The ids of the request being served, for code (the logger) that has no request at hand. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

/** Holds {@link RequestIds} for everything a request runs, sync and async (Node's AsyncLocalStorage). */
export const requestContext = new AsyncLocalStorage<RequestIds>();

/** A request after {@link requestContextMiddleware} ran. */
export interface RequestWithContext extends IncomingMessage {
  requestId?: string;
  correlationId?: string;
}

// Ids from clients end up in logs and headers: accept only short, plain tokens.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const headerValue = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && SAFE_ID.test(first) ? first : undefined;
};

/**
 * Gives every request an id (the client's `x-request-id` or a new UUID) and a correlation id (the
 * client's `x-correlation-id`, else the request id) and echoes both in the response headers. The
 * correlation id is the one that messages caused by the request carry. The rest of the request runs
 * inside {@link requestContext}, so that every log line it writes names both ids.
 */
export function requestContextMiddleware(
  req: RequestWithContext,
  res: ServerResponse,
  next: () => void,
): void {
  const requestId = headerValue(req, REQUEST_ID_HEADER) ?? randomUUID();
  const correlationId = headerValue(req, CORRELATION_ID_HEADER) ?? requestId;
  req.requestId = requestId;
  req.correlationId = correlationId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  res.setHeader(CORRELATION_ID_HEADER, correlationId);
  requestContext.run({ requestId, correlationId }, next);
}
