// What the queue consumer needs to route a complaint and find its possible duplicates.
import { and, desc, eq, inArray, ne, or, type Placeholder, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { DUPLICATE_WINDOW_MS, type DuplicateFacts } from '../domain/duplicates';
import type { Priority } from '../domain/vocabulary';
import { isRoutedEvent, ROUTED_EVENTS, type RoutingRule } from '../domain/routing';
import { type Database, type PreparedAll, preparedOnce, runPrepared } from './client';
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

/**
 * What the queue consumer needs to handle a batch of events, in one round trip to D1: the
 * events, their complaints (with the category's default priority), the targets in force and,
 * for each routed event (ROUTED_EVENTS), its category's routing rules and the possible
 * duplicates: open complaints of the same category filed in the 30 days before it, in the
 * same village or near its pin. Events that do not exist are left out.
 */
export async function loadEventWork(db: Database, eventIds: number[]) {
  const { common, candidates } = eventWorkStatements(db);
  const listed = { eventIds: JSON.stringify(eventIds) };
  const answers = await runPrepared<PreparedAll>(db, [
    ...common.map((query) => [query, listed] as const),
    ...eventIds.map((eventId) => [candidates, { eventId }] as const),
  ]);
  const [eventRows, complaintRows, rules, targetRows, ...others] = answers as [
    EventRow[],
    { complaint: ComplaintRow; defaultPriority: Priority }[],
    RoutingRule[],
    { value: unknown }[],
    ...DuplicateFacts[][],
  ];
  const targets = targetsOf(targetRows);
  const complaintById = new Map(complaintRows.map((r) => [r.complaint.id, r]));
  const othersByEvent = new Map(eventIds.map((id, i) => [id, others[i] ?? []]));
  return eventRows.flatMap((event) => {
    const found = complaintById.get(event.complaintId);
    if (!found) return [];
    const routed = isRoutedEvent(event.type);
    return [
      {
        event,
        ...found,
        rules: routed ? rules.filter((r) => r.categoryId === found.complaint.categoryId) : [],
        others: routed ? (othersByEvent.get(event.id) ?? []) : [],
        targets,
      },
    ];
  });
}

/** loadEventWork's statements, built once per database: the batch's event ids go in as one JSON list. */
const eventWorkStatements = preparedOnce((db) => {
  const ofEvents = sql`${events.id} in (select value from json_each(${sql.placeholder('eventIds')}))`;
  const complaintIds = db.select({ id: events.complaintId }).from(events).where(ofEvents);
  const routedCategories = db
    .select({ id: complaints.categoryId })
    .from(complaints)
    .innerJoin(events, eq(events.complaintId, complaints.id))
    .where(and(ofEvents, inArray(events.type, ROUTED_EVENTS)));
  const common = [
    db.select().from(events).where(ofEvents).prepare(),
    db
      .select({ complaint: complaints, defaultPriority: categories.defaultPriority })
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .where(inArray(complaints.id, complaintIds))
      .prepare(),
    routingRulesQuery(db, inArray(routingRules.categoryId, routedCategories)).prepare(),
    targetsQuery(db).prepare(),
  ] as PreparedAll[];
  return { common, candidates: duplicateCandidatesQuery(db, sql.placeholder('eventId')).prepare() as PreparedAll };
});
export type EventWork = Awaited<ReturnType<typeof loadEventWork>>[number];
type EventRow = typeof events.$inferSelect;
type ComplaintRow = typeof complaints.$inferSelect;

/** The possible duplicates of an event's complaint, when the event is a routed one (else none). */
function duplicateCandidatesQuery(db: Database, eventId: Placeholder) {
  const complaintId = sql`(select ${events.complaintId} from ${events} where ${events.id} = ${eventId})`;
  const routed = sql`(select ${events.type} from ${events} where ${events.id} = ${eventId}) in ${ROUTED_EVENTS}`;
  const subject = alias(complaints, 'subject');
  const near = (column: 'lat' | 'lng') =>
    sql`${complaints[column]} between ${subject[column]} - ${BOX_DEG} and ${subject[column]} + ${BOX_DEG}`;
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
    // The newest first: in a busy place the 50 kept are the ones most likely the same matter.
    .orderBy(desc(complaints.submittedAt))
    .limit(50);
}

export interface RoutingResult {
  suggestedAgencyId: number | null;
  duplicateCandidates: NonNullable<(typeof complaints.$inferInsert)['duplicateCandidates']>;
}

/** Stores each complaint's suggestion and possible duplicates, in one round trip. */
export async function storeRoutingResults(db: Database, results: { complaintId: number; result: RoutingResult }[]): Promise<void> {
  if (results.length === 0) return;
  const statement = routingResultStatement(db);
  await runPrepared(db, results.map(({ complaintId, result }) => [statement, { complaintId, ...result }] as const));
}

const routingResultStatement = preparedOnce((db) =>
  db
    .update(complaints)
    .set({ suggestedAgencyId: sql.placeholder('suggestedAgencyId'), duplicateCandidates: sql.placeholder('duplicateCandidates') } as never)
    .where(eq(complaints.id, sql.placeholder('complaintId')))
    .prepare(),
);
