import { RecordExtractionOutcome } from '../commands/record-extraction/record-extraction.command';

/** In-process: an article's claims were stored (or replaced); reported after the transaction committed. */
export class ClaimsRecordedEvent {
  constructor(readonly outcome: Extract<RecordExtractionOutcome, { kind: 'recorded' | 'replaced' }>) {}
}
