import { sql } from 'drizzle-orm';
import { type Database, preparedOnce } from './client';
import { type SlidingWindow, slidingEstimate, windowStartOf } from '../domain/rate-limit';
import { rateLimits } from './schema';

/** Counts one request and returns the sliding estimate including it. */
export async function countRequest(db: Database, key: string, w: SlidingWindow): Promise<number> {
  return countedEstimate(w, await countStatement(db).all(countValues(key, w)));
}

/** The values of the counting statement (see `countStatement`) for one request. */
export const countValues = (key: string, w: SlidingWindow) => ({ rateKey: key, windowStart: windowStartOf(w), windowMs: w.windowMs });

/** The statement behind `countRequest`, built once per database; `countedEstimate` reads its answer. */
export const countStatement = preparedOnce((db) =>
  db
    .insert(rateLimits)
    .values({ key: sql.placeholder('rateKey'), windowStart: sql.placeholder('windowStart'), count: 1, previousCount: 0 } as never)
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // Every expression reads the row as it was before this update.
        previousCount: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.previousCount}
          when ${rateLimits.windowStart} = excluded.window_start - ${sql.placeholder('windowMs')} then ${rateLimits.count} else 0 end`,
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ windowStart: rateLimits.windowStart, count: rateLimits.count, previousCount: rateLimits.previousCount })
    .prepare(),
);

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

/**
 * Takes back one request counted with `countRequest` in window `w` (one refused, or one that
 * turned out not to count). Once the window has turned it stays counted: erring on the side of
 * the limit.
 */
export function uncountRequest(db: Database, key: string, w: SlidingWindow) {
  return db
    .update(rateLimits)
    .set({ count: sql`${rateLimits.count} - 1` })
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} = ${windowStartOf(w)} and ${rateLimits.count} > 0`);
}

export function forgetRequests(db: Database, key: string) {
  return db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export function deleteRateLimitsBefore(db: Database, windowStart: number) {
  return db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${windowStart}`);
}
