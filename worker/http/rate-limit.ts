// Per-client limits on the actions a citizen can repeat (filing, uploading, commenting).
// Counted before validation, so a flood of bad requests is limited too.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { countRequest } from '../db/rate-limits';
import { retryAfterSeconds } from '../domain/rate-limit';
import { clientIp } from './client';
import { describedAs } from './described';
import type { AppEnv } from './env';
import { ApiError } from './errors';

export interface RateLimit {
  name: string;
  limit: number;
  windowSeconds: number;
}

// Generous enough for many citizens behind one carrier-grade NAT address, tight enough
// to stop a script.
export const rateLimits = {
  complaints: { name: 'complaints', limit: 20, windowSeconds: 600 },
  uploads: { name: 'uploads', limit: 100, windowSeconds: 600 },
  comments: { name: 'comments', limit: 30, windowSeconds: 600 },
  // Open311 reads need no key: one a second on average, in bursts, per address.
  open311Reads: { name: 'open311-reads', limit: 600, windowSeconds: 600 },
} satisfies Record<string, RateLimit>;

/** Counts one request of `subject` (an address, an API key) under `rule`; 429 past the limit. */
export async function enforceRateLimit(c: Context<AppEnv>, rule: RateLimit, subject: string): Promise<void> {
  const window = { now: Date.now(), windowMs: rule.windowSeconds * 1000 };
  const count = await countRequest(c.get('db'), `${rule.name}:${subject}`, window);
  if (count > rule.limit) {
    throw new ApiError('rate_limited', 'Too many requests: try again later', {
      headers: { 'Retry-After': String(retryAfterSeconds(window, count, rule.limit)) },
    });
  }
}

const countAndLimit = (rule: RateLimit) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await enforceRateLimit(c, rule, clientIp(c));
    await next();
  });

export const rateLimited = (rule: RateLimit) => describedAs(countAndLimit(rule), { kind: 'rateLimit', rule });
