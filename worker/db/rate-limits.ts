import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { rateLimits } from './schema';

/**
 * A sliding window, estimated from two fixed ones: the current window's count plus the
 * previous window's, weighted by how much of it still lies within one window of now. Unlike
 * a plain fixed window, a burst at a window's end is not forgotten the moment it turns.
 */
export interface SlidingWindow {
  now: number;
  windowMs: number;
}

const windowStartOf = ({ now, windowMs }: SlidingWindow) => Math.floor(now / windowMs) * windowMs;

export function slidingEstimate(w: SlidingWindow, row: { windowStart: number; count: number; previousCount: number } | undefined): number {
  if (!row) return 0;
  const start = windowStartOf(w);
  const weight = 1 - (w.now - start) / w.windowMs;
  if (row.windowStart === start) return row.count + row.previousCount * weight;
  if (row.windowStart === start - w.windowMs) return row.count * weight;
  return 0;
}

/** Seconds until the estimate for a window at `count` (over `limit`) falls back to the limit. */
export function retryAfterSeconds(w: SlidingWindow, count: number, limit: number): number {
  const untilNext = windowStartOf(w) + w.windowMs - w.now;
  // In the next window this count weighs (1 - f); it is at the limit when f = 1 - limit / count.
  const intoNext = Math.max(0, 1 - limit / Math.max(count, 1)) * w.windowMs;
  return Math.max(1, Math.ceil((untilNext + intoNext) / 1000));
}

/** Counts one request and returns the sliding estimate including it. */
export async function countRequest(db: Database, key: string, w: SlidingWindow): Promise<number> {
  const start = windowStartOf(w);
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1, previousCount: 0 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // Every expression reads the row as it was before this update.
        previousCount: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.previousCount}
          when ${rateLimits.windowStart} = excluded.window_start - ${w.windowMs} then ${rateLimits.count} else 0 end`,
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ windowStart: rateLimits.windowStart, count: rateLimits.count, previousCount: rateLimits.previousCount });
  return slidingEstimate(w, row ?? { windowStart: start, count: 1, previousCount: 0 });
}

/** The sliding estimate without counting a request. */
export async function peekRequests(db: Database, key: string, w: SlidingWindow): Promise<number> {
  const [row] = await db
    .select({ windowStart: rateLimits.windowStart, count: rateLimits.count, previousCount: rateLimits.previousCount })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key}`);
  return slidingEstimate(w, row);
}

export function forgetRequests(db: Database, key: string) {
  return db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export function deleteRateLimitsBefore(db: Database, windowStart: number) {
  return db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${windowStart}`);
}
