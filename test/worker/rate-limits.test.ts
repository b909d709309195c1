// Sliding-window limits: a burst at the end of one window still counts at the start of the
// next, fading as the window slides past it.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../worker/db/client';
import { countRequest, peekRequests } from '../../worker/db/rate-limits';
import { retryAfterSeconds, slidingEstimate } from '../../worker/domain/rate-limit';
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

  it('tells how long until the estimate is back at the limit', () => {
    // 20 of 20 half-way through: free again when the window turns.
    expect(retryAfterSeconds(at(windowMs / 2), 20, 20)).toBe(300);
    // 40 of 20: half of the next window must pass too.
    expect(retryAfterSeconds(at(windowMs / 2), 40, 20)).toBe(600);
    expect(retryAfterSeconds(at(windowMs - 10), 1, 20)).toBe(1);
  });

  it('carries a count across the turn of a window in the database', async () => {
    const db = createDb(env.DB);
    const key = 'test:carry';
    for (let i = 0; i < 20; i++) await countRequest(db, key, at(windowMs - 60_000 + i));
    expect(await peekRequests(db, key, at(windowMs - 1))).toBeCloseTo(20, 3);
    // Just after the turn the 20 still weigh almost fully; a minute later 90% of them.
    expect(await countRequest(db, key, at(windowMs + 1))).toBeCloseTo(21, 3);
    expect(await countRequest(db, key, at(windowMs + 60_000))).toBeCloseTo(2 + 18, 3);
    // A window later only the second window's two remain, weighted.
    expect(await peekRequests(db, key, at(2 * windowMs + windowMs / 2))).toBeCloseTo(1, 3);
    // After a pause of two windows the count starts afresh.
    expect(await countRequest(db, key, at(4 * windowMs))).toBe(1);
  });

  it('counts an IPv6 client by its /64, however the address is written, and an IPv4 one by its address', () => {
    for (const ip of ['2001:db8:1:2::1', '2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2:0:0:5efe:192.0.2.1']) expect(addressBlock(ip)).toBe('2001:db8:1:2::/64');
    expect(addressBlock('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBlock('::1')).toBe('0:0:0:0::/64');
    expect(addressBlock('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(addressBlock('198.51.100.7')).toBe('198.51.100.7');
    expect(addressBlock('unknown')).toBe('unknown');
  });
});
