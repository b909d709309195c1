// What the queue consumer needs to route a complaint and find its possible duplicates.
import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { DUPLICATE_WINDOW_MS, type DuplicateFacts, OPEN_ORIGINAL_STATUSES } from '../domain/duplicates';
import { isRoutedEvent, ROUTED_EVENTS, type RoutingRule } from '../domain/routing';
import type { ComplaintStatus } from '../domain/vocabulary';
import { batchPrepared, type Database, preparedOnce, runPrepared } from './client';
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
 * same village or near its pin, the 50 newest. Events that do not exist are left out.
 * The batch's complaints mostly share their candidates (the same place and kind, filed at
 * the same time): each candidate is read once, with the list of the events whose candidate it
 * is, by one statement that searches each event's candidates once.
 */
export async function loadEventWork(db: Database, eventIds: number[]) {
  const statements = eventWorkStatements(db);
  const [eventRows, complaintRows, rules, targetRows, candidates] = await batchPrepared(db, statements, {
    eventIds: JSON.stringify(eventIds),
  });
  const targets = targetsOf(targetRows);
  const complaintById = new Map(complaintRows.map((r) => [r.complaint.id, r]));
  const othersByEvent = new Map<number, DuplicateFacts[]>();
  // The newest first, as they were chosen (ranking keeps this order among equals).
  for (const { submittedAt: _, id: __, ofEvents, ...facts } of candidates.sort((a, b) => b.submittedAt - a.submittedAt || b.id - a.id)) {
    for (const eventId of JSON.parse(ofEvents) as number[]) {
      const others = othersByEvent.get(eventId);
      if (others) others.push(facts);
      else othersByEvent.set(eventId, [facts]);
    }
  }
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
  // Each routed event of the batch with its complaint (as `subject`), joined to each of its
  // candidates' ids (the search runs once per event), then to the candidate, once per candidate.
  const candidateIds = sql<string>`(select json_group_array(${complaints.id}) from ${complaints} where ${complaints.id} in (${duplicateCandidateIds(db)}))`;
  const found = alias(complaints, 'found');
  return [
    // In the order they happened: each topic is told them in this order (publishEvents).
    db.select().from(events).where(ofEvents).orderBy(events.id).prepare(),
    db
      .select({ complaint: complaints, defaultPriority: categories.defaultPriority, agencyActive: agencies.active })
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .leftJoin(agencies, eq(agencies.id, complaints.agencyId))
      .where(inArray(complaints.id, complaintIds))
      .prepare(),
    routingRulesQuery(db, inArray(routingRules.categoryId, routedCategories)).prepare(),
    targetsQuery(db).prepare(),
    db
      .select({
        id: found.id,
        code: found.code,
        title: found.title,
        description: found.description,
        villageCode: found.villageCode,
        lat: found.lat,
        lng: found.lng,
        submittedAt: sql<number>`${found.submittedAt}`.as('submitted_ms'),
        ofEvents: sql<string>`json_group_array(${events.id})`.as('of_events'),
      })
      .from(events)
      .innerJoin(subject, eq(subject.id, events.complaintId))
      .innerJoin(sql`json_each(${candidateIds}) candidate_id`, sql`true`)
      .innerJoin(found, sql`${found.id} = candidate_id.value`)
      .where(and(ofEvents, inArray(events.type, ROUTED_EVENTS)))
      .groupBy(found.id)
      .prepare(),
  ] as const;
});
export type EventWork = Awaited<ReturnType<typeof loadEventWork>>[number];

/** The complaint whose duplicates are looked for, in the queries around duplicateCandidateIds. */
const subject = alias(complaints, 'subject');

/**
 * The ids of a complaint's possible duplicates (`subject`, named in the enclosing query): open,
 * of the same category, filed in the 30 days before it, in the same village or near its pin;
 * the newest 50, in a busy place the ones most likely the same matter.
 */
function duplicateCandidateIds(db: Database) {
  const candidate = alias(complaints, 'candidate');
  const near = (column: 'lat' | 'lng') =>
    sql`${candidate[column]} between ${subject[column]} - ${BOX_DEG} and ${subject[column]} + ${BOX_DEG}`;
  return db
    .select({ id: candidate.id })
    .from(candidate)
    .where(
      and(
        eq(candidate.categoryId, subject.categoryId),
        ne(candidate.id, subject.id),
        inArray(candidate.status, OPEN_ORIGINAL_STATUSES as ComplaintStatus[]),
        sql`${candidate.submittedAt} >= ${subject.submittedAt} - ${DUPLICATE_WINDOW_MS}`,
        // Without a pin the box is null: the same village only.
        or(eq(candidate.villageCode, subject.villageCode), and(near('lat'), near('lng'))),
      ),
    )
    .orderBy(desc(candidate.submittedAt))
    .limit(50);
}

export interface RoutingResult {
  suggestedAgencyId: number | null;
  duplicateCandidates: NonNullable<(typeof complaints.$inferInsert)['duplicateCandidates']>;
}

/** Stores each complaint's suggestion and possible duplicates, in one statement. */
export async function storeRoutingResults(db: Database, results: { complaintId: number; result: RoutingResult }[]): Promise<void> {
  if (results.length === 0) return;
  await runPrepared(db, [[routingResultsStatement(db), { results: JSON.stringify(results) }]]);
}

const routingResultsStatement = preparedOnce((db) => {
  // The list read once, as rows (UPDATE ... FROM): a subquery per column and row would parse
  // the whole JSON again for each (3 ms for a batch of 20 on wrangler dev; now a tenth of it).
  const results = sql`(select json_extract(value, '$.complaintId') as complaint_id,
      json_extract(value, '$.result.suggestedAgencyId') as suggested_agency_id,
      json_extract(value, '$.result.duplicateCandidates') as duplicate_candidates
    from json_each(${sql.placeholder('results')})) as result`;
  return db
    .update(complaints)
    .set({ suggestedAgencyId: sql`result.suggested_agency_id`, duplicateCandidates: sql`result.duplicate_candidates` } as never)
    .from(results)
    .where(sql`${complaints.id} = result.complaint_id`)
    .prepare();
});
