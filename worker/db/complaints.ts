// Reading and writing complaints. Every write of a state change goes in one D1 batch with
// its event (the outbox), so the two cannot disagree.
import { type AnyColumn, and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { ComplaintStatus } from '../domain/vocabulary';
import { feedStatuses } from '../domain/api';
import { inChunks } from './chunks';
import { batchPrepared, type Database, preparedOnce } from './client';
import { targetsOf, targetsQuery } from './settings';
import type { countRequestQuery } from './rate-limits';
import { agencies, apiKeys, categories, complaints, events, idempotencyKeys, photos, regions, uploads } from './schema';

const regency = alias(regions, 'regency');
const district = alias(regions, 'district');
const village = alias(regions, 'village');

/**
 * A joined table's column under a name of its own: D1 answers a batch with one object per row,
 * keyed by column name, so two columns both called `code` would lose one.
 */
const named = <T extends AnyColumn>(column: T, name: string) => sql<T['_']['data']>`${column}`.mapWith(column).as(name);

/** The columns every view of a complaint starts from, with its names resolved. */
const complaintColumns = {
  complaint: complaints,
  category: {
    slug: named(categories.slug, 'category_slug'),
    nameId: named(categories.nameId, 'category_name_id'),
    nameEn: named(categories.nameEn, 'category_name_en'),
    icon: named(categories.icon, 'category_icon'),
  },
  regency: { code: named(regency.code, 'place_regency_code'), name: named(regency.name, 'place_regency_name') },
  district: { code: named(district.code, 'place_district_code'), name: named(district.name, 'place_district_name') },
  village: { code: named(village.code, 'place_village_code'), name: named(village.name, 'place_village_name') },
  agency: { slug: named(agencies.slug, 'agency_slug'), name: named(agencies.name, 'agency_name'), shortName: named(agencies.shortName, 'agency_short_name') },
  /** The app whose Open311 key filed it, if one did. */
  apiKey: { name: named(apiKeys.name, 'api_key_name') },
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
function feedWhere(q: FeedQuery): SQL | undefined {
  return and(
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
  );
}
const feedOrder = [desc(complaints.submittedAt), desc(complaints.id)];

/**
 * A page of the public feed with the photos of its complaints, in one round trip to D1
 * (each one costs about as much as the rest of the request).
 */
export async function listFeed(db: Database, q: FeedQuery): Promise<{ rows: ComplaintRow[]; photos: PhotoRow[] }> {
  const pageIds = db
    .select({ id: complaints.id })
    .from(complaints)
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .where(feedWhere(q))
    .orderBy(...feedOrder)
    .limit(q.limit);
  const [rows, photoRows] = await db.batch([
    selectComplaints(db).where(feedWhere(q)).orderBy(...feedOrder).limit(q.limit),
    photosQuery(db, inArray(photos.complaintId, pageIds)),
  ]);
  return { rows, photos: photoRows };
}

const photosQuery = (db: Database, where: SQL) =>
  db.select().from(photos).where(where).orderBy(asc(photos.complaintId), asc(photos.position));
export type PhotoRow = typeof photos.$inferSelect;

export function listPhotosOf(db: Database, complaintIds: number[]) {
  return inChunks(complaintIds, (ids) => photosQuery(db, inArray(photos.complaintId, ids)));
}

const eventsQuery = (db: Database, complaintId: number | SQL) =>
  db
    .select({ event: events, agency: { slug: agencies.slug, name: agencies.name, shortName: agencies.shortName } })
    .from(events)
    .leftJoin(agencies, eq(agencies.id, events.agencyId))
    .where(eq(events.complaintId, complaintId))
    .orderBy(asc(events.id));
export type EventRow = Awaited<ReturnType<typeof eventsQuery>>[number];

export interface LoadedComplaint {
  row: ComplaintRow;
  photos: PhotoRow[];
  /** Every event, internal ones included: the view keeps what its viewer may see. */
  events: EventRow[];
}

const complaintByCode = preparedOnce((db) => {
  const code = sql.placeholder('code');
  const id = sql`(select ${complaints.id} from ${complaints} where ${complaints.code} = ${code})`;
  return [
    selectComplaints(db).where(eq(complaints.code, code)).limit(1).prepare(),
    photosQuery(db, eq(photos.complaintId, id)).prepare(),
    eventsQuery(db, id).prepare(),
  ] as const;
});

/** A complaint with its photos and whole timeline, in one round trip to D1. */
export async function loadComplaintByCode(db: Database, code: string): Promise<LoadedComplaint | undefined> {
  const [[row], photoRows, eventRows] = await batchPrepared(db, complaintByCode(db), { code });
  return row && { row, photos: photoRows, events: eventRows };
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

/**
 * Everything filing a complaint checks, in one round trip: an earlier answer under the same
 * idempotency key, the category, the places, the uploads and the targets in force; first of
 * all the statement counting the request for its rate limit, when the caller passes one.
 */
export async function loadFilingContext(
  db: Database,
  q: {
    categorySlug: string;
    regionCodes: string[];
    uploadIds: string[];
    idempotency?: { scope: string; key: string };
    count?: ReturnType<typeof countRequestQuery>;
  },
) {
  const idem = q.idempotency;
  const reads = [
    db.select().from(categories).where(eq(categories.slug, q.categorySlug)).limit(1),
    findRegionsByCode(db, q.regionCodes),
    // An empty list matches nothing (ids are never empty).
    db.select().from(uploads).where(inArray(uploads.id, q.uploadIds.length ? q.uploadIds : [''])),
    targetsQuery(db),
    db
      .select()
      .from(idempotencyKeys)
      .where(idem ? and(eq(idempotencyKeys.scope, idem.scope), eq(idempotencyKeys.key, idem.key)) : sql`0`) // no key, nothing to find
      .limit(1),
  ] as const;
  type Answers = [
    (typeof categories.$inferSelect)[],
    (typeof regions.$inferSelect)[],
    (typeof uploads.$inferSelect)[],
    { value: unknown }[],
    (typeof idempotencyKeys.$inferSelect)[],
  ];
  type Counted = Awaited<ReturnType<typeof countRequestQuery>>;
  const answers = q.count ? await db.batch([q.count, ...reads]) : [undefined, ...(await db.batch(reads))];
  const [counted, [category], places, uploadRows, targetRows, earlier] = answers as unknown as [Counted | undefined, ...Answers];
  return { counted, category, places, uploads: uploadRows, targets: targetsOf(targetRows), earlier: earlier[0] };
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
