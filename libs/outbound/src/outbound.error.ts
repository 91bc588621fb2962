/** Stable codes for refused or failed outbound requests; they cross logs and feed error columns. */
export type OutboundErrorCode =
  | 'OUTBOUND.INVALID_URL'
  | 'OUTBOUND.SCHEME_REFUSED'
  | 'OUTBOUND.ADDRESS_REFUSED'
  | 'OUTBOUND.DNS_FAILED'
  | 'OUTBOUND.TIMEOUT'
  | 'OUTBOUND.TOO_LARGE'
  | 'OUTBOUND.TOO_MANY_REDIRECTS'
  | 'OUTBOUND.NETWORK';

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    readonly url?: string,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}
