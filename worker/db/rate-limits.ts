import { inArray, sql } from 'drizzle-orm';
import { type Database, preparedOnce, runPrepared } from './client';
import { type SlidingWindow, type WindowCounts, windowStartOf } from '../domain/rate-limit';
import { rateLimits } from './schema';

/** Counts one request and returns the counts with it (`slidingEstimate` reads them). */
export async function countRequest(db: Database, key: string, w: SlidingWindow): Promise<WindowCounts> {
  return countedRow(w, await countStatement(db).all(countValues(key, w)));
}

/** Counts one request under each key, in one round trip; the counts in the keys' order. */
export async function countRequests(db: Database, keys: string[], w: SlidingWindow): Promise<WindowCounts[]> {
  const answers = await runPrepared(db, keys.map((key) => [countStatement(db), countValues(key, w)] as const));
  return answers.map((rows) => countedRow(w, rows));
}

/** The values of the counting statement (see `countStatement`) for one request. */
export const countValues = (key: string, w: SlidingWindow) => ({ rateKey: key, windowStart: windowStartOf(w), windowMs: w.windowMs });

/** The statement behind `countRequest`, built once per database; `countedRow` reads its answer. */
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

/** The counts the counting statement answered (the request itself, should it answer nothing). */
export const countedRow = (w: SlidingWindow, rows: WindowCounts[]): WindowCounts => rows[0] ?? { windowStart: windowStartOf(w), count: 1, previousCount: 0 };

/** The counts under each key without counting a request (undefined: none), in the keys' order. */
export async function peekRequests(db: Database, keys: string[]): Promise<(WindowCounts | undefined)[]> {
  const rows = await db
    .select({ key: rateLimits.key, windowStart: rateLimits.windowStart, count: rateLimits.count, previousCount: rateLimits.previousCount })
    .from(rateLimits)
    .where(inArray(rateLimits.key, keys));
  return keys.map((key) => rows.find((row) => row.key === key));
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
