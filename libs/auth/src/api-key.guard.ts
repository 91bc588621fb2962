import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IncomingMessage, ServerResponse } from 'node:http';
import { ApiKeyAuthenticator, AuthenticatedApiKey } from './api-key.authenticator';
import { ApiKeyScope, grantsAnyOf } from './api-key.scopes';
import { IS_PUBLIC, REQUIRED_SCOPES } from './auth.decorators';

/** A request after {@link ApiKeyGuard} let it through with a key. */
export interface RequestWithApiKey extends IncomingMessage {
  apiKey?: AuthenticatedApiKey;
}

export const API_KEY_HEADER = 'x-api-key';

/** The key of `Authorization: Bearer <key>`, else of `X-API-Key: <key>`. */
export function presentedApiKey(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    return match?.[1];
  }
  const header = req.headers[API_KEY_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim() || undefined;
}

/**
 * The global guard of every app: `@Public()` routes are open; any other route needs a known,
 * unrevoked key (401 otherwise, with `WWW-Authenticate: Bearer`) holding one of the route's
 * `@RequireScopes(...)` (403 otherwise). A route that declares no scope is refused to every key.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const http = context.switchToHttp();
    const req = http.getRequest<RequestWithApiKey>();
    const res = http.getResponse<ServerResponse>();
    const presented = presentedApiKey(req);
    if (!presented) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sitrep"');
      throw new UnauthorizedException(
        'An API key is required: send it as "Authorization: Bearer <key>" or "X-API-Key: <key>"',
      );
    }
    const key = await this.authenticator.authenticate(presented);
    if (!key) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sitrep", error="invalid_token"');
      throw new UnauthorizedException('The API key is unknown or has been revoked');
    }
    req.apiKey = key;

    const required = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(REQUIRED_SCOPES, targets);
    if (!required || required.length === 0) {
      this.logger.warn(`${req.method} ${req.url} declares no scope: refused (fail closed)`);
      throw new ForbiddenException('This route declares no scope, so no key may call it');
    }
    if (!grantsAnyOf(key.scopes, required)) {
      throw new ForbiddenException(
        `This route needs the ${required.join(' or ')} scope; the key has ${key.scopes.join(', ')}`,
      );
    }
    return true;
  }
}
