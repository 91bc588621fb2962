import { DynamicModule, Module } from '@nestjs/common';
import { OutboxRelayOptions, OUTBOX_RELAY_OPTIONS } from './outbox.options';
import { OutboxRelay } from './outbox.relay';
import { OutboxWriter } from './outbox.writer';

/**
 * The transactional outbox: {@link OutboxWriter} for handlers and, when enabled, {@link OutboxRelay}
 * publishing in the background. Needs PersistenceModule and KafkaModule in the app.
 */
@Module({})
export class OutboxModule {
  static forRoot(options: OutboxRelayOptions = {}): DynamicModule {
    return {
      module: OutboxModule,
      // Global so that a feature module can nudge the app's relay after it commits outbox rows.
      global: true,
      providers: [{ provide: OUTBOX_RELAY_OPTIONS, useValue: options }, OutboxWriter, OutboxRelay],
      exports: [OutboxWriter, OutboxRelay],
    };
  }
}
