import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeysRepository } from '@sitrep/persistence';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { ApiKeyGuard } from './api-key.guard';
import { apiKeyOf, ApiKeyThrottlerGuard } from './api-key.throttler.guard';
import { AUTH_OPTIONS } from './auth.di-tokens';
import { AuthModuleOptions } from './auth.options';

const RATE_WINDOW_MS = 60_000;

/**
 * API keys for an app (needs the global PersistenceModule): the fail-closed key guard and the
 * per-key rate limit, both global, in that order (the limiter counts the key the first guard found).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [
            {
              ttl: RATE_WINDOW_MS,
              limit: (context) => apiKeyOf(context)?.rateLimitPerMinute ?? options.defaultRateLimitPerMinute,
            },
          ],
          // Public routes (health) have no key and are not limited.
          skipIf: (context) => context.getType() !== 'http' || !apiKeyOf(context),
          errorMessage: (_context, detail) =>
            `This key may make ${detail.limit} requests per minute; retry after ${Math.max(1, Math.ceil(detail.timeToBlockExpire))} s`,
        }),
      ],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        ApiKeysRepository,
        ApiKeyAuthenticator,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
      ],
      exports: [ApiKeysRepository, ApiKeyAuthenticator],
    };
  }
}
