// The moderators' queue: complaints waiting for a decision, oldest first.
import { and, asc, count, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { AgencyRef } from '../domain/api';
import { heldStatuses } from '../domain/vocabulary';
import { inChunks } from './chunks';
import { batchPrepared, type Database, preparedOnce } from './client';
import { agencies, complaints, events } from './schema';
import { type ComplaintRow, namedColumns, selectComplaints, withNames } from './complaints';

const suggested = alias(agencies, 'suggested');

export async function listModerationQueue(
  db: Database,
  q: { after?: { submittedAt: number; id: number }; limit: number },
): Promise<{ rows: ComplaintRow[]; total: number }> {
  const where = and(
    eq(complaints.status, 'submitted'),
    q.after
      ? or(
          gt(complaints.submittedAt, new Date(q.after.submittedAt)),
          and(eq(complaints.submittedAt, new Date(q.after.submittedAt)), gt(complaints.id, q.after.id)),
        )
      : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    selectComplaints(db).where(where).orderBy(asc(complaints.submittedAt), asc(complaints.id)).limit(q.limit),
    db.select({ n: count() }).from(complaints).where(eq(complaints.status, 'submitted')),
  ]);
  return { rows, total: totals?.n ?? 0 };
}

export function listAgenciesByIds(db: Database, ids: number[]) {
  return inChunks(ids, (slice) =>
    db
      .select({ id: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName, active: agencies.active })
      .from(agencies)
      .where(inArray(agencies.id, slice)),
  );
}

/** A complaint's latest return to the moderators: by which agency, why, when, and whether the system did it for an agency switched off. */
export interface LatestReturn {
  agency: AgencyRef | null;
  reason: string | null;
  at: Date;
  agencyInactive: boolean;
}

/**
 * The latest `returned` event of each complaint, with the agency that sent it back, and every
 * agency that ever sent it back (by id).
 */
export async function latestReturns(db: Database, complaintIds: number[]) {
  const latest = new Map<number, LatestReturn>();
  const returners = new Map<number, Set<number>>();
  if (complaintIds.length === 0) return { latest, returners };
  const rows = await inChunks(complaintIds, (ids) =>
    db
      .select({ id: events.id, complaintId: events.complaintId, agencyId: events.agencyId, actorRole: events.actorRole, body: events.body, at: events.createdAt, slug: suggested.slug, name: suggested.name, shortName: suggested.shortName })
      .from(events)
      .leftJoin(suggested, eq(suggested.id, events.agencyId))
      .where(and(inArray(events.complaintId, ids), eq(events.type, 'returned')))
      .orderBy(desc(events.id)),
  );
  for (const r of rows) {
    // An agency switched off did not send it back itself (the system did for it).
    if (r.agencyId !== null && r.actorRole === 'agency') returners.set(r.complaintId, (returners.get(r.complaintId) ?? new Set()).add(r.agencyId));
    if (latest.has(r.complaintId)) continue;
    // Only the system returns a complaint for its agency: when that agency was switched off.
    latest.set(r.complaintId, { agency: r.slug ? { slug: r.slug, name: r.name!, shortName: r.shortName } : null, reason: r.body, at: r.at, agencyInactive: r.actorRole === 'system' });
  }
  return { latest, returners };
}

export function findComplaintsByCodes(db: Database, codes: string[]) {
  return inChunks(codes, (slice) =>
    db
      .select({ code: complaints.code, title: complaints.title, status: complaints.status, submittedAt: complaints.submittedAt })
      .from(complaints)
      .where(inArray(complaints.code, slice)),
  );
}

/**
 * Held by an agency (forwarded or in progress). The unary + keeps SQLite off the status index:
 * read that way it would fetch every held complaint and sort them, where complaints_due_idx
 * gives them in due order (only open complaints have a due time) and the list stops after a page.
 */
const held = sql.raw(`+complaints.status in (${heldStatuses.map((s) => `'${s}'`).join(', ')})`);
const ph = sql.placeholder;
const pastDue = sql`${complaints.dueAt} < ${ph('now')}`;

/**
 * When a moderator last reminded the agency: their latest internal note since the agency got
 * the complaint (its latest forward, or the reporter's reopening, which starts a new target).
 * A note written with the forward itself (same batch, same time) is no reminder.
 */
const remindedAt = sql<number | null>`(select max(n.created_at) from events n
  join (select f.id, f.created_at from events f where f.complaint_id = ${complaints.id} and f.type in ('forwarded', 'reopened') order by f.id desc limit 1) cur
  where n.complaint_id = ${complaints.id} and n.type = 'note' and n.actor_role in ('moderator', 'admin')
  and n.id > cur.id and n.created_at > cur.created_at)`;

/** The page and the count of the overdue list, built once, run in one round trip. */
export const overdueStatements = preparedOnce((db) => {
  const page = withNames(
    db
      .select({
        complaint: {
          id: complaints.id,
          code: complaints.code,
          title: complaints.title,
          status: complaints.status,
          priority: complaints.priority,
          confidential: complaints.confidential,
          forwardedAt: complaints.forwardedAt,
          firstResponseAt: complaints.firstResponseAt,
          dueAt: complaints.dueAt,
          version: complaints.version,
        },
        category: namedColumns.category,
        regency: namedColumns.regency,
        district: namedColumns.district,
        village: namedColumns.village,
        agency: namedColumns.agency,
        remindedAt: remindedAt.as('reminded_at'),
      })
      .from(complaints)
      .$dynamic(),
  )
    // Keyset: after the cursor's (due time, id); the first page starts below any due time.
    .where(and(held, pastDue, sql`(${complaints.dueAt}, ${complaints.id}) > (${ph('afterAt')}, ${ph('afterId')})`))
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(ph('limit'))
    .prepare();
  const total = db.select({ n: count() }).from(complaints).where(and(held, pastDue)).prepare();
  return [page, total] as const;
});

export type OverdueRow = Awaited<ReturnType<ReturnType<typeof overdueStatements>[0]['all']>>[number];

/** Complaints agencies hold past their response due time, most overdue first, and how many in all. */
export async function listOverdueAtAgencies(
  db: Database,
  q: { now: number; after?: { at: number; id: number }; limit: number },
): Promise<{ rows: OverdueRow[]; total: number }> {
  const [rows, [totals]] = await batchPrepared(db, overdueStatements(db), {
    now: q.now,
    afterAt: q.after?.at ?? Number.MIN_SAFE_INTEGER,
    afterId: q.after?.id ?? 0,
    limit: q.limit,
  });
  return { rows, total: totals?.n ?? 0 };
}
