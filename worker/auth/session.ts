// Staff sessions (DESIGN.md, "Security rules"): an opaque 128-bit token in an HttpOnly
// cookie, stored hashed, with an idle and an absolute expiry.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { findSession, insertSession, revokeSession, touchSession } from '../db/staff';
import type { AppEnv } from '../http/env';
import type { StaffRole } from '../domain/vocabulary';
import { hostCookieName, overHttps } from './cookies';
import { randomToken, sha256Hex } from './tokens';

/** A staff member away from the desk this long signs in again. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** However active, a session ends after this long. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  agencyId: number | null;
  agency: { slug: string; name: string; shortName: string | null } | null;
}

export const cookieName = (c: Context<AppEnv>) => hostCookieName(c, 'ntbcare_session');

/** Signs a user in: a new token each time, never a reused one. Returns who is signed in. */
export async function startSession(c: Context<AppEnv>, userId: number): Promise<StaffUser> {
  const token = randomToken();
  const tokenHash = await sha256Hex(token);
  const now = Date.now();
  await insertSession(c.get('db'), {
    tokenHash,
    userId,
    createdAt: new Date(now),
    lastSeenAt: new Date(now),
    expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
  });
  setCookie(c, cookieName(c), token, { httpOnly: true, secure: overHttps(c), sameSite: 'Lax', path: '/', maxAge: SESSION_ABSOLUTE_MS / 1000 });
  const found = await findSession(c.get('db'), tokenHash);
  if (!found) throw new Error('the new session was not stored');
  return staffOf(found);
}

function staffOf(found: NonNullable<Awaited<ReturnType<typeof findSession>>>): StaffUser {
  return { ...found.user, agency: found.agency?.slug ? found.agency : null };
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = getCookie(c, cookieName(c));
  if (token) await revokeSession(c.get('db'), await sha256Hex(token), new Date());
  deleteCookie(c, cookieName(c), { path: '/', secure: overHttps(c) });
}

/** The signed-in staff member, or undefined (no cookie, expired, revoked, disabled, agency switched off). */
export async function currentStaff(c: Context<AppEnv>): Promise<StaffUser | undefined> {
  const token = getCookie(c, cookieName(c));
  if (!token || !/^[0-9a-f]{32}$/.test(token)) return undefined;
  const tokenHash = await sha256Hex(token);
  const db = c.get('db');
  const found = await findSession(db, tokenHash);
  if (!found?.mayWork) return undefined;
  const now = Date.now();
  const { session } = found;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return undefined;
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, tokenHash, new Date(now));
  c.set('sessionHash', tokenHash);
  return staffOf(found);
}
