// Staff sign-in. Failures are limited per username and per client, and the answer never
// tells whether a username exists.
import { Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password';
import { isKnownDevice, rememberThisDevice } from '../auth/devices';
import { currentStaff, endSession, startSession } from '../auth/session';
import { countRequests, forgetRequests, peekRequests, uncountRequest } from '../db/rate-limits';
import { retryAfterSeconds, type SlidingWindow, slidingEstimate, type WindowCounts } from '../domain/rate-limit';
import { findUserByUsername } from '../db/staff';
import { clientIp } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { textBodyLimit } from '../http/body-limit';
import { validate } from '../http/validate';
import { disconnectStaff } from '../live/topics';

const WINDOW_MS = 15 * 60 * 1000;
/**
 * Failed sign-ins allowed per 15 minutes. Usernames are public (an agency's is its slug), so a
 * low limit per username alone would let anyone keep an agency locked out: the tight one is per
 * username and client, the one per username (across clients, against guessing from many
 * addresses) is ten times wider, and one client may not try many usernames either.
 */
export const loginLimits = { perUsernameAndClient: 5, perUsername: 50, perClient: 20 };

const loginBody = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

const keys = (counts: { key: string }[]) => counts.map(({ key }) => key);

/** 429 when `over` says a count is past its limit, with the wait until every one has room again. */
function refuseLogin(
  window: SlidingWindow,
  counts: { limit: number }[],
  rows: (WindowCounts | undefined)[],
  over: (estimate: number, limit: number) => boolean,
) {
  const waits = counts.flatMap(({ limit }, i) => (over(slidingEstimate(window, rows[i]), limit) ? [retryAfterSeconds(window, rows[i], limit)] : []));
  if (waits.length > 0) {
    throw new ApiError('rate_limited', 'Too many failed sign-ins: try again later', { headers: { 'Retry-After': String(Math.max(...waits)) } });
  }
}

// Checked against when the username is unknown, so that both cases take as long.
let decoyHash: Promise<string> | undefined;

export const authRoutes = new Hono<AppEnv>()
  .post('/login', textBodyLimit, validate('json', loginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const db = c.get('db');
    const window = { now: Date.now(), windowMs: WINDOW_MS };
    const client = clientIp(c);
    const pair = { key: `login-user-ip:${username}|${client}`, limit: loginLimits.perUsernameAndClient };
    const ofUsername = { key: `login-user:${username}`, limit: loginLimits.perUsername };
    const ofClient = { key: `login-ip:${client}`, limit: loginLimits.perClient };
    const all = [pair, ofUsername, ofClient];
    const [known, held] = await Promise.all([isKnownDevice(c, username), peekRequests(db, keys(all))]);
    // From a browser this person signed in from, the username's own limit (reached by guessing
    // from many addresses) does not hold them back; the limits of this client still do.
    const counts = known ? [pair, ofClient] : all;
    // Refused from a read while past a limit: a try refused writes nothing.
    refuseLogin(window, counts, counts.map((count) => held[all.indexOf(count)]), (estimate, limit) => estimate + 1 > limit);
    // Each try then holds its place in every count before its password is checked: read first
    // and counted after, a burst of guesses sent at once would all be checked before any counted.
    const tries = await countRequests(db, keys(counts), window);
    const uncount = (which: typeof counts) => Promise.all(which.map(({ key }) => uncountRequest(db, key, window)));
    try {
      refuseLogin(window, counts, tries, (estimate, limit) => estimate > limit);
    } catch (refused) {
      // A refused try is no failure: it does not push the wait further.
      await uncount(counts);
      throw refused;
    }

    const user = await findUserByUsername(db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))));
    // A disabled account, or one of an agency switched off, is answered like a wrong password.
    if (!user || !ok || !user.mayWork) throw new ApiError('unauthenticated', 'Wrong username or password');
    // Only failures count: a success clears this client's for the username and takes itself
    // back from the others (clearing the username's would reset guessing from elsewhere).
    await Promise.all([forgetRequests(db, pair.key), uncount(counts.filter((count) => count !== pair)), rememberThisDevice(c, user.id)]);
    return c.json({ user: await startSession(c, user.id) });
  })
  .post('/logout', async (c) => {
    const staff = await currentStaff(c);
    await endSession(c);
    // Sockets are tagged by person, not session: other signed-in tabs reconnect at once
    // and are authorised anew; this one cannot.
    if (staff) c.executionCtx.waitUntil(disconnectStaff(c.env, staff, 'signed out').catch(() => {}));
    return c.body(null, 204);
  })
  .get('/me', async (c) => {
    const staff = await currentStaff(c);
    if (!staff) throw new ApiError('unauthenticated', 'Not signed in');
    c.header('Cache-Control', 'private, no-store');
    return c.json({ user: staff });
  });
