// Rate-limit arithmetic: how many requests a client has made lately, from the counts of
// two fixed windows, and how long it must wait. The counts live in worker/db/rate-limits.ts.

/**
 * A sliding window, estimated from two fixed ones: the current window's count plus the
 * previous window's, weighted by how much of it still lies within one window of now. Unlike
 * a plain fixed window, a burst at a window's end is not forgotten the moment it turns.
 */
export interface SlidingWindow {
  now: number;
  windowMs: number;
}

export const windowStartOf = ({ now, windowMs }: SlidingWindow) => Math.floor(now / windowMs) * windowMs;

/** How much of the previous window still lies within one window of now (1 at its turn, towards 0). */
export const slidingWeight = (w: SlidingWindow) => 1 - (w.now - windowStartOf(w)) / w.windowMs;

export function slidingEstimate(w: SlidingWindow, row: { windowStart: number; count: number; previousCount: number } | undefined): number {
  if (!row) return 0;
  const start = windowStartOf(w);
  const weight = slidingWeight(w);
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
