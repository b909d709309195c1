// What Open311 reads: public complaints as service requests, their first photo, the latest
// public word of staff on each, and NTB's places for the service definitions.
import { and, asc, between, desc, eq, inArray, isNull, max, ne, notInArray, or, sql } from 'drizzle-orm';
import type { ComplaintStatus } from '../domain/vocabulary';
import { D1_MAX_PARAMS, inChunks } from './chunks';
import type { Database } from './client';
import { type ComplaintRow, selectComplaints } from './complaints';
import { categories, complaints, events, photos, regions } from './schema';

export interface RequestFilter {
  statuses: readonly ComplaintStatus[];
  categorySlugs?: string[];
  from: Date;
  to: Date;
  limit: number;
}

/** Non-confidential complaints submitted in the period, newest first. */
export function listRequests(db: Database, f: RequestFilter): Promise<ComplaintRow[]> {
  return selectComplaints(db)
    .where(
      and(
        eq(complaints.confidential, false),
        // As in the feed: the unary + keeps SQLite on the submission-time index, which it
        // reads newest first and leaves after `limit` rows.
        inArray(sql`+${complaints.status}`, [...f.statuses]),
        between(complaints.submittedAt, f.from, f.to),
        // A client may name any number of services: one bound parameter holds them all
        // (D1 binds at most 100).
        f.categorySlugs ? inArray(categories.slug, sql`(select value from json_each(${JSON.stringify(f.categorySlugs)}))`) : undefined,
      ),
    )
    .orderBy(desc(complaints.submittedAt), desc(complaints.id))
    .limit(f.limit);
}

/** Non-confidential complaints by code, in any status (as anyone may open one by its code). */
export function findRequestsByCode(db: Database, codes: string[]): Promise<ComplaintRow[]> {
  return inChunks(codes, (slice) =>
    selectComplaints(db)
      .where(and(eq(complaints.confidential, false), inArray(complaints.code, slice)))
      .orderBy(desc(complaints.submittedAt), desc(complaints.id)),
  );
}

export function firstPhotosOf(db: Database, complaintIds: number[]) {
  return inChunks(complaintIds, (ids) =>
    db
      .select({ id: photos.id, complaintId: photos.complaintId })
      .from(photos)
      .where(and(inArray(photos.complaintId, ids), eq(photos.position, 0))),
  );
}

/**
 * Of each complaint, the latest event that is public and of one of `rule.types`, or that
 * changes the status other than between two of `rule.keptBetween`.
 */
export function latestStatusWordsOf(db: Database, complaintIds: number[], rule: { types: readonly string[]; keptBetween: readonly ComplaintStatus[] }) {
  const changesStatus = and(
    sql`${events.fromStatus} is not ${events.toStatus}`,
    or(isNull(events.fromStatus), notInArray(events.fromStatus, [...rule.keptBetween]), notInArray(events.toStatus, [...rule.keptBetween])),
  );
  const otherParams = 1 + rule.types.length + 2 * rule.keptBetween.length;
  return inChunks(
    complaintIds,
    (ids) => {
      const latest = db
        .select({ id: max(events.id) })
        .from(events)
        .where(and(inArray(events.complaintId, ids), or(and(eq(events.visibility, 'public'), inArray(events.type, [...rule.types])), changesStatus)))
        .groupBy(events.complaintId);
      return db
        .select({ complaintId: events.complaintId, type: events.type, visibility: events.visibility, body: events.body, data: events.data })
        .from(events)
        .where(inArray(events.id, latest));
    },
    D1_MAX_PARAMS - otherParams,
  );
}

function selectPlaces(db: Database) {
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode })
    .from(regions)
    .where(ne(regions.level, 'province'))
    .orderBy(asc(regions.code));
}
type Place = Awaited<ReturnType<typeof selectPlaces>>[number];

// Only a migration changes NTB's regions: each isolate reads its 1,300 rows once.
let places: Place[] | undefined;

/** NTB's regencies, districts and villages, in code order (parents before children). */
export async function listPlaces(db: Database): Promise<Place[]> {
  places ??= await selectPlaces(db);
  return places;
}
