// Who is asking, as far as an anonymous citizen can be told apart: the connecting IP
// (set by Cloudflare, not by the client; an IPv6 one by its /64) and the random key the
// client keeps on its device.
import type { Context } from 'hono';
import { sha256Hex } from '../auth/tokens';
import { CLIENT_KEY_HEADER } from '../domain/api';
import type { AppEnv } from './env';

/**
 * The client's address as limits count it: an IPv4 address, or an IPv6 address's /64. Every
 * IPv6 subscriber (a phone, a home) is given a whole /64 and picks addresses in it at will,
 * so counting single IPv6 addresses would let one client bypass every per-client limit.
 */
export function clientIp(c: Context<AppEnv>): string {
  return addressBlock(c.req.header('CF-Connecting-IP') ?? 'unknown');
}

/**
 * `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; an IPv4 address, also one written in IPv6
 * (`::ffff:192.0.2.1`, `::ffff:c000:201`), as `192.0.2.1`; anything else as it is.
 */
export function addressBlock(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!address) return 'unknown';
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const [a, b, c, d, e, f, g, h] = groups as [number, number, number, number, number, number, number, number];
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && (f === 0xffff || (f === 0 && g !== 0))) {
    return [g >> 8, g & 255, h >> 8, h & 255].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (with at most one `::` and an IPv4 tail), or undefined for anything else. */
function ipv6Groups(address: string): number[] | undefined {
  const halves = address.split('::');
  if (!address.includes(':') || halves.length > 2) return undefined;
  const groupsOf = (part: string, last: boolean): number[] | undefined => {
    if (part === '') return [];
    const pieces = part.split(':');
    const out: number[] = [];
    for (const [i, piece] of pieces.entries()) {
      if (/^[0-9a-f]{1,4}$/.test(piece)) out.push(Number.parseInt(piece, 16));
      else if (last && i === pieces.length - 1 && /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(piece)) {
        const octets = piece.split('.').map(Number);
        if (octets.some((o) => o > 255)) return undefined;
        out.push(octets[0]! * 256 + octets[1]!, octets[2]! * 256 + octets[3]!);
      } else return undefined;
    }
    return out;
  };
  const head = groupsOf(halves[0]!, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1]!, true) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : undefined;
}

/**
 * The owner of an upload: the device key when the client sends one (phones change IP
 * between networks), else the IP. Stored only as a hash.
 */
export function clientOwnerHash(c: Context<AppEnv>): Promise<string> {
  const key = c.req.header(CLIENT_KEY_HEADER);
  const valid = key && /^[A-Za-z0-9-]{16,100}$/.test(key);
  return sha256Hex(valid ? `key:${key}` : `ip:${clientIp(c)}`);
}
