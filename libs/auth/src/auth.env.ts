import { EnvInt } from '@sitrep/domain/config';
import { AuthModuleOptions } from './auth.options';

/** API key checks, in every app with HTTP endpoints (docs/configuration.md). */
export class AuthEnv {
  /** How long a key lookup is cached: a revocation takes effect in the other apps within this. */
  @EnvInt(0, 3_600_000)
  AUTH_KEY_CACHE_TTL_MS = 10_000;

  /** Requests per minute per key, for keys created without a limit of their own. */
  @EnvInt(1, 1_000_000)
  AUTH_RATE_LIMIT_PER_MINUTE = 600;
}

export const authOptionsFromEnv = (env: AuthEnv): AuthModuleOptions => ({
  keyCacheTtlMs: env.AUTH_KEY_CACHE_TTL_MS,
  defaultRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
});
