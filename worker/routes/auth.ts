// Staff sign-in. Failures are limited per username and per client, and the answer never
// tells whether a username exists.
import { Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password';
import { currentStaff, endSession, startSession } from '../auth/session';
import { countRequest, forgetRequests, uncountRequest } from '../db/rate-limits';
import { retryAfterSeconds } from '../domain/rate-limit';
import { findUserByUsername } from '../db/staff';
import { clientIp } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { textBodyLimit } from '../http/body-limit';
import { validate } from '../http/validate';
import { disconnectStaff } from '../live/topics';

const WINDOW_MS = 15 * 60 * 1000;
export const loginLimits = { perUsername: 5, perClient: 20 };

const loginBody = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

// Checked against when the username is unknown, so that both cases take as long.
let decoyHash: Promise<string> | undefined;

export const authRoutes = new Hono<AppEnv>()
  .post('/login', textBodyLimit, validate('json', loginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const db = c.get('db');
    const window = { now: Date.now(), windowMs: WINDOW_MS };
    const keys = { user: `login-user:${username}`, client: `login-ip:${clientIp(c)}` };
    // Each try holds its place in both counts before its password is checked: read first and
    // counted after, a burst of guesses sent at once would all be checked before any counted.
    const [userTries, clientTries] = await Promise.all([countRequest(db, keys.user, window), countRequest(db, keys.client, window)]);
    const uncount = (...which: string[]) => Promise.all(which.map((key) => uncountRequest(db, key, window)));
    if (userTries > loginLimits.perUsername || clientTries > loginLimits.perClient) {
      // A refused try is no failure: it does not push the wait further.
      await uncount(keys.user, keys.client);
      // Wait until one more failure is under the limit again.
      const wait = Math.max(
        userTries > loginLimits.perUsername ? retryAfterSeconds(window, userTries, loginLimits.perUsername) : 0,
        clientTries > loginLimits.perClient ? retryAfterSeconds(window, clientTries, loginLimits.perClient) : 0,
      );
      throw new ApiError('rate_limited', 'Too many failed sign-ins: try again later', { headers: { 'Retry-After': String(wait) } });
    }

    const user = await findUserByUsername(db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))));
    if (!user || !ok || user.disabledAt) throw new ApiError('unauthenticated', 'Wrong username or password');
    // Only failures count: a success clears the username's and takes back the client's.
    await Promise.all([forgetRequests(db, keys.user), uncount(keys.client)]);
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
