import { DynamicModule, Global, Module } from '@nestjs/common';
import { SafeHttpClient } from '@sitrep/outbound';
import {
  FEED_SETTINGS,
  FeedSettings,
  INGEST_SETTINGS,
  IngestSettings,
  OUTBOUND_SETTINGS,
  OutboundSettings,
  SAFE_HTTP_CLIENT,
} from './ingest.settings';

export interface IngestSettingsModuleOptions {
  ingest: IngestSettings;
  feeds: FeedSettings;
  outbound: OutboundSettings;
}

/** Provides ingest's settings and the one safe outbound HTTP client every fetch goes through. */
@Global()
@Module({})
export class IngestSettingsModule {
  static forRoot(options: IngestSettingsModuleOptions): DynamicModule {
    return {
      module: IngestSettingsModule,
      providers: [
        { provide: INGEST_SETTINGS, useValue: options.ingest },
        { provide: FEED_SETTINGS, useValue: options.feeds },
        { provide: OUTBOUND_SETTINGS, useValue: options.outbound },
        {
          provide: SAFE_HTTP_CLIENT,
          useFactory: () =>
            new SafeHttpClient({
              allowLoopback: options.outbound.allowLoopback,
              allowAddresses: options.outbound.allowAddresses,
              timeoutMs: options.outbound.timeoutMs,
              maxRedirects: options.outbound.maxRedirects,
              userAgent: options.outbound.userAgent,
              maxBytes: options.feeds.maxPageBytes,
            }),
        },
      ],
      exports: [INGEST_SETTINGS, FEED_SETTINGS, OUTBOUND_SETTINGS, SAFE_HTTP_CLIENT],
    };
  }
}
