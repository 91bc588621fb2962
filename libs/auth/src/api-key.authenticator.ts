import { Inject, Injectable } from '@nestjs/common';
import { ApiKeysRepository } from '@sitrep/persistence';
import { API_KEY_MAX_LENGTH, hashApiKey } from './api-key.token';
import { AUTH_OPTIONS } from './auth.di-tokens';
import { AuthModuleOptions } from './auth.options';

/** The key a request was made with, as the guards and handlers see it. */
export interface AuthenticatedApiKey {
  id: string;
  name: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
}

interface CacheEntry {
  key: AuthenticatedApiKey | null;
  expiresAt: number;
}

/** Keys remembered at most; beyond it the oldest entries go (random bad keys cannot grow memory). */
const MAX_CACHED_KEYS = 10_000;

/**
 * Finds the key behind a presented secret: by its SHA-256 in PostgreSQL, remembered for
 * `keyCacheTtlMs` (unknown keys too), so a revocation reaches the other apps within that time;
 * {@link forget} makes it immediate in this process.
 */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly keys: ApiKeysRepository,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  async authenticate(presented: string): Promise<AuthenticatedApiKey | null> {
    if (presented.length === 0 || presented.length > API_KEY_MAX_LENGTH) return null;
    const hash = hashApiKey(presented);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > now) return cached.key;
    const record = await this.keys.findActiveByHash(hash);
    const key = record
      ? {
          id: record.id,
          name: record.name,
          scopes: record.scopes,
          rateLimitPerMinute: record.rateLimitPerMinute,
        }
      : null;
    if (this.options.keyCacheTtlMs > 0)
      this.remember(hash, { key, expiresAt: now + this.options.keyCacheTtlMs });
    return key;
  }

  /** Drops a key from this process's cache (after revoking it). */
  forget(keyId: string): void {
    for (const [hash, entry] of this.cache) if (entry.key?.id === keyId) this.cache.delete(hash);
  }

  private remember(hash: string, entry: CacheEntry): void {
    this.cache.delete(hash);
    if (this.cache.size >= MAX_CACHED_KEYS) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(hash, entry);
  }
}
