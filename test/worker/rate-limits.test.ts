// Sliding-window limits: a burst at the end of one window still counts at the start of the
// next, fading as the window slides past it.
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../worker/db/client';
import { countRequest, peekRequests } from '../../worker/db/rate-limits';
import { retryAfterSeconds, type SlidingWindow, slidingEstimate, type WindowCounts } from '../../worker/domain/rate-limit';
import { addressBlock } from '../../worker/http/client';

const windowMs = 600_000;
const T = 1_800_000_000_000; // a window boundary: a multiple of ten minutes
const at = (ms: number) => ({ now: T + ms, windowMs });

describe('sliding-window rate limits', () => {
  it('weighs the previous window by the part of it still within one window of now', () => {
    const lastWindow = { windowStart: T - windowMs, count: 20, previousCount: 0 };
    expect(slidingEstimate(at(0), lastWindow)).toBe(20);
    expect(slidingEstimate(at(windowMs / 4), lastWindow)).toBe(15);
    expect(slidingEstimate(at(windowMs - 1), lastWindow)).toBeCloseTo(0, 3);
    const thisWindow = { windowStart: T, count: 3, previousCount: 20 };
    expect(slidingEstimate(at(windowMs / 2), thisWindow)).toBe(3 + 10);
    // Two windows back no longer counts, nor does nothing at all.
    expect(slidingEstimate(at(windowMs + 1), lastWindow)).toBe(0);
    expect(slidingEstimate(at(0), undefined)).toBe(0);
  });

  it('tells how long until one more request is within the limit', () => {
    // 20 of 20 in this window, half-way through: into the next window until they weigh 19.
    expect(retryAfterSeconds(at(windowMs / 2), { windowStart: T, count: 20, previousCount: 0 }, 20)).toBe(300 + 30);
    // 40 of 20 at the end of the last window: until they weigh 19, a little past the middle of this one.
    expect(retryAfterSeconds(at(0), { windowStart: T - windowMs, count: 40, previousCount: 0 }, 20)).toBe(315);
    // Five failures just before the turn, asked a minute after it: two minutes more (limit 5).
    expect(retryAfterSeconds(at(60_000), { windowStart: T - windowMs, count: 5, previousCount: 0 }, 5)).toBe(60);
    expect(retryAfterSeconds(at(windowMs - 10), { windowStart: T, count: 1, previousCount: 0 }, 20)).toBe(1);
  });

  it('lets a request through at the Retry-After it gave, not a second before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: windowMs - 1 }),
        fc.boolean(),
        (limit, count, previousCount, into, lastWindow) => {
          const row = { windowStart: lastWindow ? T - windowMs : T, count, previousCount };
          const now = at(into);
          fc.pre(slidingEstimate(now, row) + 1 > limit);
          const wait = retryAfterSeconds(now, row, limit) * 1000;
          const later = (ms: number) => ({ now: now.now + ms, windowMs });
          expect(slidingEstimate(later(wait), row) + 1).toBeLessThanOrEqual(limit + 1e-9);
          if (wait > 1000) expect(slidingEstimate(later(wait - 1000), row) + 1).toBeGreaterThan(limit);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('carries a count across the turn of a window in the database', async () => {
    const db = createDb(env.DB);
    const key = 'test:carry';
    const estimate = async (at: SlidingWindow, counted: Promise<WindowCounts | undefined>) => slidingEstimate(at, await counted);
    const peek = async (w: SlidingWindow) => estimate(w, peekRequests(db, [key]).then(([row]) => row));
    for (let i = 0; i < 20; i++) await countRequest(db, key, at(windowMs - 60_000 + i));
    expect(await peek(at(windowMs - 1))).toBeCloseTo(20, 3);
    // Just after the turn the 20 still weigh almost fully; a minute later 90% of them.
    expect(await estimate(at(windowMs + 1), countRequest(db, key, at(windowMs + 1)))).toBeCloseTo(21, 3);
    expect(await estimate(at(windowMs + 60_000), countRequest(db, key, at(windowMs + 60_000)))).toBeCloseTo(2 + 18, 3);
    // A window later only the second window's two remain, weighted.
    expect(await peek(at(2 * windowMs + windowMs / 2))).toBeCloseTo(1, 3);
    // After a pause of two windows the count starts afresh.
    expect(await estimate(at(4 * windowMs), countRequest(db, key, at(4 * windowMs)))).toBe(1);
  });

  it('counts an IPv6 client by its /64, however the address is written, and an IPv4 one by its address', () => {
    for (const ip of ['2001:db8:1:2::1', '2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2:0:5efe:192.0.2.1']) expect(addressBlock(ip)).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressBlock('198.51.100.7')).toBe('198.51.100.7');
    expect(addressBlock('unknown')).toBe('unknown');
    // IPv4 written in IPv6 is IPv4; what is no address stays as it came (never one shared block).
    expect(addressBlock('::ffff:c000:280')).toBe('192.0.2.128');
    expect(addressBlock('::192.0.2.128')).toBe('192.0.2.128');
    for (const odd of ['1.2.3.4:80', '1:2:3:4:5:6:7:8:9', '2001:db8::1::2', '2001:db8::zz', '::ffff:1.2.3.999']) expect(addressBlock(odd)).toBe(odd);
    expect(addressBlock(' ')).toBe('unknown');
  });
});
