// Per-client limits on the actions a citizen can repeat (filing, uploading, commenting).
// Counted before validation, so a flood of bad requests is limited too.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { countedRow, countRequest, countValues } from '../db/rate-limits';
import { retryAfterSeconds, type SlidingWindow, slidingEstimate, type WindowCounts } from '../domain/rate-limit';
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
} satisfies Record<string, RateLimit>;

/**
 * Open311 reads, which need no key, per address: the runtime's rate limiter (the binding
 * `OPEN311_READS`, configured in wrangler.toml with these figures), so that reading writes
 * nothing to D1. Its count is kept where the request lands and may let a few more through.
 */
export const OPEN311_READ_LIMIT = { limit: 100, periodSeconds: 60 } as const;

export async function enforceOpen311ReadLimit(c: Context<AppEnv>): Promise<void> {
  const { success } = await c.env.OPEN311_READS.limit({ key: clientIp(c) });
  if (!success) {
    throw new ApiError('rate_limited', 'Too many requests: try again later', {
      headers: { 'Retry-After': String(OPEN311_READ_LIMIT.periodSeconds) },
    });
  }
}

/** Counts one request of `subject` (an address, an API key) under `rule`; 429 past the limit. */
export async function enforceRateLimit(c: Context<AppEnv>, rule: RateLimit, subject: string): Promise<void> {
  const window = { now: Date.now(), windowMs: rule.windowSeconds * 1000 };
  refuseOver(rule, window, await countRequest(c.get('db'), `${rule.name}:${subject}`, window));
}

function refuseOver(rule: RateLimit, window: SlidingWindow, counted: WindowCounts) {
  if (slidingEstimate(window, counted) > rule.limit) {
    throw new ApiError('rate_limited', 'Too many requests: try again later', {
      headers: { 'Retry-After': String(retryAfterSeconds(window, counted, rule.limit)) },
    });
  }
}

const countAndLimit = (rule: RateLimit) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await enforceRateLimit(c, rule, clientIp(c));
    await next();
  });

/** A request's count left to its handler (see `rateLimitedInHandler`). */
export interface PendingCount {
  rule: RateLimit;
  key: string;
  window: SlidingWindow;
  taken: boolean;
}

/**
 * The same limit, counted by the handler in its first D1 batch, one round trip fewer: it takes
 * the statement's values with `takeCount` and either calls `limitCounted` on the answer before
 * it writes anything, or makes the writes in that same batch conditional on the count (filing:
 * `insertCheckedComplaint`). A request the handler never reached (refused by validation) is
 * counted here, afterwards, and answered 429 past the limit, as if it had been counted first.
 */
const countInHandler = (rule: RateLimit) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const pending: PendingCount = { rule, key: `${rule.name}:${clientIp(c)}`, window: { now: Date.now(), windowMs: rule.windowSeconds * 1000 }, taken: false };
    c.set('pendingCount', pending);
    await next();
    if (!pending.taken) refuseOver(rule, pending.window, await countRequest(c.get('db'), pending.key, pending.window));
  });

/** The values counting this request, for the handler's first batch (undefined: nothing to count). */
export function takeCount(c: Context<AppEnv>) {
  const pending = c.get('pendingCount');
  if (!pending || pending.taken) return undefined;
  pending.taken = true;
  return { pending, values: countValues(pending.key, pending.window) };
}

/** 429 when the count the handler made is past the limit. */
export const limitCounted = (pending: PendingCount, rows: WindowCounts[]) => refuseOver(pending.rule, pending.window, countedRow(pending.window, rows));

export const rateLimited = (rule: RateLimit) => describedAs(countAndLimit(rule), { kind: 'rateLimit', rule });
export const rateLimitedInHandler = (rule: RateLimit) => describedAs(countInHandler(rule), { kind: 'rateLimit', rule });
