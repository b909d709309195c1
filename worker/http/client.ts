// Who is asking, as far as an anonymous citizen can be told apart: the connecting IP
// (set by Cloudflare, not by the client) and the random key the client keeps on its device.
import type { Context } from 'hono';
import { sha256Hex } from '../auth/tokens';
import { CLIENT_KEY_HEADER } from '../domain/api';
import type { AppEnv } from './env';

export function clientIp(c: Context<AppEnv>): string {
  return c.req.header('CF-Connecting-IP') ?? 'unknown';
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
