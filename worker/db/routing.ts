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
 * the same time): each candidate is read once, with the list of whose candidate it is.
 */
export async function loadEventWork(db: Database, eventIds: number[]) {
  const statements = eventWorkStatements(db);
  const [eventRows, complaintRows, rules, targetRows, lists, candidates] = await batchPrepared(db, statements, {
    eventIds: JSON.stringify(eventIds),
  });
  const targets = targetsOf(targetRows);
  const complaintById = new Map(complaintRows.map((r) => [r.complaint.id, r]));
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const othersByEvent = new Map(
    lists.map(({ eventId, ids }) => [
      eventId,
      (JSON.parse(ids) as number[])
        .map((id) => candidateById.get(id))
        .filter((c) => c !== undefined)
        // The newest first, as they were chosen (ranking keeps this order among equals).
        .sort((a, b) => b.submittedAt - a.submittedAt || b.id - a.id)
        .map(({ submittedAt: _, id: __, ...facts }): DuplicateFacts => facts),
    ]),
  );
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
  // Each routed event of the batch with its complaint (as `subject`) and its candidates' ids.
  const candidateIds = sql<string>`(select json_group_array(${complaints.id}) from ${complaints} where ${complaints.id} in (${duplicateCandidateIds(db)}))`;
  const routedSubjects = and(ofEvents, inArray(events.type, ROUTED_EVENTS));
  const lists = db
    .select({ eventId: events.id, ids: candidateIds.as('candidate_ids') })
    .from(events)
    .innerJoin(subject, eq(subject.id, events.complaintId))
    .where(routedSubjects);
  const listed = db
    .select({ id: sql`candidate.value`.as('candidate_id') })
    .from(events)
    .innerJoin(subject, eq(subject.id, events.complaintId))
    .innerJoin(sql`json_each(${candidateIds}) candidate`, sql`true`)
    .where(routedSubjects);
  return [
    db.select().from(events).where(ofEvents).prepare(),
    db
      .select({ complaint: complaints, defaultPriority: categories.defaultPriority })
      .from(complaints)
      .innerJoin(categories, eq(categories.id, complaints.categoryId))
      .where(inArray(complaints.id, complaintIds))
      .prepare(),
    routingRulesQuery(db, inArray(routingRules.categoryId, routedCategories)).prepare(),
    targetsQuery(db).prepare(),
    lists.prepare(),
    db
      .select({
        id: complaints.id,
        code: complaints.code,
        title: complaints.title,
        description: complaints.description,
        villageCode: complaints.villageCode,
        lat: complaints.lat,
        lng: complaints.lng,
        submittedAt: sql<number>`${complaints.submittedAt}`.as('submitted_ms'),
      })
      .from(complaints)
      .where(inArray(complaints.id, listed))
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
  // json_each has an `id` column of its own: the complaint's is named in full.
  const resultOf = (path: string) =>
    sql`(select json_extract(r.value, ${`$.result.${path}`}) from json_each(${sql.placeholder('results')}) r
      where json_extract(r.value, '$.complaintId') = ${complaints.id})`;
  return db
    .update(complaints)
    .set({ suggestedAgencyId: resultOf('suggestedAgencyId'), duplicateCandidates: resultOf('duplicateCandidates') } as never)
    .where(inArray(complaints.id, sql`(select json_extract(value, '$.complaintId') from json_each(${sql.placeholder('results')}))`))
    .prepare();
});
