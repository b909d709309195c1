import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { rateLimits } from './schema';

/** Counts one request in the current fixed window and returns the count so far. */
export async function countRequest(db: Database, key: string, windowStart: number): Promise<number> {
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.count} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ count: rateLimits.count });
  return row?.count ?? 1;
}

/** The count in the current window without adding to it. */
export async function peekRequests(db: Database, key: string, windowStart: number): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} = ${windowStart}`);
  return row?.count ?? 0;
}

export function forgetRequests(db: Database, key: string) {
  return db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export function deleteRateLimitsBefore(db: Database, windowStart: number) {
  return db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${windowStart}`);
}
