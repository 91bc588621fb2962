import { Module } from '@nestjs/common';
import { ProcessedMessages } from './processed-messages';

/** {@link ProcessedMessages} for idempotent consumers; needs PersistenceModule in the app. */
@Module({ providers: [ProcessedMessages], exports: [ProcessedMessages] })
export class InboxModule {}
