// What the queue consumer needs to route a complaint and find its possible duplicates.
import { and, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { DUPLICATE_WINDOW_MS } from '../domain/duplicates';
import type { RoutingRule } from '../domain/routing';
import type { Database } from './client';
import { agencies, categories, complaints, events, routingRules } from './schema';
import { targetsOf, targetsQuery } from './settings';

export function listRoutingRules(db: Database, categoryId: number): Promise<RoutingRule[]> {
  return routingRulesQuery(db, eq(routingRules.categoryId, categoryId));
}

const routingRulesQuery = (db: Database, where: SQL) =>
  db
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
    .where(where);

/** About 200 m around a point, as a latitude/longitude box (the exact distance is computed after). */
const BOX_DEG = 0.0025;
/** Events after which the consumer routes the complaint (suggestion, duplicates, maybe a forward). */
export const ROUTED_EVENTS = ['submitted', 'returned'] as const;
export const isRoutedEvent = (type: string) => (ROUTED_EVENTS as readonly string[]).includes(type);

/**
 * What the queue consumer needs to handle one event, in one round trip to D1: the event, its
 * complaint (with the category's default priority) and, for a routed event (ROUTED_EVENTS),
 * the category's routing rules, the targets in force and the possible duplicates: open
 * complaints of the same category filed in the 30 days before it, in the same village or
 * near its pin.
 */
export async function loadEventWork(db: Database, eventId: number) {
  const complaintId = sql`(select ${events.complaintId} from ${events} where ${events.id} = ${eventId})`;
  const routed = sql`(select ${events.type} from ${events} where ${events.id} = ${eventId}) in ${ROUTED_EVENTS}`;
  const subject = alias(complaints, 'subject');
  const near = (column: 'lat' | 'lng') =>
    sql`${complaints[column]} between ${subject[column]} - ${BOX_DEG} and ${subject[column]} + ${BOX_DEG}`;
  const [[event], [found], rules, others, targetRows] = await db.batch([
    db.select().from(events).where(eq(events.id, eventId)).limit(1),
    db
      .select({ complaint: complaints, defaultPriority: categories.defaultPriority })
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .where(eq(complaints.id, complaintId))
      .limit(1),
    routingRulesQuery(db, sql`${routingRules.categoryId} = (select ${complaints.categoryId} from ${complaints} where ${complaints.id} = ${complaintId}) and ${routed}`),
    db
      .select({
        code: complaints.code,
        title: complaints.title,
        description: complaints.description,
        villageCode: complaints.villageCode,
        lat: complaints.lat,
        lng: complaints.lng,
      })
      .from(complaints)
      .innerJoin(subject, eq(subject.id, complaintId))
      .where(
        and(
          routed,
          eq(complaints.categoryId, subject.categoryId),
          ne(complaints.id, subject.id),
          inArray(complaints.status, ['submitted', 'forwarded', 'in_progress']),
          sql`${complaints.submittedAt} >= ${subject.submittedAt} - ${DUPLICATE_WINDOW_MS}`,
          // Without a pin the box is null: the same village only.
          or(eq(complaints.villageCode, subject.villageCode), and(near('lat'), near('lng'))),
        ),
      )
      .limit(50),
    targetsQuery(db),
  ]);
  return event && found ? { event, ...found, rules, others, targets: targetsOf(targetRows) } : undefined;
}
export type EventWork = NonNullable<Awaited<ReturnType<typeof loadEventWork>>>;

export function storeRoutingResult(
  db: Database,
  id: number,
  result: { suggestedAgencyId: number | null; duplicateCandidates: NonNullable<(typeof complaints.$inferInsert)['duplicateCandidates']> },
) {
  return db.update(complaints).set(result).where(eq(complaints.id, id));
}
