// Reading and writing complaints. Every write of a state change goes in one D1 batch with
// its event (the outbox), so the two cannot disagree.
import { type AnyColumn, and, asc, desc, eq, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteSelect } from 'drizzle-orm/sqlite-core';
import type { ActorRole, ComplaintStatus, EventVisibility } from '../domain/vocabulary';
import { feedStatuses } from '../domain/api';
import { inChunks } from './chunks';
import { batchPrepared, type Database, type PreparedAll, preparedOnce, runPrepared } from './client';
import { TARGETS_KEY } from './settings';
import { defaultTargets } from '../domain/sla';
import { countStatement, type countValues } from './rate-limits';
import { agencies, apiKeys, categories, complaints, events, idempotencyKeys, photos, rateLimits, regions, settings, uploads } from './schema';

const regency = alias(regions, 'regency');
const district = alias(regions, 'district');
const village = alias(regions, 'village');

/**
 * A joined table's column under a name of its own: D1 answers a batch with one object per row,
 * keyed by column name, so two columns both called `code` would lose one.
 */
const named = <T extends AnyColumn>(column: T, name: string) => sql<T['_']['data']>`${column}`.mapWith(column).as(name);

/** The names a view of a complaint shows instead of codes and ids. */
export const namedColumns = {
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

/** The columns every view of a complaint starts from, with its names resolved. */
const complaintColumns = { complaint: complaints, ...namedColumns };

/**
 * Of the complaint's own columns, those its full view (ComplaintView) shows or decides access
 * by: the page reads no more (each column costs D1, the runtime and drizzle's mapping).
 */
const viewedColumns = {
  complaint: {
    id: complaints.id,
    code: complaints.code,
    title: complaints.title,
    description: complaints.description,
    status: complaints.status,
    priority: complaints.priority,
    lat: complaints.lat,
    lng: complaints.lng,
    address: complaints.address,
    anonymous: complaints.anonymous,
    confidential: complaints.confidential,
    agencyId: complaints.agencyId,
    reporterName: complaints.reporterName,
    reporterPhone: complaints.reporterPhone,
    reporterEmail: complaints.reporterEmail,
    trackingTokenHash: complaints.trackingTokenHash,
    submittedAt: complaints.submittedAt,
    updatedAt: complaints.updatedAt,
    version: complaints.version,
    mediaUrl: complaints.mediaUrl,
  },
  ...namedColumns,
};

export function selectComplaints(db: Database) {
  return withNames(db.select(complaintColumns).from(complaints).$dynamic());
}

function selectViewed(db: Database) {
  return withNames(db.select(viewedColumns).from(complaints).$dynamic());
}

/** The joins behind the names (every joined column is named in full, so the types need no join). */
export function withNames<Q extends SQLiteSelect>(query: Q) {
  return query
    .innerJoin(categories, eq(categories.id, complaints.categoryId))
    .innerJoin(regency, eq(regency.code, complaints.regencyCode))
    .innerJoin(district, eq(district.code, complaints.districtCode))
    .innerJoin(village, eq(village.code, complaints.villageCode))
    .leftJoin(agencies, eq(agencies.id, complaints.agencyId))
    .leftJoin(apiKeys, eq(apiKeys.id, complaints.apiKeyId));
}
export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['all']>>[number];
/** The part of a complaint its full view reads (ComplaintRow has it all). */
export type ViewedComplaintRow = Awaited<ReturnType<ReturnType<typeof selectViewed>['all']>>[number];

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

/** Which of the feed's filters a request uses: one statement is built for each such shape. */
const feedShape = (q: FeedQuery) => [q.status, q.categorySlug, q.regencyCode, q.pinnedOnly || undefined, q.after].map((v) => (v === undefined ? 0 : 1)).join('');

/** Public, non-confidential complaints, newest first, keyset-paginated (the filters as placeholders). */
function feedWhere(q: FeedQuery): SQL | undefined {
  const ph = sql.placeholder;
  return and(
    // The unary + keeps SQLite off the status index: most complaints are public, so reading
    // the submission-time index newest first and filtering stops after about a page,
    // where a search by status would sort every public complaint first.
    sql.raw(`complaints.confidential = 0 and +complaints.status in (${feedStatuses.map((s) => `'${s}'`).join(', ')})`),
    q.status ? eq(complaints.status, ph('status')) : undefined,
    q.categorySlug ? eq(categories.slug, ph('categorySlug')) : undefined,
    q.regencyCode ? eq(complaints.regencyCode, ph('regencyCode')) : undefined,
    q.pinnedOnly ? and(isNotNull(complaints.lat), isNotNull(complaints.lng)) : undefined,
    q.after
      ? or(lt(complaints.submittedAt, ph('afterAt')), and(eq(complaints.submittedAt, ph('afterAt')), lt(complaints.id, ph('afterId'))))
      : undefined,
  );
}
const feedOrder = [desc(complaints.submittedAt), desc(complaints.id)];

/** The feed's two statements for a shape of query, built the first time that shape is asked for. */
const feedStatements = preparedOnce(() => new Map<string, readonly [PreparedAll, PreparedAll]>());
function feedStatementsFor(db: Database, q: FeedQuery) {
  const shapes = feedStatements(db);
  const shape = feedShape(q);
  let built = shapes.get(shape);
  if (!built) {
    const where = feedWhere(q);
    const limit = sql.placeholder('limit');
    const pageIds = db.select({ id: complaints.id }).from(complaints).innerJoin(categories, eq(categories.id, complaints.categoryId)).where(where).orderBy(...feedOrder).limit(limit);
    built = [
      selectViewed(db).where(where).orderBy(...feedOrder).limit(limit).prepare(),
      photosQuery(db, inArray(photos.complaintId, pageIds)).prepare(),
    ] as const;
    shapes.set(shape, built);
  }
  return built;
}

/**
 * A page of the public feed with the photos of its complaints, in one round trip to D1
 * (each one costs about as much as the rest of the request), with statements built once.
 */
export async function listFeed(db: Database, q: FeedQuery): Promise<{ rows: ViewedComplaintRow[]; photos: PhotoRow[] }> {
  const [rows, photoRows] = (await batchPrepared(db, feedStatementsFor(db, q), {
    status: q.status,
    categorySlug: q.categorySlug,
    regencyCode: q.regencyCode,
    afterAt: q.after?.submittedAt,
    afterId: q.after?.id,
    limit: q.limit,
  })) as [ViewedComplaintRow[], PhotoRow[]];
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
  row: ViewedComplaintRow;
  photos: PhotoRow[];
  /** Every event, internal ones included: the view keeps what its viewer may see. */
  events: EventRow[];
}

const complaintByCode = preparedOnce((db) => {
  const code = sql.placeholder('code');
  const id = sql`(select ${complaints.id} from ${complaints} where ${complaints.code} = ${code})`;
  return [
    selectViewed(db).where(eq(complaints.code, code)).limit(1).prepare(),
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
      status: complaints.status,
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

const filingChecks = preparedOnce((db) => {
  const reads = [
    db.select().from(categories).where(eq(categories.slug, sql.placeholder('categorySlug'))).limit(1).prepare(),
    db
      .select()
      .from(regions)
      .where(inArray(regions.code, [sql.placeholder('regencyCode'), sql.placeholder('districtCode'), sql.placeholder('villageCode')]))
      .prepare(),
    db.select().from(uploads).where(sql`${uploads.id} in (select value from json_each(${sql.placeholder('uploadIds')}))`).prepare(),
    db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, sql.placeholder('idemScope')), eq(idempotencyKeys.key, sql.placeholder('idemKey'))))
      .limit(1)
      .prepare(),
  ] as const;
  return { reads, counted: [countStatement(db), ...reads] as const };
});

/**
 * Everything a filing that did not check out needs to say why, in one round trip: an earlier
 * answer under the same idempotency key, the category, the places and the uploads; first of
 * all the statement counting the request for its rate limit, when the caller passes its values.
 */
export async function loadFilingContext(
  db: Database,
  q: {
    categorySlug: string;
    regencyCode: string;
    districtCode: string;
    villageCode: string;
    uploadIds: string[];
    idempotency?: { scope: string; key: string };
    count?: ReturnType<typeof countValues>;
  },
) {
  const { reads, counted } = filingChecks(db);
  const values = {
    ...q.count,
    categorySlug: q.categorySlug,
    regencyCode: q.regencyCode,
    districtCode: q.districtCode,
    villageCode: q.villageCode,
    uploadIds: JSON.stringify(q.uploadIds),
    // Without a key nothing is found: keys are 8 to 100 characters long.
    idemScope: q.idempotency?.scope ?? '',
    idemKey: q.idempotency?.key ?? '',
  };
  const [count, [category], places, uploadRows, [earlier]] = q.count
    ? await batchPrepared(db, counted, values)
    : [undefined, ...(await batchPrepared(db, reads, values))];
  return { counted: count, category, places, uploads: uploadRows, earlier };
}

/** The columns a filing gives as they are; category, priority and due time come from what it names (see `insertion`), the others start at their defaults. */
const givenColumns = [
  'code', 'title', 'description', 'regencyCode', 'districtCode', 'villageCode', 'lat', 'lng', 'address',
  'reporterName', 'reporterPhone', 'reporterEmail', 'anonymous', 'confidential', 'trackingTokenHash',
  'submittedAt', 'updatedAt', 'apiKeyId', 'mediaUrl',
] as const;
type NewComplaintRow = typeof complaints.$inferInsert;
export type FiledComplaint = { [K in (typeof givenColumns)[number]]-?: Exclude<NewComplaintRow[K], undefined> };

export interface NewComplaint {
  complaint: FiledComplaint;
  categorySlug: string;
  /** Who may claim the uploads: the uploading client's hash. */
  ownerHash: string;
  /** The uploads it claims, in order; each becomes a photo with the upload's id. */
  uploadIds: string[];
  event: { type: string; actorRole: ActorRole; visibility: EventVisibility; toStatus: ComplaintStatus };
  idempotency?: { scope: string; key: string; status: number; response: string };
  /** This request's rate-limit count, made in the same batch, and the limit its estimate must keep. */
  count?: { values: ReturnType<typeof countValues>; weight: number; limit: number };
}

/**
 * What the request names must exist and may be used, as `checkReferences` (complaint-filing.ts)
 * demands, the idempotency key must be unused and the request within its rate limit: the
 * category's id when all holds, else null, which the complaint's NOT NULL category refuses, so
 * the whole batch writes nothing. Each place is looked up on its own: the same check as a join
 * of the three regions made a filing 5 ms slower on `wrangler dev` (though not in node:sqlite),
 * measured with the throughput benchmark.
 */
const checkedCategoryId = sql`(select ${categories.id} from ${categories}
  where ${categories.slug} = ${sql.placeholder('categorySlug')} and ${categories.active} = 1
  and (select ${regions.parentCode} from ${regions} where ${regions.code} = ${sql.placeholder('villageCode')} and ${regions.level} = 'village') = ${sql.placeholder('districtCode')}
  and (select ${regions.parentCode} from ${regions} where ${regions.code} = ${sql.placeholder('districtCode')} and ${regions.level} = 'district') = ${sql.placeholder('regencyCode')}
  and (select ${regions.level} from ${regions} where ${regions.code} = ${sql.placeholder('regencyCode')}) = 'regency'
  and (select count(*) from ${uploads} where ${uploads.id} in (select value from json_each(${sql.placeholder('uploadIds')}))
    and ${uploads.ownerHash} = ${sql.placeholder('ownerHash')} and ${uploads.claimedAt} is null) = json_array_length(${sql.placeholder('uploadIds')})
  and not exists (select 1 from ${idempotencyKeys}
    where ${idempotencyKeys.scope} = ${sql.placeholder('idemScope')} and ${idempotencyKeys.key} = ${sql.placeholder('idemKey')})
  and (${sql.placeholder('rateKey')} is null or (select ${rateLimits.count} + ${rateLimits.previousCount} * ${sql.placeholder('rateWeight')}
    from ${rateLimits} where ${rateLimits.key} = ${sql.placeholder('rateKey')}) <= ${sql.placeholder('rateLimit')}))`;

/** A filing's statements, built once per database: the rate count, the complaint, its first event, its photos (claiming the uploads), the idempotency record; each filing runs those it needs. */
const insertion = preparedOnce((db) => {
  const complaint = db
    .insert(complaints)
    .values({
      ...Object.fromEntries(givenColumns.map((column) => [column, sql.placeholder(column)])),
      categoryId: checkedCategoryId,
      priority: sql`coalesce((select ${categories.defaultPriority} from ${categories} where ${categories.slug} = ${sql.placeholder('categorySlug')}), 'normal')`,
      // moderationDueAt (domain/sla.ts) with the targets in force.
      dueAt: sql`${sql.placeholder('submittedMs')} + coalesce((select json_extract(${settings.value}, '$.moderationMs') from ${settings}
        where ${settings.key} = ${TARGETS_KEY}), ${defaultTargets.moderationMs})`,
    } as unknown as NewComplaintRow)
    .prepare();
  const complaintId = sql`(select ${complaints.id} from ${complaints} where ${complaints.code} = ${sql.placeholder('code')})`;
  const claimed = sql`${uploads.id} in (select value from json_each(${sql.placeholder('uploadIds')}))`;
  const event = db
    .insert(events)
    .values({
      complaintId,
      type: sql.placeholder('eventType'),
      actorRole: sql.placeholder('actorRole'),
      visibility: sql.placeholder('visibility'),
      toStatus: sql.placeholder('toStatus'),
    } as unknown as typeof events.$inferInsert)
    .returning({ id: events.id })
    .prepare();
  const photoWrites = [
    // Each claimed upload becomes a photo with the upload's id, at its place in the list.
    db
      .insert(photos)
      .select(
        db
          .select({
            id: uploads.id,
            complaintId: sql`${complaintId}`.as('complaint_id'),
            r2Key: uploads.r2Key,
            contentType: uploads.contentType,
            size: uploads.size,
            width: uploads.width,
            height: uploads.height,
            // json_each has an `id` column of its own: the upload's is named in full.
            position: sql`(select list.key from json_each(${sql.placeholder('uploadIds')}) list where list.value = "uploads"."id")`.as('position'),
            createdAt: sql`(unixepoch('subsec') * 1000)`.as('created_at'),
          })
          .from(uploads)
          .where(claimed) as never,
      )
      .prepare(),
    db.update(uploads).set({ claimedAt: sql.placeholder('submittedAt') as never }).where(claimed).prepare(),
  ];
  const remembered = db
    .insert(idempotencyKeys)
    .values({
      scope: sql.placeholder('idemScope'),
      key: sql.placeholder('idemKey'),
      status: sql.placeholder('idemStatus'),
      response: sql.placeholder('idemResponse'),
    } as unknown as typeof idempotencyKeys.$inferInsert)
    .prepare();
  return { count: countStatement(db), complaint, event, photoWrites, remembered };
});

/**
 * Files a complaint in one round trip when everything it names checks out: the checks of
 * `checkReferences`, the idempotency key unused and the rate limit kept are made in SQL, in
 * the same transaction as the writes (and the rate count); a photo's id is its upload's id.
 * Returns the new event's id, or undefined when something did not check out: then nothing
 * was written, nor counted, and the caller reads what to answer (see `loadFilingContext`).
 */
export async function insertCheckedComplaint(db: Database, input: NewComplaint): Promise<number | undefined> {
  const { complaint, event, idempotency, count } = input;
  const statements = insertion(db);
  const values = {
    ...complaint,
    submittedMs: complaint.submittedAt.getTime(),
    categorySlug: input.categorySlug,
    ownerHash: input.ownerHash,
    eventType: event.type,
    actorRole: event.actorRole,
    visibility: event.visibility,
    toStatus: event.toStatus,
    uploadIds: JSON.stringify(input.uploadIds),
    idemScope: idempotency?.scope ?? '',
    idemKey: idempotency?.key ?? '',
    ...(idempotency && { idemStatus: idempotency.status, idemResponse: idempotency.response }),
    ...count?.values,
    rateKey: count?.values.rateKey ?? null,
    rateWeight: count?.weight ?? 0,
    rateLimit: count?.limit ?? 0,
  };
  const run: PreparedAll[] = [
    ...(count ? [statements.count] : []),
    statements.complaint,
    statements.event,
    ...(input.uploadIds.length ? statements.photoWrites : []),
    ...(idempotency ? [statements.remembered] : []),
  ];
  try {
    const answers = await runPrepared(db, run.map((query) => [query, values] as const));
    const id = (answers[run.indexOf(statements.event)] as { id: number }[])[0]?.id;
    if (!id) throw new Error('event insert returned no id');
    return id;
  } catch (err) {
    if (String((err as Error)?.cause ?? err).includes('NOT NULL constraint failed: complaints.category_id')) return undefined;
    throw err;
  }
}

/** A retry comes within minutes; a day later the key has done its work. */
export function deleteIdempotencyKeysBefore(db: Database, before: Date) {
  return db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before));
}
