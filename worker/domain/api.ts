// Shapes of the public API that the Worker sends and the client reads. Plain types only,
// so both sides compile them.
import type { AgencyKind, ComplaintStatus, Priority, RegionLevel } from './vocabulary';

/** Every failure of the API has this body (DESIGN.md, "API"). */
export const errorCodes = [
  'validation_failed', // 400: malformed JSON, params or query
  'unauthenticated', // 401
  'forbidden', // 403
  'not_found', // 404, also for objects outside the caller's reach
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
