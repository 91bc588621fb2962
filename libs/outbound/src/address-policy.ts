import ipaddr from 'ipaddr.js';

export interface AddressPolicyOptions {
  /**
   * Allow 127.0.0.0/8 and ::1 (and their IPv4-mapped forms). For tests against a local server only.
   * @default false
   */
  allowLoopback?: boolean;
  /**
   * Exact addresses that are allowed although their range is not public (e.g. a trusted internal mirror).
   * @default []
   */
  allowAddresses?: string[];
}

/** Decides whether an IP address may be connected to: only public unicast, unless configured otherwise. */
export class AddressPolicy {
  private readonly allowLoopback: boolean;
  private readonly allowed: Set<string>;

  constructor(options: AddressPolicyOptions = {}) {
    this.allowLoopback = options.allowLoopback ?? false;
    this.allowed = new Set((options.allowAddresses ?? []).map((a) => normalizeAddress(a)));
  }

  /** Returns why the address is refused, or null when it may be used. */
  refusalReason(address: string): string | null {
    if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
    let ip = ipaddr.parse(address);
    if (this.allowed.has(ip.toNormalizedString())) return null;
    // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the IPv4 host: judge that one.
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
      ip = (ip as ipaddr.IPv6).toIPv4Address();
      if (this.allowed.has(ip.toNormalizedString())) return null;
    }
    const range = ip.range();
    if (range === 'unicast') return null;
    if (range === 'loopback' && this.allowLoopback) return null;
    return `${address} is in a non-public range (${range})`;
  }
}

function normalizeAddress(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.parse(address).toNormalizedString() : address;
}
