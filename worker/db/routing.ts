// What the queue consumer needs to route a complaint and find its possible duplicates.
import { and, between, eq, gte, inArray, ne, or } from 'drizzle-orm';
import type { RoutingRule } from '../domain/routing';
import type { Database } from './client';
import { agencies, categories, complaints, routingRules } from './schema';

export function listRoutingRules(db: Database, categoryId: number): Promise<RoutingRule[]> {
  return db
    .select({
      categoryId: routingRules.categoryId,
      regencyCode: routingRules.regencyCode,
      agencyId: routingRules.agencyId,
      rank: routingRules.rank,
      autoForward: routingRules.autoForward,
      agencyActive: agencies.active,
    })
    .from(routingRules)
    .innerJoin(agencies, eq(agencies.id, routingRules.agencyId))
    .where(eq(routingRules.categoryId, categoryId));
}

export async function findComplaintForRouting(db: Database, id: number) {
  const [row] = await db
    .select({ complaint: complaints, defaultPriority: categories.defaultPriority })
    .from(complaints)
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .where(eq(complaints.id, id))
    .limit(1);
  return row;
}

/** About 200 m around a point, as a latitude/longitude box (the exact distance is computed after). */
const BOX_DEG = 0.0025;

/** Open complaints of the same category filed since `since`, in the same village or near the pin. */
export function listDuplicateCandidates(
  db: Database,
  c: { id: number; categoryId: number; villageCode: string; lat: number | null; lng: number | null },
  since: Date,
) {
  const near =
    c.lat !== null && c.lng !== null
      ? and(between(complaints.lat, c.lat - BOX_DEG, c.lat + BOX_DEG), between(complaints.lng, c.lng - BOX_DEG, c.lng + BOX_DEG))
      : undefined;
  return db
    .select({
      code: complaints.code,
      title: complaints.title,
      description: complaints.description,
      villageCode: complaints.villageCode,
      lat: complaints.lat,
      lng: complaints.lng,
    })
    .from(complaints)
    .where(
      and(
        eq(complaints.categoryId, c.categoryId),
        ne(complaints.id, c.id),
        inArray(complaints.status, ['submitted', 'forwarded', 'in_progress']),
        gte(complaints.submittedAt, since),
        near ? or(eq(complaints.villageCode, c.villageCode), near) : eq(complaints.villageCode, c.villageCode),
      ),
    )
    .limit(50);
}

export function storeRoutingResult(
  db: Database,
  id: number,
  result: { suggestedAgencyId: number | null; duplicateCandidates: NonNullable<(typeof complaints.$inferInsert)['duplicateCandidates']> },
) {
  return db.update(complaints).set(result).where(eq(complaints.id, id));
}
