// Reading and writing complaints. Every write of a state change goes in one D1 batch with
// its event (the outbox), so the two cannot disagree.
import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ComplaintStatus } from '../domain/vocabulary';
import { feedStatuses } from '../domain/api';
import { inChunks } from './chunks';
import type { Database } from './client';
import { agencies, apiKeys, categories, complaints, events, idempotencyKeys, photos, regions, uploads } from './schema';

const regency = alias(regions, 'regency');
const district = alias(regions, 'district');
const village = alias(regions, 'village');

/** The columns every view of a complaint starts from, with its names resolved. */
const complaintColumns = {
  complaint: complaints,
  category: { slug: categories.slug, nameId: categories.nameId, nameEn: categories.nameEn, icon: categories.icon },
  regency: { code: regency.code, name: regency.name },
  district: { code: district.code, name: district.name },
  village: { code: village.code, name: village.name },
  agency: { slug: agencies.slug, name: agencies.name, shortName: agencies.shortName },
  /** The app whose Open311 key filed it, if one did. */
  apiKey: { name: apiKeys.name },
};

export function selectComplaints(db: Database) {
  return db
    .select(complaintColumns)
    .from(complaints)
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .innerJoin(regency, eq(regency.code, complaints.regencyCode))
    .innerJoin(district, eq(district.code, complaints.districtCode))
    .innerJoin(village, eq(village.code, complaints.villageCode))
    .leftJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(apiKeys, eq(apiKeys.id, complaints.apiKeyId));
}
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['all']>>[number];

export async function findComplaintByCode(db: Database, code: string): Promise<ComplaintRow | undefined> {
  const [row] = await selectComplaints(db).where(eq(complaints.code, code)).limit(1);
  return row;
}

export interface FeedQuery {
  /** One of the public statuses, or all of them. */
  status?: ComplaintStatus;
  categorySlug?: string;
  regencyCode?: string;
  pinnedOnly?: boolean;
  after?: { submittedAt: number; id: number };
  limit: number;
}

/** Public, non-confidential complaints, newest first, keyset-paginated. */
export function listFeed(db: Database, q: FeedQuery): Promise<ComplaintRow[]> {
  const where: (SQL | undefined)[] = [
    // The unary + keeps SQLite off the status index: most complaints are public, so reading
    // the submission-time index newest first and filtering stops after about a page,
    // where a search by status would sort every public complaint first.
    sql.raw(`complaints.confidential = 0 and +complaints.status in (${feedStatuses.map((s) => `'${s}'`).join(', ')})`),
    q.status ? eq(complaints.status, q.status) : undefined,
    q.categorySlug ? eq(categories.slug, q.categorySlug) : undefined,
    q.regencyCode ? eq(complaints.regencyCode, q.regencyCode) : undefined,
    q.pinnedOnly ? and(isNotNull(complaints.lat), isNotNull(complaints.lng)) : undefined,
    q.after
      ? or(
          lt(complaints.submittedAt, new Date(q.after.submittedAt)),
          and(eq(complaints.submittedAt, new Date(q.after.submittedAt)), lt(complaints.id, q.after.id)),
        )
      : undefined,
  ];
  return selectComplaints(db)
    .where(and(...where))
    .orderBy(desc(complaints.submittedAt), desc(complaints.id))
    .limit(q.limit);
}

export function listPhotosOf(db: Database, complaintIds: number[]) {
  return inChunks(complaintIds, (ids) =>
    db.select().from(photos).where(inArray(photos.complaintId, ids)).orderBy(asc(photos.complaintId), asc(photos.position)),
  );
}

export function listEventsOf(db: Database, complaintId: number, visibility: 'public' | 'all') {
  return db
    .select({ event: events, agency: { slug: agencies.slug, name: agencies.name, shortName: agencies.shortName } })
    .from(events)
    .leftJoin(agencies, eq(agencies.id, events.agencyId))
    .where(and(eq(events.complaintId, complaintId), visibility === 'public' ? eq(events.visibility, 'public') : undefined))
    .orderBy(asc(events.id));
}

export async function findPhoto(db: Database, id: string) {
  const [row] = await db
    .select({
      photo: photos,
      confidential: complaints.confidential,
      anonymous: complaints.anonymous,
      agencyId: complaints.agencyId,
      trackingTokenHash: complaints.trackingTokenHash,
    })
    .from(photos)
    .innerJoin(complaints, eq(complaints.id, photos.complaintId))
    .where(eq(photos.id, id))
    .limit(1);
  return row;
}

export async function findCategoryBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1);
  return row;
}

export function findRegionsByCode(db: Database, codes: string[]) {
  return db.select().from(regions).where(inArray(regions.code, codes));
}

export async function findIdempotentResponse(db: Database, scope: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

export interface NewComplaint {
  complaint: typeof complaints.$inferInsert;
  /** The uploads it claims, in order; each becomes a photo with the upload's id. */
  uploads: (typeof uploads.$inferSelect)[];
  event: Omit<typeof events.$inferInsert, 'complaintId'>;
  idempotency?: { scope: string; key: string; status: number; response: string };
}

/**
 * Writes the complaint, its photos (claiming the uploads), its first event and the
 * idempotency record as one transaction. A photo's id is its upload's id, so an upload
 * claimed twice, even by two requests at once, fails the whole batch.
 * Returns the new event's id.
 */
export async function insertComplaint(db: Database, input: NewComplaint): Promise<number> {
  const { complaint, event, idempotency } = input;
  const complaintId = sql`(select ${complaints.id} from ${complaints} where ${complaints.code} = ${complaint.code})`;
  const uploadIds = input.uploads.map((u) => u.id);
  const [, eventRows] = await db.batch([
    db.insert(complaints).values(complaint),
    db.insert(events).values({ ...event, complaintId }).returning({ id: events.id }),
    ...input.uploads.map((u, position) =>
      db.insert(photos).values({
        id: u.id,
        complaintId,
        r2Key: u.r2Key,
        contentType: u.contentType,
        size: u.size,
        width: u.width,
        height: u.height,
        position,
      }),
    ),
    db
      .update(uploads)
      .set({ claimedAt: complaint.submittedAt })
      .where(inArray(uploads.id, uploadIds.length ? uploadIds : [''])),
    ...(idempotency ? [db.insert(idempotencyKeys).values(idempotency)] : []),
  ]);
  const id = eventRows[0]?.id;
  if (!id) throw new Error('event insert returned no id');
  return id;
}

/** A retry comes within minutes; a day later the key has done its work. */
export function deleteIdempotencyKeysBefore(db: Database, before: Date) {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
