import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { OPENAPI_PUBLIC_EXTENSION } from '@sitrep/domain/http';
import { ApiKeyScope } from './api-key.scopes';

export const IS_PUBLIC = 'sitrep:auth:public';
export const REQUIRED_SCOPES = 'sitrep:auth:scopes';

/** OpenAPI security scheme names (the same key, sent either way). */
export const BEARER_SCHEME = 'bearer';
export const API_KEY_SCHEME = 'api-key';

/** A route anyone may call without a key (health checks). Everything else needs {@link RequireScopes}. */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(OPENAPI_PUBLIC_EXTENSION, true));

/**
 * A route a key may call when it holds any one of `scopes` (or `admin`). A route without this or
 * {@link Public} is refused to every key: the guard fails closed. Also documents the requirement in
 * the OpenAPI document (both security schemes, with the scopes).
 */
export const RequireScopes = (...scopes: [ApiKeyScope, ...ApiKeyScope[]]) =>
  applyDecorators(
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiSecurity(BEARER_SCHEME, scopes),
    ApiSecurity(API_KEY_SCHEME, scopes),
  );
