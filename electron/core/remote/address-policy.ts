// Which IP addresses a remote image may come from. An email decides the URL, so without this
// rule a message could make the app probe the user's LAN, router admin pages or cloud
// metadata endpoints (SSRF). Only publicly routable unicast addresses pass; the IPv6 forms
// that carry an IPv4 address (mapped, translated, compatible, NAT64, 6to4, ISATAP) are judged
// by that address, and those that hide it (Teredo, local-use NAT64) are refused outright.
import { isIPv4, isIPv6 } from 'node:net';

export type AddressCategory =
  'unspecified' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'reserved' | 'not-an-ip';

export interface AddressPolicy {
  /** Lets 127.0.0.0/8 and ::1 through (tests only; see test-overrides.ts). Nothing else. */
  allowLoopback?: boolean;
}

type Range = readonly [prefix: readonly number[], bits: number, category: AddressCategory];

const IPV4_RANGES: readonly Range[] = [
  [[0, 0, 0, 0], 8, 'unspecified'], // "this network"; connecting to 0.0.0.0 reaches the local host on Linux
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'private'], // carrier-grade NAT: the ISP's side of the user's network
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'], // includes 169.254.169.254, the cloud metadata service
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'], // benchmarking, used inside some networks
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'], // includes the broadcast address 255.255.255.255
];

/** IPv6 ranges as 16-bit groups. */
const IPV6_RANGES: readonly Range[] = [
  [[0xfe80], 10, 'link-local'],
  [[0xfec0], 10, 'private'], // deprecated site-local, still routed inside some networks
  [[0xfc00], 7, 'unique-local'],
  [[0xff00], 8, 'multicast'],
  [[0x0100, 0, 0, 0], 64, 'reserved'], // discard-only
  [[0x2001, 0x0db8], 32, 'reserved'], // documentation
];

function inRange(value: readonly number[], prefix: readonly number[], bits: number, width: number): boolean {
  for (let i = 0; bits > 0; i++, bits -= width) {
    const mask = bits >= width ? (1 << width) - 1 : ((1 << width) - 1) ^ ((1 << (width - bits)) - 1);
    if (((value[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

export function parseIPv4(text: string): number[] | null {
  if (!isIPv4(text)) return null;
  return text.split('.').map(Number);
}

/** The eight 16-bit groups of an IPv6 address (brackets and zone index allowed), or null. */
export function parseIPv6(text: string): number[] | null {
  let value = text.replace(/^\[(.*)\]$/, '$1');
  const zone = value.indexOf('%');
  if (zone >= 0) value = value.slice(0, zone);
  if (!isIPv6(value)) return null;
  const lastColon = value.lastIndexOf(':');
  const tail = parseIPv4(value.slice(lastColon + 1));
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail;
    value = `${value.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = value.split('::');
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups =
    rest === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.length === 8 ? groups.map((group) => parseInt(group, 16)) : null;
}

function classifyIPv4(bytes: readonly number[]): AddressCategory | null {
  for (const [prefix, bits, category] of IPV4_RANGES) if (inRange(bytes, prefix, bits, 8)) return category;
  return null;
}

function embeddedIPv4(groups: readonly number[], index: number): number[] {
  const high = groups[index] ?? 0;
  const low = groups[index + 1] ?? 0;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff];
}

/** The part of 64:ff9b::/32 (NAT64) that is the well-known /96 prefix; the rest is refused. */
function isWellKnownNat64(groups: readonly number[]): boolean {
  return groups.slice(2, 6).every((group) => group === 0);
}

function classifyIPv6(groups: readonly number[]): AddressCategory | null {
  const zeroUpTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && groups[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (the deprecated "compatible" form) reach the IPv4 host
  if (zeroUpTo(5) && (groups[5] === 0xffff || groups[5] === 0)) return classifyIPv4(embeddedIPv4(groups, 6));
  // ::ffff:0:a.b.c.d (IPv4-translated, SIIT) is delivered to a.b.c.d by the translator
  if (zeroUpTo(4) && groups[4] === 0xffff && groups[5] === 0) return classifyIPv4(embeddedIPv4(groups, 6));
  if (groups[0] === 0x64 && groups[1] === 0xff9b) {
    // 64:ff9b::a.b.c.d, the NAT64 well-known prefix, is translated to a.b.c.d by the gateway.
    // Anything else under 64:ff9b::/32 (local-use NAT64 64:ff9b:1::/48 may embed the IPv4
    // address at several offsets, chosen by the network) cannot be judged, so it is refused.
    return isWellKnownNat64(groups) ? classifyIPv4(embeddedIPv4(groups, 6)) : 'reserved';
  }
  // 2002:aabb:ccdd::/48 is 6to4 for the IPv4 address aa.bb.cc.dd
  if (groups[0] === 0x2002) {
    const inner = classifyIPv4(embeddedIPv4(groups, 1));
    if (inner) return inner;
  }
  // Teredo 2001:0::/32 tunnels to a client whose IPv4 address (and NAT) the relay decides;
  // nothing about the destination can be checked, so the whole range is refused.
  if (groups[0] === 0x2001 && groups[1] === 0) return 'reserved';
  // ISATAP interface identifiers (::0:5efe:a.b.c.d, ::200:5efe:a.b.c.d) name the IPv4 tunnel end
  if (((groups[4] ?? 0) & 0xfdff) === 0 && groups[5] === 0x5efe) {
    const inner = classifyIPv4(embeddedIPv4(groups, 6));
    if (inner) return inner;
  }
  for (const [prefix, bits, category] of IPV6_RANGES) if (inRange(groups, prefix, bits, 16)) return category;
  return null;
}

/** Why an address may not be contacted for a remote image, or null when it may. */
export function forbiddenAddress(address: string, policy: AddressPolicy = {}): AddressCategory | null {
  const v4 = parseIPv4(address);
  const v6 = v4 ? null : parseIPv6(address);
  const category = v4 ? classifyIPv4(v4) : v6 ? classifyIPv6(v6) : 'not-an-ip';
  // only the plain spellings: a loopback host reached through an IPv6 translation is never a test server
  const plainLoopback = v4 !== null || (v6 !== null && v6.slice(0, 7).every((group) => group === 0));
  if (category === 'loopback' && plainLoopback && policy.allowLoopback) return null;
  return category;
}
