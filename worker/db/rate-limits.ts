import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { type SlidingWindow, slidingEstimate, windowStartOf } from '../domain/rate-limit';
import { rateLimits } from './schema';

/** Counts one request and returns the sliding estimate including it. */
export async function countRequest(db: Database, key: string, w: SlidingWindow): Promise<number> {
  return countedEstimate(w, await countRequestQuery(db, key, w));
}

/** The statement behind `countRequest`, for a batch; `countedEstimate` reads its answer. */
export function countRequestQuery(db: Database, key: string, w: SlidingWindow) {
  const start = windowStartOf(w);
  return db
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
}

export const countedEstimate = (w: SlidingWindow, rows: { windowStart: number; count: number; previousCount: number }[]) =>
  slidingEstimate(w, rows[0] ?? { windowStart: windowStartOf(w), count: 1, previousCount: 0 });

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
