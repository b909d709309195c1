// The records of NTB Care. D1 is the single source of truth (DESIGN.md); every table here
// is created by a drizzle-kit generated migration in migrations/.
import { sql } from 'drizzle-orm';
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import {
  actorRoles,
  agencyKinds,
  complaintStatuses,
  eventVisibilities,
  priorities,
  regionLevels,
  staffRoles,
} from '../domain/vocabulary';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

/** Province, regencies/cities, districts and villages of NTB, keyed by official code. */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code').references((): AnySQLiteColumn => regions.code),
    level: text('level', { enum: regionLevels }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode, t.name),
    check('regions_level_check', sql`${t.level} in (${inList(regionLevels)})`),
  ],
);

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind', { enum: agencyKinds }).notNull(),
    regencyCode: text('regency_code').references(() => regions.code),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agencies_slug_unique').on(t.slug),
    check('agencies_kind_check', sql`${t.kind} in (${inList(agencyKinds)})`),
    check('agencies_slug_check', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*'`),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`: the count travels with the hash. */
    passwordHash: text('password_hash').notNull(),
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_username_unique').on(t.username),
    index('users_agency_idx').on(t.agencyId),
    check('users_role_check', sql`${t.role} in (${inList(staffRoles)})`),
    // An agency account belongs to exactly one agency; other staff to none.
    check(
      'users_agency_check',
      sql`(${t.role} = 'agency') = (${t.agencyId} is not null)`,
    ),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token, hex: the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Browsers a staff member has signed in from (a long-lived cookie's token, hashed): a try from
 * one is not held back by the limit on failed sign-ins per username, which guessing from many
 * addresses can reach (routes/auth.ts).
 */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('known_devices_last_used_idx').on(t.lastUsedAt)],
);

/** Keys of the apps that file complaints through Open311; the key itself is never stored. */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Whose key it is, as administrators know them: "LAPOR! bridge", "Tempo data desk". */
    name: text('name').notNull(),
    /** The key's first characters, to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    /** SHA-256 of the key, hex. */
    keyHash: text('key_hash').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('api_keys_hash_unique').on(t.keyHash)],
);

export const categories = sqliteTable(
  'categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    nameId: text('name_id').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionId: text('description_id').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    defaultPriority: text('default_priority', { enum: priorities }).notNull().default('normal'),
    icon: text('icon'),
    sortOrder: integer('sort_order').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('categories_slug_unique').on(t.slug),
    check('categories_priority_check', sql`${t.defaultPriority} in (${inList(priorities)})`),
  ],
);

/** (category, regency or any) → agency; the most specific, then the lowest rank, wins. */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    regencyCode: text('regency_code').references(() => regions.code),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    rank: integer('rank').notNull().default(0),
    autoForward: integer('auto_forward', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('routing_rules_match_idx').on(t.categoryId, t.regencyCode, t.rank),
  ],
);

export const complaints = sqliteTable(
  'complaints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Public code: `NTB-` and 8 Crockford base32 characters. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    regencyCode: text('regency_code')
      .notNull()
      .references(() => regions.code),
    districtCode: text('district_code')
      .notNull()
      .references(() => regions.code),
    villageCode: text('village_code')
      .notNull()
      .references(() => regions.code),
    lat: real('lat'),
    lng: real('lng'),
    address: text('address'),
    priority: text('priority', { enum: priorities }).notNull().default('normal'),
    status: text('status', { enum: complaintStatuses }).notNull().default('submitted'),
    agencyId: integer('agency_id').references(() => agencies.id),
    suggestedAgencyId: integer('suggested_agency_id').references(() => agencies.id),
    duplicateOfId: integer('duplicate_of_id').references((): AnySQLiteColumn => complaints.id),
    /** Ranked possible duplicates, computed by the queue consumer for the moderators. */
    duplicateCandidates: text('duplicate_candidates', { mode: 'json' }).$type<
      { code: string; distanceM: number | null; sameVillage: boolean; similarity: number }[]
    >(),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    reporterEmail: text('reporter_email'),
    /** Name hidden from everyone but moderators. */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    /** Not in the public feed, Open311 or the detail of statistics. */
    confidential: integer('confidential', { mode: 'boolean' }).notNull().default(false),
    /** SHA-256 of the reporter's 128-bit tracking token, hex. */
    trackingTokenHash: text('tracking_token_hash').notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    forwardedAt: integer('forwarded_at', { mode: 'timestamp_ms' }),
    firstResponseAt: integer('first_response_at', { mode: 'timestamp_ms' }),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    dueAt: integer('due_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /** The reporter's verdict on a resolved complaint: 1 to 5 (checked by the API: a CHECK
     * added to an existing table would make SQLite rebuild it), with an optional comment. */
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    /** Whether the first public response came within the response target in force then.
     * Set by a trigger when the response is recorded (migration 0009), so that a later
     * change of targets does not rewrite history; read by the statistics rollups. */
    responseWithinTarget: integer('response_within_target', { mode: 'boolean' }),
    /** Optimistic concurrency: every action names the version it saw. */
    version: integer('version').notNull().default(1),
    /** The Open311 key of the app that filed it; null when filed through our own client. */
    apiKeyId: integer('api_key_id').references(() => apiKeys.id),
    /** A link to media an Open311 client sent (`media_url`), kept as given, never fetched. */
    mediaUrl: text('media_url'),
  },
  (t) => [
    uniqueIndex('complaints_code_unique').on(t.code),
    index('complaints_status_submitted_idx').on(t.status, t.submittedAt),
    index('complaints_agency_status_idx').on(t.agencyId, t.status, t.updatedAt),
    index('complaints_agency_updated_idx').on(t.agencyId, t.updatedAt),
    index('complaints_submitted_idx').on(t.submittedAt),
    index('complaints_category_idx').on(t.categoryId, t.submittedAt),
    index('complaints_regency_idx').on(t.regencyCode, t.submittedAt),
    index('complaints_due_idx').on(t.dueAt),
    // "Currently overdue" per agency counts only open complaints, from this partial index
    // alone (status included so that the count reads no table row).
    index('complaints_open_due_idx')
      .on(t.agencyId, t.dueAt, t.status)
      .where(sql`${t.status} in ('forwarded', 'in_progress')`),
    check('complaints_status_check', sql`${t.status} in (${inList(complaintStatuses)})`),
    check('complaints_priority_check', sql`${t.priority} in (${inList(priorities)})`),
    // D1 caps GLOB patterns at 50 bytes, so the code is checked in two parts.
    check(
      'complaints_code_check',
      sql`length(${t.code}) = 12 and substr(${t.code}, 1, 4) = 'NTB-' and substr(${t.code}, 5) not glob '*[^0-9A-HJKMNP-TV-Z]*'`,
    ),
    check('complaints_title_check', sql`length(${t.title}) between 1 and 150`),
    check('complaints_description_check', sql`length(${t.description}) between 1 and 4000`),
    check('complaints_lat_check', sql`${t.lat} is null or ${t.lat} between -90 and 90`),
    check('complaints_lng_check', sql`${t.lng} is null or ${t.lng} between -180 and 180`),
    check('complaints_version_check', sql`${t.version} >= 1`),
  ],
);

/** A photo sent before the complaint exists; kept in quarantine until a complaint claims it. */
export const uploads = sqliteTable(
  'uploads',
  {
    id: text('id').primaryKey(),
    r2Key: text('r2_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    /** Hash of what identifies the uploading client, so nobody else can claim it. */
    ownerHash: text('owner_hash').notNull(),
    createdAt: createdAt(),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('uploads_unclaimed_idx').on(t.createdAt).where(sql`${t.claimedAt} is null`),
    check('uploads_type_check', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
  ],
);

export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    r2Key: text('r2_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('photos_complaint_idx').on(t.complaintId, t.position),
    check('photos_type_check', sql`${t.contentType} in ('image/jpeg', 'image/png', 'image/webp')`),
  ],
);

/** The timeline and audit log of a complaint, and the outbox of the queue. */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    complaintId: integer('complaint_id')
      .notNull()
      .references(() => complaints.id),
    type: text('type').notNull(),
    actorRole: text('actor_role', { enum: actorRoles }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    agencyId: integer('agency_id').references(() => agencies.id),
    visibility: text('visibility', { enum: eventVisibilities }).notNull(),
    fromStatus: text('from_status', { enum: complaintStatuses }),
    toStatus: text('to_status', { enum: complaintStatuses }),
    body: text('body'),
    /** Event-specific details as JSON (the agency forwarded to, the original of a correction...). */
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    /** Outbox: set when the queue confirmed the event; the cron re-sends the rest. */
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('events_complaint_idx').on(t.complaintId, t.id),
    // An agency's catch-up cursor (`/api/inbox/events`) reads events naming the agency.
    index('events_agency_idx').on(t.agencyId, t.id),
    index('events_undelivered_idx').on(t.createdAt).where(sql`${t.deliveredAt} is null`),
    check('events_visibility_check', sql`${t.visibility} in (${inList(eventVisibilities)})`),
    check('events_actor_check', sql`${t.actorRole} in (${inList(actorRoles)})`),
  ],
);

/** A retried submission with the same key gets the first answer back. */
export const idempotencyKeys = sqliteTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    status: integer('status').notNull(),
    response: text('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/** A queue message that kept failing, kept where an admin can see and replay it. */
export const deadLetters = sqliteTable(
  'dead_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    queue: text('queue').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: createdAt(),
    replayedAt: integer('replayed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('dead_letters_open_idx').on(t.createdAt).where(sql`${t.replayedAt} is null`)],
);

/** Fixed-window request counters per client and action (complaint creation, uploads...). */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
  /** The count of the window before this one, which still weighs as it slides out. */
  previousCount: integer('previous_count').notNull().default(0),
});

/** Settings administrators change at run time (service-level targets), as JSON by key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
