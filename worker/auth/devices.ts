// Known devices: a browser a staff member has signed in from keeps a long-lived random token
// (HttpOnly cookie, stored hashed). It signs nobody in; it only shows that a sign-in comes from
// where this person signed in before, so that guessing their password from many addresses,
// which holds their username back (routes/auth.ts), does not keep them out too.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { knownDeviceUser, rememberDevice } from '../db/staff';
import type { AppEnv } from '../http/env';
import { hostCookieName, overHttps } from './cookies';
import { randomToken, sha256Hex } from './tokens';

/** A device not signed in from for this long is forgotten (the cron deletes it). */
export const DEVICE_KEPT_MS = 180 * 24 * 60 * 60 * 1000;

const deviceCookie = (c: Context<AppEnv>) => hostCookieName(c, 'ntbcare_device');

/** The cookie's token, when it looks like one of ours. */
function deviceToken(c: Context<AppEnv>): string | undefined {
  const token = getCookie(c, deviceCookie(c));
  return token && /^[0-9a-f]{32}$/.test(token) ? token : undefined;
}

/** Whether this browser is one `username` has signed in from. */
export async function isKnownDevice(c: Context<AppEnv>, username: string): Promise<boolean> {
  const token = deviceToken(c);
  return token !== undefined && (await knownDeviceUser(c.get('db'), await sha256Hex(token))) === username;
}

/**
 * After a successful sign-in: this browser is known for `userId` from now on (a token it holds
 * is kept, and moves to this person if it was another's; else a new one is given).
 */
export async function rememberThisDevice(c: Context<AppEnv>, userId: number): Promise<void> {
  const token = deviceToken(c) ?? randomToken();
  await rememberDevice(c.get('db'), { tokenHash: await sha256Hex(token), userId, lastUsedAt: new Date() });
  setCookie(c, deviceCookie(c), token, { httpOnly: true, secure: overHttps(c), sameSite: 'Strict', path: '/', maxAge: DEVICE_KEPT_MS / 1000 });
}
