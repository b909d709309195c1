import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { heldStatuses } from '../domain/vocabulary';
import type { Database } from './client';
import { agencies, complaints } from './schema';

export async function findAgencyBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(agencies).where(eq(agencies.slug, slug)).limit(1);
  return row;
}

/**
 * Switches an agency off unless it holds complaints being handled (forwarded to it or in
 * progress there): its staff can no longer open its inbox, so those would wait for nobody.
 * Checked in the same statement as the write, so a forward made meanwhile is not stranded.
 * Answers how many it holds: 0 when it is off now.
 */
export async function deactivateAgency(db: Database, agencyId: number): Promise<number> {
  const held = and(eq(complaints.agencyId, agencyId), inArray(complaints.status, [...heldStatuses]));
  const [switched, [holding]] = await db.batch([
    db
      .update(agencies)
      .set({ active: false })
      .where(and(eq(agencies.id, agencyId), sql`not exists (select 1 from ${complaints} where ${held})`))
      .returning({ id: agencies.id }),
    db.select({ n: count() }).from(complaints).where(held),
  ]);
  return switched.length ? 0 : (holding?.n ?? 0);
}
