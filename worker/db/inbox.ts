// An agency's inbox: the complaints it holds, and the events that concern them.
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { type ComplaintStatus, heldStatuses } from '../domain/vocabulary';
import { inChunks } from './chunks';
import type { Database } from './client';
import { type ComplaintRow, selectComplaints } from './complaints';
import { complaints, events } from './schema';

export const INBOX_STATUSES: readonly ComplaintStatus[] = ['forwarded', 'in_progress', 'resolved'];

export function listInbox(
  db: Database,
  q: { agencyId: number; status?: ComplaintStatus; after?: { updatedAt: number; id: number }; limit: number },
): Promise<ComplaintRow[]> {
  return selectComplaints(db)
    .where(
      and(
        eq(complaints.agencyId, q.agencyId),
        // The unary + keeps SQLite on complaints_agency_updated_idx, which serves the order:
        // an agency's complaints are mostly open, so it stops after about a page.
        q.status ? eq(complaints.status, q.status) : sql.raw(`+complaints.status in (${INBOX_STATUSES.map((s) => `'${s}'`).join(', ')})`),
        q.after
          ? or(
              lt(complaints.updatedAt, new Date(q.after.updatedAt)),
              and(eq(complaints.updatedAt, new Date(q.after.updatedAt)), lt(complaints.id, q.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(complaints.updatedAt), desc(complaints.id))
    .limit(q.limit);
}

export async function countInbox(db: Database, agencyId: number) {
  const rows = await db
    .select({ status: complaints.status, n: count() })
    .from(complaints)
    .where(and(eq(complaints.agencyId, agencyId), inArray(complaints.status, [...INBOX_STATUSES])))
    .groupBy(complaints.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}


/** The agency of the forward before this event: who held the complaint until it. */
const heldBefore = sql`(select p.agency_id from events p where p.complaint_id = ${events.complaintId} and p.id < ${events.id} and p.type = 'forwarded' order by p.id desc limit 1)`;

/** Of these forwards away from an agency, by event id, the agency each took the complaint from. */
export async function previousHolders(db: Database, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await inChunks(eventIds, (ids) =>
    db.select({ id: events.id, agencyId: sql<number | null>`${heldBefore}` }).from(events).where(inArray(events.id, ids)),
  );
  return new Map(rows.flatMap((r) => (r.agencyId === null ? [] : [[r.id, r.agencyId] as [number, number]])));
}

/**
 * Events about complaints the agency holds or held (as their agency, or naming it), and the
 * forward that took one away from it.
 */
const concernsAgency = (agencyId: number) =>
  or(
    eq(events.agencyId, agencyId),
    sql`${events.complaintId} in (select id from complaints where agency_id = ${agencyId})`,
    sql`(${events.type} = 'forwarded' and ${events.fromStatus} in (${sql.raw(heldStatuses.map((s) => `'${s}'`).join(', '))}) and ${heldBefore} = ${agencyId})`,
  );

export async function listInboxEvents(db: Database, agencyId: number, since: number, limit = 500) {
  return db
    .select({
      eventId: events.id,
      eventType: events.type,
      complaintCode: complaints.code,
      status: complaints.status,
      version: complaints.version,
      heldHere: sql<boolean>`${complaints.agencyId} is ${agencyId}`.mapWith(Boolean),
    })
    .from(events)
    .innerJoin(complaints, eq(complaints.id, events.complaintId))
    .where(and(gt(events.id, since), concernsAgency(agencyId)))
    .orderBy(asc(events.id))
    .limit(limit);
}

/**
 * The cursor for a list read now: the newest event id of all. Everything up to it is in the
 * list just read; `/events?since=` returns the agency's events after it. (The newest id
 * of the agency's own events would need a scan of them; the global one is the primary key.)
 */
export async function lastInboxEventId(db: Database): Promise<number> {
  const [row] = await db.select({ id: sql<number>`max(${events.id})` }).from(events);
  return row?.id ?? 0;
}

/** Complaints with a public or agency action after forwarding, so not "new" any more. */
export async function answeredByAgency(db: Database, complaintIds: number[]) {
  if (complaintIds.length === 0) return new Set<number>();
  const rows = await inChunks(complaintIds, (ids) =>
    db
      .selectDistinct({ id: events.complaintId })
      .from(events)
      .where(and(inArray(events.complaintId, ids), eq(events.actorRole, 'agency'))),
  );
  return new Set(rows.map((r) => r.id));
}
