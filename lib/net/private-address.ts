import { BlockList, isIP } from 'node:net';

type Range = { subnet: string; bits: number; type: 'ipv4' | 'ipv6'; kind: string };

/** Where a server-side request must not go by default: this machine, its links and its private networks. */
const RANGES: Range[] = [
  { subnet: '0.0.0.0', bits: 8, type: 'ipv4', kind: 'an unspecified ("this host") address' },
  { subnet: '10.0.0.0', bits: 8, type: 'ipv4', kind: 'a private address' },
  { subnet: '100.64.0.0', bits: 10, type: 'ipv4', kind: 'a shared (carrier-grade NAT) address' },
  { subnet: '127.0.0.0', bits: 8, type: 'ipv4', kind: 'a loopback address' },
  { subnet: '169.254.0.0', bits: 16, type: 'ipv4', kind: 'a link-local address (cloud metadata lives here)' },
  { subnet: '172.16.0.0', bits: 12, type: 'ipv4', kind: 'a private address' },
  { subnet: '192.0.0.0', bits: 24, type: 'ipv4', kind: 'a reserved address' },
  { subnet: '192.168.0.0', bits: 16, type: 'ipv4', kind: 'a private address' },
  { subnet: '198.18.0.0', bits: 15, type: 'ipv4', kind: 'a reserved address' },
  { subnet: '224.0.0.0', bits: 3, type: 'ipv4', kind: 'a multicast or reserved address' },
  { subnet: '::', bits: 128, type: 'ipv6', kind: 'an unspecified address' },
  { subnet: '::1', bits: 128, type: 'ipv6', kind: 'a loopback address' },
  { subnet: 'fc00::', bits: 7, type: 'ipv6', kind: 'a private (unique local) address' },
  { subnet: 'fe80::', bits: 10, type: 'ipv6', kind: 'a link-local address' },
  { subnet: 'fec0::', bits: 10, type: 'ipv6', kind: 'a site-local address' },
  { subnet: 'ff00::', bits: 8, type: 'ipv6', kind: 'a multicast address' },
];

const lists = RANGES.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.subnet, r.bits, r.type);
  return { ...r, list };
});

/**
 * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), -compatible (::a.b.c.d) or NAT64 (64:ff9b::) IPv6 address.
 */
function embeddedIPv4(ip: string): string | null {
  const groups = expandIPv6(ip);
  if (!groups) return null;
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const mapped = zeros(0, 5) && (groups[5] === 0xffff || groups[5] === 0);
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6);
  if (!mapped && !nat64) return null;
  if (zeros(0, 8) || (zeros(0, 7) && groups[7] === 1)) return null; // :: and ::1 are IPv6's own
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

/** Eight 16-bit groups of an IPv6 address (a dotted IPv4 tail included), or null. */
function expandIPv6(ip: string): number[] | null {
  let text = ip.toLowerCase().split('%')[0];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * What kind of non-public address `ip` is (loopback, link-local, private, …), or null for a public one.
 * @example privateAddressKind('::ffff:127.0.0.1') === 'a loopback address'
 */
export function privateAddressKind(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '');
  const type = isIP(bare);
  if (type === 0) return null;
  if (type === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4) return privateAddressKind(v4);
  }
  const family = type === 4 ? 'ipv4' : 'ipv6';
  return lists.find((r) => r.type === family && r.list.check(bare, family))?.kind ?? null;
}
