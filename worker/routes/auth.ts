// Staff sign-in. Failures are limited per username and per client, and the answer never
// tells whether a username exists.
import { Hono } from 'hono';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password';
import { currentStaff, endSession, startSession } from '../auth/session';
import { countRequest, forgetRequests, peekRequests } from '../db/rate-limits';
import { retryAfterSeconds } from '../domain/rate-limit';
import { findUserByUsername } from '../db/staff';
import { clientIp } from '../http/client';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
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
  .post('/login', validate('json', loginBody), async (c) => {
    const { username, password } = c.req.valid('json');
    const db = c.get('db');
    const window = { now: Date.now(), windowMs: WINDOW_MS };
    const keys = { user: `login-user:${username}`, client: `login-ip:${clientIp(c)}` };
    const [userFailures, clientFailures] = await Promise.all([
      peekRequests(db, keys.user, window),
      peekRequests(db, keys.client, window),
    ]);
    if (userFailures >= loginLimits.perUsername || clientFailures >= loginLimits.perClient) {
      // One more failure is refused once the estimate reaches the limit: wait until it is under.
      const wait = Math.max(
        userFailures >= loginLimits.perUsername ? retryAfterSeconds(window, userFailures + 1, loginLimits.perUsername) : 0,
        clientFailures >= loginLimits.perClient ? retryAfterSeconds(window, clientFailures + 1, loginLimits.perClient) : 0,
      );
      throw new ApiError('rate_limited', 'Too many failed sign-ins: try again later', { headers: { 'Retry-After': String(wait) } });
    }

    const user = await findUserByUsername(db, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await (decoyHash ??= hashPassword('decoy'))));
    if (!user || !ok || user.disabledAt) {
      await Promise.all([countRequest(db, keys.user, window), countRequest(db, keys.client, window)]);
      throw new ApiError('unauthenticated', 'Wrong username or password');
    }
    await forgetRequests(db, keys.user);
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
