// Shapes of the public API that the Worker sends and the client reads. Plain types only,
// so both sides compile them.
import type { AgencyKind, ComplaintStatus, Priority, RegionLevel } from './vocabulary';

/** Every failure of the API has this body (DESIGN.md, "API"). */
export const errorCodes = [
  'validation_failed', // 400: malformed JSON, params or query
  'unauthenticated', // 401
  'forbidden', // 403
  'not_found', // 404, also for objects outside the caller's reach
  'method_not_allowed', // 405: a known path, another method (the Allow header names them)
  'conflict', // 409: illegal transition, stale version, duplicate
  'payload_too_large', // 413
  'unsupported_media_type', // 415
  'unprocessable', // 422: well-formed but not acceptable
  'rate_limited', // 429
  'internal', // 500: only for our own faults, never for client input
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `reporter.email` or `code`. */
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorIssue[]; requestId?: string };
}

export interface Bilingual {
  id: string;
  en: string;
}

export interface CategoryInfo {
  slug: string;
  name: Bilingual;
  description: Bilingual;
  defaultPriority: Priority;
  icon: string | null;
}

export interface RegionInfo {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface AgencyInfo {
  slug: string;
  name: string;
  shortName: string | null;
  kind: AgencyKind;
  regencyCode: string | null;
}

export interface PriorityInfo {
  slug: Priority;
  /** Hours from forwarding to the agency's first response. */
  targetHours: number;
}

/** `GET /api/meta` */
export interface MetaResponse {
  categories: CategoryInfo[];
  regencies: RegionInfo[];
  agencies: AgencyInfo[];
  statuses: ComplaintStatus[];
  priorities: PriorityInfo[];
  limits: typeof complaintLimits;
  map: MapConfig;
}

/** `GET /api/regions/:code` */
export interface RegionChildrenResponse {
  region: RegionInfo & { parentCode: string | null };
  children: RegionInfo[];
}

/** `GET /api/health` */
export interface HealthResponse {
  status: 'ok';
  time: string;
}

// ---- Complaints (citizens) ----

/** The reporter's secret, sent back on every request about their complaint. */
export const TRACKING_TOKEN_HEADER = 'X-Tracking-Token';
/** A random key the client keeps on the device: uploads can be claimed only with it. */
export const CLIENT_KEY_HEADER = 'X-Client-Key';
/** Makes a retried submission return the first one's answer instead of filing it twice. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Limits the server enforces, also sent in `/api/meta` so the client can say them first. */
export const complaintLimits = {
  titleMin: 5,
  titleMax: 150,
  descriptionMin: 20,
  descriptionMax: 4000,
  addressMax: 300,
  nameMax: 100,
  commentMax: 2000,
  photosMax: 5,
  photoBytesMax: 10 * 1024 * 1024,
  photoPixelsMax: 40_000_000,
} as const;

/**
 * A reporter's phone number as the API takes it: an optional `+`, a digit, then 5 to 19 digits,
 * spaces, brackets, dots or hyphens. The complaint form checks the same pattern before sending.
 */
export const phonePattern = /^\+?[0-9][0-9 ().-]{5,19}$/;

/** An agency's or a category's slug: a-z, 0-9 and -, starting with a letter, 2 to 64 characters. */
export const slugPattern = /^[a-z][a-z0-9-]{1,63}$/;

/** NTB's bounding box (Lombok and Sumbawa with their small islands), for pins. */
export const ntbBounds = { south: -9.2, west: 115.7, north: -7.9, east: 119.4 } as const;

export interface MapConfig {
  /** A Leaflet tile URL template, or null when no tile server is configured. */
  tileUrl: string | null;
  attribution: string;
  bounds: typeof ntbBounds;
}

/** `POST /api/uploads` (raw image body) → 201 */
export interface UploadResponse {
  id: string;
  contentType: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  size: number;
}

/** `POST /api/complaints` body */
export interface CreateComplaintRequest {
  title: string;
  description: string;
  /** Category slug. */
  category: string;
  regencyCode: string;
  districtCode: string;
  villageCode: string;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  photoIds: string[];
  reporter: { name?: string | null; phone?: string | null; email?: string | null };
  anonymous: boolean;
  confidential: boolean;
}

/** `POST /api/complaints` → 201. The token is shown once; only its hash is stored. */
export interface CreateComplaintResponse {
  code: string;
  trackingToken: string;
}

export interface AgencyRef {
  slug: string;
  name: string;
  shortName: string | null;
}

export interface CategoryRef {
  slug: string;
  name: Bilingual;
  icon: string | null;
}

export interface PlaceRef {
  regency: { code: string; name: string };
  district: { code: string; name: string };
  village: { code: string; name: string };
}

export interface PhotoInfo {
  id: string;
  /** `/api/photos/<id>`; unless the complaint's `photosPublic`, it needs the tracking token header (or a staff session). */
  url: string;
  contentType: string;
  width: number;
  height: number;
}

/** One step of a complaint's timeline as its audience may see it. */
export interface TimelineEvent {
  id: number;
  type: string;
  at: string;
  actor: ActorRoleName;
  agency: AgencyRef | null;
  fromStatus: ComplaintStatus | null;
  toStatus: ComplaintStatus | null;
  body: string | null;
  /** What the step names: `{agency, priority}` of a forward, `{reason}` of a rejection, `{of}` of a duplicate. */
  details?: Record<string, unknown> | null;
}
export type ActorRoleName = 'citizen' | 'system' | 'moderator' | 'agency' | 'admin';

/** What every full view of one complaint shows, to the public, the reporter and staff. */
/** What names a complaint in a list: its code, title, state, kind and place. */
export interface ComplaintHeading {
  code: string;
  title: string;
  status: ComplaintStatus;
  priority: Priority;
  category: CategoryRef;
  place: PlaceRef;
  confidential: boolean;
}

export interface ComplaintCore extends ComplaintHeading {
  description: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  anonymous: boolean;
}

/**
 * How another app filed the complaint through Open311, for staff only: the name of its API
 * key and the link to media it sent (unchecked: never fetched, shown as a plain link).
 */
export interface FiledVia {
  apiKey: string;
  mediaUrl: string | null;
}

/** `GET /api/complaints/:code` */
export interface ComplaintView extends ComplaintCore {
  agency: AgencyRef | null;
  submittedAt: string;
  updatedAt: string;
  events: TimelineEvent[];
  /** Empty for the public until the moderators have let the complaint through (`photosPublic`). */
  photos: PhotoInfo[];
  /**
   * Whether anyone may load the photos: false for a confidential complaint and for one not
   * yet let through by the moderators, whose photos need the tracking token header (or a
   * staff session).
   */
  photosPublic: boolean;
  /** Only for the reporter (tracking token) and staff. */
  reporter: { name: string | null; phone: string | null; email: string | null } | null;
  /**
   * True when the public reads a complaint the moderators refused: its own words are not
   * shown (`title` and `description` empty, `address`, `lat` and `lng` null, the reporter's
   * comments without `body`); status, dates, category, area and the moderators' reason are.
   * Its reporter (tracking token) and the staff who reach it read everything.
   */
  textWithheld: boolean;
  /** True when the request carried this complaint's tracking token. */
  viewerIsReporter: boolean;
  /** Only for staff who reach the complaint; null when filed through our own client. */
  filedVia: FiledVia | null;
  version: number;
}

/** `POST /api/complaints/:code/comments` body (with the tracking token) → 201 `TimelineEvent` */
export interface CommentRequest {
  body: string;
}

/** The statuses the public feed shows: complaints a moderator has verified. */
export const feedStatuses = ['forwarded', 'in_progress', 'resolved', 'closed'] as const;

/** `GET /api/complaints?category=&regency=&status=&pinned=&cursor=&limit=` */
export interface FeedItem {
  code: string;
  title: string;
  /** The first 240 characters of the description. */
  excerpt: string;
  status: ComplaintStatus;
  category: CategoryRef;
  place: PlaceRef;
  lat: number | null;
  lng: number | null;
  agency: AgencyRef | null;
  /** The feed never names a reporter: the client shows "Anonim" or "Warga". */
  anonymous: boolean;
  submittedAt: string;
  updatedAt: string;
  photo: PhotoInfo | null;
  photoCount: number;
}

export interface FeedResponse {
  items: FeedItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

// ---- Staff ----

export interface StaffInfo {
  id: number;
  username: string;
  displayName: string;
  role: 'moderator' | 'agency' | 'admin';
  agencyId: number | null;
  agency: AgencyRef | null;
}

/** `POST /api/auth/login` `{username, password}` → 200 `{user}` and the session cookie; `GET /api/auth/me` → `{user}` */
export interface MeResponse {
  user: StaffInfo;
}

/** Why a moderator rejects a complaint; the reporter sees the reason and the message. */
export const rejectReasons = [
  'not_public_service',
  'incomplete',
  'outside_ntb',
  'abusive',
  'spam',
  'other',
] as const;
export type RejectReason = (typeof rejectReasons)[number];

export interface DuplicateCandidate {
  code: string;
  title: string;
  status: ComplaintStatus;
  submittedAt: string;
  /** Metres between the two pins, when both have one. */
  distanceM: number | null;
  sameVillage: boolean;
  /** 0..1, text similarity of title and description. */
  similarity: number;
}

/** One complaint waiting in the moderators' desk (`GET /api/moderation/queue`). */
export interface ModerationItem extends ComplaintCore {
  reporter: { name: string | null; phone: string | null; email: string | null };
  submittedAt: string;
  /** The moderators' target: 24 hours from submission. */
  dueAt: string | null;
  photos: PhotoInfo[];
  /** From the routing rules, computed by the queue consumer; null until it has run. */
  suggestedAgency: AgencyRef | null;
  duplicateCandidates: DuplicateCandidate[];
  /**
   * Set when an agency sent it back as not its responsibility, or the system did because the
   * agency holding it was switched off (`agencyInactive`, with no reason).
   */
  returned: { agency: AgencyRef | null; reason: string | null; at: string; agencyInactive: boolean } | null;
  /** Null when filed through our own client. */
  filedVia: FiledVia | null;
  version: number;
}

export interface ModerationQueueResponse {
  items: ModerationItem[];
  nextCursor: string | null;
  /** How many complaints wait in all. */
  total: number;
}

/**
 * One complaint an agency holds past its response due time (`GET /api/moderation/overdue`):
 * what a moderator needs to chase it.
 */
/** `confidential`: moderators may see confidential complaints; the desk marks them. */
export interface OverdueItem extends ComplaintHeading {
  /** The agency holding it. */
  agency: AgencyRef;
  forwardedAt: string | null;
  firstResponseAt: string | null;
  /** The agency's response target, passed. */
  dueAt: string;
  /** The latest internal note by a moderator since the latest forward or reopening, or null. */
  remindedAt: string | null;
  version: number;
}

export interface OverdueResponse {
  items: OverdueItem[];
  /** How many complaints agencies hold past due, in all. */
  total: number;
  nextCursor: string | null;
}

/** Every staff action names the version it saw; a stale one gets 409 with the current state. */
export interface ForwardRequest {
  version: number;
  /** Agency slug. */
  agency: string;
  priority: Priority;
  note?: string | null;
}
export interface RejectRequest {
  version: number;
  reason: RejectReason;
  /** Shown to the reporter with the reason. */
  message?: string | null;
}
export interface DuplicateRequest {
  version: number;
  /** The code of the complaint this one repeats. */
  of: string;
}
export interface CorrectRequest {
  version: number;
  title?: string;
  category?: string;
  regencyCode?: string;
  districtCode?: string;
  villageCode?: string;
}
/** The answer to every staff action: the complaint as the caller now sees it. */
export type ActionResponse = ComplaintView;

// ---- Administration of staff accounts (`/api/admin/users`) ----

export interface StaffAccount {
  username: string;
  displayName: string;
  role: 'moderator' | 'agency' | 'admin';
  agency: AgencyRef | null;
  disabled: boolean;
  createdAt: string;
}
/** `GET /api/admin/api-keys`: an Open311 key as administrators see it, never the key itself. */
export interface ApiKeyInfo {
  id: number;
  /** Whose key it is: "LAPOR! bridge", "Tempo data desk". */
  name: string;
  /** The key's first characters, to recognise it. */
  prefix: string;
  createdAt: string;
  /** The administrator who issued it. */
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface ApiKeyListResponse {
  apiKeys: ApiKeyInfo[];
}
/** `POST /api/admin/api-keys` `{ name }` → 201: the key in full, shown this once. */
export interface IssuedApiKey extends ApiKeyInfo {
  key: string;
}
export interface CreateStaffRequest {
  username: string;
  displayName: string;
  role: 'moderator' | 'agency' | 'admin';
  /** Agency slug; required for the agency role, refused for the others. */
  agency?: string | null;
  /** At least 12 characters. */
  password: string;
}

// ---- Agency inbox and live updates ----

/** One complaint in an agency's inbox (`GET /api/inbox`). */
export interface InboxItem {
  code: string;
  title: string;
  excerpt: string;
  status: ComplaintStatus;
  priority: Priority;
  category: CategoryRef;
  place: PlaceRef;
  anonymous: boolean;
  confidential: boolean;
  submittedAt: string;
  forwardedAt: string | null;
  /** The response target: forwarded + 1 h / 24 h / 48 h by priority. */
  dueAt: string | null;
  firstResponseAt: string | null;
  /** Forwarded and not yet acknowledged or answered by the agency. */
  isNew: boolean;
  version: number;
  photoCount: number;
}

export interface InboxResponse {
  items: InboxItem[];
  nextCursor: string | null;
  /** Open complaints of the agency by status. */
  counts: Partial<Record<ComplaintStatus, number>>;
  /** The newest event id concerning this inbox: the cursor for `GET /api/inbox/events?since=`. */
  lastEventId: number;
}

/** `GET /api/inbox/events?since=<eventId>`: what happened after the cursor, oldest first. */
export interface InboxEventsResponse {
  /** `heldHere`: whether the caller's agency holds the complaint now (a forward away from it is listed too). */
  events: { eventId: number; eventType: string; complaintCode: string; status: ComplaintStatus; version: number; heldHere: boolean }[];
  lastEventId: number;
}

/** Agency actions, each `{version, ...}` → 200 `ComplaintView`: `acknowledge` `{version}`;
 * `respond` `{version, body}` (public answer the reporter reads); `note` `{version, body}`
 * (internal: the agency and moderators); `resolve` `{version, body}` (resolution note, public);
 * `return` `{version, reason}` (not our responsibility, back to the moderators). */
export interface AgencyTextActionRequest {
  version: number;
  body: string;
}

// ---- Public statistics (`GET /api/stats?from=&to=`) ----

export interface AgencyStats {
  agency: AgencyRef;
  received: number;
  /** Share (0..1) of received complaints whose first public answer came within the target. */
  answeredWithinTarget: number | null;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
  /** Share (0..1) of received complaints resolved or closed. */
  resolvedShare: number | null;
  averageRating: number | null;
  ratings: number;
  overdueNow: number;
}

export interface StatsResponse {
  /** The period, as asked (WITA dates), and when the figures were computed. */
  from: string;
  to: string;
  computedAt: string;
  total: number;
  byStatus: Partial<Record<ComplaintStatus, number>>;
  byCategory: { slug: string; name: Bilingual; count: number }[];
  byRegency: { code: string; name: string; count: number }[];
  /** Complaints per week (weeks starting Monday, WITA). */
  weekly: { weekStart: string; count: number }[];
  agencies: AgencyStats[];
}
