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

/** `2001:db8:1:2:a:b:c:d` → `2001:db8:1:2::/64`; an IPv4 address (or an IPv4-mapped one) as it is. */
export function addressBlock(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!address.includes(':') || !/^[0-9a-f:.]+$/.test(address)) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) return mapped[1]!;
  const [head, tail] = address.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  // An embedded IPv4 address at the end takes the room of two groups.
  const width = (parts: string[]) => parts.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const [before, after] = [groups(head), groups(tail)];
  const all = tail === undefined ? before : [...before, ...Array<string>(Math.max(0, 8 - width(before) - width(after))).fill('0'), ...after];
  return `${all
    .slice(0, 4)
    .map((g) => (Number.parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
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
