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

/** A client's counts as stored: the window it last counted in, that window's count and the one's before. */
export interface WindowCounts {
  windowStart: number;
  count: number;
  previousCount: number;
}

export function slidingEstimate(w: SlidingWindow, row: WindowCounts | undefined): number {
  if (!row) return 0;
  const start = windowStartOf(w);
  const weight = slidingWeight(w);
  if (row.windowStart === start) return row.count + row.previousCount * weight;
  if (row.windowStart === start - w.windowMs) return row.count * weight;
  return 0;
}

/**
 * Seconds until one more request is within `limit`: until the estimate, in which the previous
 * window's count fades as the window slides and then the current one's in its turn, is at most
 * limit − 1 (nothing more counted meanwhile). At least 1.
 */
export function retryAfterSeconds(w: SlidingWindow, row: WindowCounts | undefined, limit: number): number {
  const start = windowStartOf(w);
  const { windowMs } = w;
  // This window's count and the previous one's, as of now.
  const [current, previous] =
    row?.windowStart === start ? [row.count, row.previousCount] : row?.windowStart === start - windowMs ? [0, row.count] : [0, 0];
  const room = limit - 1;
  const at =
    current <= room
      ? // Within this window: current + previous × (1 − (t − start) / windowMs) ≤ room.
        previous > 0
        ? start + windowMs * (1 - (room - current) / previous)
        : w.now
      : // In the next window: current × (1 − (t − start − windowMs) / windowMs) ≤ room.
        start + windowMs * (2 - room / current);
  return Math.max(1, Math.ceil((at - w.now) / 1000));
}
