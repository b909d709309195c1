// The moderators' queue: complaints waiting for a decision, oldest first.
import { and, asc, count, desc, eq, gt, inArray, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { inChunks } from './chunks';
import type { Database } from './client';
import { agencies, complaints, events } from './schema';
import { type ComplaintRow, selectComplaints } from './complaints';

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

/**
 * The latest `returned` event of each complaint, with the agency that sent it back, and every
 * agency that ever sent it back (by id).
 */
export async function latestReturns(db: Database, complaintIds: number[]) {
  const latest = new Map<number, { agency: { slug: string; name: string; shortName: string | null } | null; reason: string | null; at: Date }>();
  const returners = new Map<number, Set<number>>();
  if (complaintIds.length === 0) return { latest, returners };
  const rows = await inChunks(complaintIds, (ids) =>
    db
      .select({ id: events.id, complaintId: events.complaintId, agencyId: events.agencyId, body: events.body, at: events.createdAt, slug: suggested.slug, name: suggested.name, shortName: suggested.shortName })
      .from(events)
      .leftJoin(suggested, eq(suggested.id, events.agencyId))
      .where(and(inArray(events.complaintId, ids), eq(events.type, 'returned')))
      .orderBy(desc(events.id)),
  );
  for (const r of rows) {
    if (r.agencyId !== null) returners.set(r.complaintId, (returners.get(r.complaintId) ?? new Set()).add(r.agencyId));
    if (latest.has(r.complaintId)) continue;
    latest.set(r.complaintId, { agency: r.slug ? { slug: r.slug, name: r.name!, shortName: r.shortName } : null, reason: r.body, at: r.at });
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
