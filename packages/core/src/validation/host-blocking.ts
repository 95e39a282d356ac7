import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Service settings of the host blocklist (connection-model §11 rule 6). @public */
export interface HostBlockingConfig {
  /** Host names or addresses to block. When empty (and no other block setting is given) nothing is blocked. */
  readonly blockedHostnames?: readonly string[];
  /** Subnets in CIDR notation, e.g. `10.0.0.0/8`. */
  readonly blockedSubnets?: readonly string[];
  /** A regular expression; matching host names are blocked. */
  readonly blockedHostRegex?: string;
  /** Host names that are always allowed. */
  readonly allowedHostnames?: readonly string[];
}

// Addresses no connection may reach once blocking is on: loopback, site-local (private),
// link-local, multicast and wildcard, for IPv4 and IPv6.
const SPECIAL_RANGES: readonly [string, number, 'ipv4' | 'ipv6', string][] = [
  ['127.0.0.0', 8, 'ipv4', 'it is a loopback address'],
  ['10.0.0.0', 8, 'ipv4', 'it is a site-local address'],
  ['172.16.0.0', 12, 'ipv4', 'it is a site-local address'],
  ['192.168.0.0', 16, 'ipv4', 'it is a site-local address'],
  ['169.254.0.0', 16, 'ipv4', 'it is a link-local address'],
  ['224.0.0.0', 4, 'ipv4', 'it is a multicast address'],
  ['0.0.0.0', 32, 'ipv4', 'it is a wildcard address'],
  ['::1', 128, 'ipv6', 'it is a loopback address'],
  ['fc00::', 7, 'ipv6', 'it is a site-local address'],
  ['fec0::', 10, 'ipv6', 'it is a site-local address'],
  ['fe80::', 10, 'ipv6', 'it is a link-local address'],
  ['ff00::', 8, 'ipv6', 'it is a multicast address'],
  ['::', 128, 'ipv6', 'it is a wildcard address'],
];

const SPECIAL_BLOCKS = SPECIAL_RANGES.map(([network, prefix, family, why]) => {
  const block = new BlockList();
  block.addSubnet(network, prefix, family);
  return { block, family, why };
});

/**
 * Decides whether a host may be used by a connection. Literal addresses and names are checked
 * synchronously (validation); {@link HostBlocker.reasonAfterLookup} also checks every address a
 * name resolves to (before each connect).
 * @public
 */
export class HostBlocker {
  private readonly enabled: boolean;
  private readonly names: Set<string>;
  private readonly allowed: Set<string>;
  private readonly subnets = new BlockList();
  private readonly regex: RegExp | undefined;

  constructor(config: HostBlockingConfig = {}) {
    this.names = new Set((config.blockedHostnames ?? []).filter((h) => h.trim() !== '').map((h) => h.toLowerCase()));
    this.allowed = new Set((config.allowedHostnames ?? []).map((h) => h.toLowerCase()));
    for (const cidr of config.blockedSubnets ?? []) {
      const [network = '', prefix = ''] = cidr.split('/');
      const family = isIP(network);
      if (family !== 0 && /^\d+$/.test(prefix)) this.subnets.addSubnet(network, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    }
    this.regex = config.blockedHostRegex ? new RegExp(config.blockedHostRegex) : undefined;
    this.enabled = this.names.size > 0 || (config.blockedSubnets?.length ?? 0) > 0 || this.regex !== undefined;
  }

  /** Why `host` is blocked, judged on its text alone; `undefined` when allowed. */
  reason(host: string): string | undefined {
    if (!this.enabled) return undefined;
    const name = host.toLowerCase().replace(/^\[|\]$/g, '');
    if (this.allowed.has(name)) return undefined;
    if (this.names.has(name)) return 'the host is blocked';
    if (this.regex?.test(name)) return 'the host matches a blocked pattern';
    if (name === 'localhost' || name.endsWith('.localhost')) return 'it is a loopback address';
    return isIP(name) !== 0 ? this.addressReason(name) : undefined;
  }

  /** Like {@link reason}, then also checks every address the name resolves to. */
  async reasonAfterLookup(host: string): Promise<string | undefined> {
    const direct = this.reason(host);
    if (direct || !this.enabled || isIP(host) !== 0 || this.allowed.has(host.toLowerCase())) return direct;
    const addresses = await lookup(host, { all: true, verbatim: true });
    for (const { address } of addresses) {
      if (this.names.has(address)) return 'the host resolves to a blocked address';
      const why = this.addressReason(address);
      if (why) return why;
    }
    return undefined;
  }

  private addressReason(address: string): string | undefined {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    for (const special of SPECIAL_BLOCKS) {
      if (special.family === family && special.block.check(address, family)) return special.why;
    }
    if (this.subnets.check(address, family)) return 'it is inside a blocked subnet';
    return undefined;
  }
}
