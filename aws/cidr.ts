/** Checks of the CIDR ranges Kong's traffic leaves from (ipaddr.js does the parsing). */
import ipaddr from 'ipaddr.js';

/** Address ranges API Gateway never sees as a caller's source: a range of these would block Kong. */
const NOT_PUBLIC = ['unspecified', 'private', 'loopback', 'linkLocal', 'multicast', 'broadcast', 'carrierGradeNat', 'uniqueLocal', 'ipv4Mapped'];

/**
 * The widest range that can be one organisation's egress: an IPv4 /16 (65,536 addresses, more
 * than any NAT fleet) or an IPv6 /48 (one site's allocation). A wider range lets in far more of the
 * internet than Kong, which defeats the resource policy it feeds.
 */
export const WIDEST_EGRESS_PREFIX = { ipv4: 16, ipv6: 48 } as const;

/** Why a CIDR cannot be one of Kong's egress ranges; undefined when it can. */
export function egressCidrProblem(cidr: string): { problem: string; accepted: string } | undefined {
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    [address, prefix] = ipaddr.parseCIDR(cidr);
  } catch {
    return { problem: 'not a CIDR range', accepted: 'an IPv4 or IPv6 range such as 203.0.113.0/24 or 2001:db8::/48' };
  }
  if (prefix === 0) return { problem: 'allows every address', accepted: 'Kong’s own egress ranges, e.g. the NAT gateway addresses of its VPC (/32 each)' };
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  if (network.toString() !== address.toString()) {
    return { problem: 'host bits are set', accepted: `the network address, ${network.toString()}/${prefix}` };
  }
  const widest = WIDEST_EGRESS_PREFIX[address.kind()];
  if (prefix < widest) {
    return {
      problem: `a /${prefix} spans ${address.kind() === 'ipv4' ? `${(2 ** (32 - prefix)).toLocaleString('en-US')} addresses` : `2^${128 - prefix} addresses`}, far more than Kong's egress`,
      accepted: `Kong's own egress ranges, each at most a /${widest} (e.g. its NAT gateway addresses, /${address.kind() === 'ipv4' ? 32 : 128} each)`,
    };
  }
  if (NOT_PUBLIC.includes(address.range())) {
    return {
      problem: `a ${address.range()} range`,
      accepted: 'a public range: API Gateway sees the public address Kong’s traffic leaves from (its NAT), never a private one',
    };
  }
  return undefined;
}

/**
 * Why a CIDR cannot be a range Kong trusts for X-Forwarded-* headers (a load balancer's); undefined
 * when it can. Private ranges are the usual case here; the whole address space never is.
 */
export function trustedCidrProblem(cidr: string): { problem: string; accepted: string } | undefined {
  let prefix: number;
  try {
    [, prefix] = ipaddr.parseCIDR(cidr);
  } catch {
    return { problem: 'not a CIDR range', accepted: 'an IPv4 or IPv6 range such as 10.0.0.0/16' };
  }
  if (prefix === 0) {
    return { problem: 'trusts every address: any client could then claim to be HTTPS or forge its address', accepted: "the load balancer's own ranges" };
  }
  return undefined;
}
