// What the cron needs for service-level targets: late complaints not yet marked as such,
// and resolved ones waiting too long for the reporter.
import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { type ComplaintStatus, handledStatuses } from '../domain/vocabulary';
import type { Database } from './client';
import { complaints, events } from './schema';

/** Open complaints past their due time whose breach of that due time is not yet recorded. */
export function listUnmarkedBreaches(db: Database, now: number, limit = 200) {
  return db
    .select({ id: complaints.id, status: complaints.status, dueAt: complaints.dueAt, agencyId: complaints.agencyId })
    .from(complaints)
    .where(
      and(
        inArray(complaints.status, handledStatuses as ComplaintStatus[]),
        isNotNull(complaints.dueAt),
        lte(complaints.dueAt, new Date(now)),
        sql`not exists (select 1 from ${events} where ${events.complaintId} = ${complaints.id} and ${events.type} = 'breached' and json_extract(${events.data}, '$.dueAt') = ${complaints.dueAt})`,
      ),
    )
    .limit(limit);
}

/** Records a breach once per due time (the NOT EXISTS makes a second cron run a no-op). */
export async function markBreach(d1: D1Database, c: { id: number; dueAt: Date; agencyId: number | null }, kind: string, at: Date) {
  const due = c.dueAt.getTime();
  const row = await d1
    .prepare(
      `INSERT INTO events (complaint_id, type, actor_role, agency_id, visibility, data, created_at)
       SELECT ?, 'breached', 'system', ?, 'internal', ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM events WHERE complaint_id = ? AND type = 'breached' AND json_extract(data, '$.dueAt') = ?)
       RETURNING id`,
    )
    .bind(c.id, c.agencyId, JSON.stringify({ kind, dueAt: due }), at.getTime(), c.id, due)
    .first<{ id: number }>();
  return row?.id;
}

export function listResolvedBefore(db: Database, before: number, limit = 200) {
  return db
    .select({ id: complaints.id, version: complaints.version, status: complaints.status, resolvedAt: complaints.resolvedAt })
    .from(complaints)
    .where(and(eq(complaints.status, 'resolved'), lte(complaints.resolvedAt, new Date(before))))
    .limit(limit);
}
