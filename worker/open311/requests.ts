// A complaint as a GeoReport v2 service request: what a stranger may see of it and no
// more (no reporter, ever), with our finer status told in `service_notice`.
import type { ComplaintRow } from '../db/complaints';
import { photosArePublic, textIsPublic } from '../domain/access';
import { trackingPath } from '../domain/tracking-link';
import { type ComplaintStatus, complaintStatuses } from '../domain/vocabulary';
import { WITA_OFFSET_MS } from '../domain/wita';

export type Open311Status = 'open' | 'closed';

/** Ours → the specification's two: closed once the agency resolved it, or it was refused. */
export const open311Statuses: Record<ComplaintStatus, Open311Status> = {
  submitted: 'open',
  forwarded: 'open',
  in_progress: 'open',
  resolved: 'closed',
  closed: 'closed',
  rejected: 'closed',
  duplicate: 'closed',
};

/** Indonesian first, English second, as everything NTB Care says to people. */
export const serviceNotices: Record<ComplaintStatus, string> = {
  submitted: 'Menunggu pemeriksaan moderator Diskominfotik NTB, lalu diteruskan ke instansi yang berwenang. / Awaiting screening by the moderators of Diskominfotik NTB, then forwarded to the responsible agency.',
  forwarded: 'Sudah diteruskan ke instansi; menunggu tanggapannya. / Forwarded to the agency; awaiting its response.',
  in_progress: 'Sedang ditangani instansi. / Being handled by the agency.',
  resolved: 'Dinyatakan selesai oleh instansi; menunggu konfirmasi pelapor. / Resolved by the agency; awaiting the reporter’s confirmation.',
  closed: 'Selesai. / Closed.',
  rejected: 'Ditolak moderator; isi pengaduan tidak dipublikasikan. / Rejected by the moderators; its text is not published.',
  duplicate: 'Duplikat pengaduan lain. / A duplicate of another complaint.',
};

/**
 * What a filed request answers beside its id: our extension `tracking_url`, the reporter's
 * private tracking link. The app that filed for the reporter hands it on; with it the reporter
 * follows the complaint on NTB Care, replies and confirms or reopens it as anyone filing there
 * does.
 */
export function filedRequest(origin: string, code: string, trackingToken: string) {
  return {
    service_request_id: code,
    service_notice: serviceNotices.submitted,
    account_id: null,
    tracking_url: origin + trackingPath(code, trackingToken),
  };
}

/**
 * `status_notes`: the words of the latest public event of these types, while they still
 * explain the status. Any later change of status makes them stale (a reopen, a return,
 * a forward to another agency), except one that keeps the request closed: a resolved
 * complaint confirmed or closed by the cron keeps the agency's resolution.
 */
export const statusNoteRule = {
  types: ['response', 'resolved', 'rejected', 'duplicate'],
  keptBetween: complaintStatuses.filter((s) => open311Statuses[s] === 'closed'),
} as const;

/** `latest` is the newest event of a note's type or of a status change that drops it. */
export function statusNote(latest: { type: string; visibility: string; body: string | null; data: Record<string, unknown> | null } | undefined): string | null {
  if (!latest || latest.visibility !== 'public' || !(statusNoteRule.types as readonly string[]).includes(latest.type)) return null;
  if (latest.type === 'duplicate' && typeof latest.data?.of === 'string') return `Duplikat dari ${latest.data.of} / Duplicate of ${latest.data.of}`;
  return latest.body;
}

/**
 * `media_url`: our own first photo, else the link the Open311 client sent, once the
 * moderators, who see both first, have verified the complaint (as the feed shows it).
 */
export function mediaUrlOf(row: ComplaintRow, photoUrl: string | undefined): string | null {
  // Neither our photo nor the app's link is shown before the moderators let the complaint through.
  if (!photosArePublic(row.complaint)) return null;
  return photoUrl ?? row.complaint.mediaUrl;
}

/** A W3C datetime in NTB's time (WITA, UTC+8), to the second: `2026-11-05T14:03:22+08:00`. */
export function witaDateTime(at: Date): string {
  return `${new Date(at.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/**
 * Most specific first, as the specification asks: street, village, district, regency, province.
 * Of a refused complaint, as of its words, the street is not told (`textIsPublic`).
 */
function addressOf(row: ComplaintRow): string {
  return [textIsPublic(row.complaint) ? row.complaint.address : null, row.village.name, row.district.name, row.regency.name, 'Nusa Tenggara Barat'].filter(Boolean).join(', ');
}

/** When the request became closed in the specification's sense (resolved, or refused). */
function closedAt(row: ComplaintRow): Date {
  const c = row.complaint;
  return c.resolvedAt ?? c.closedAt ?? c.updatedAt;
}

export function serviceRequest(row: ComplaintRow, extras: { statusNotes: string | null; mediaUrl: string | null }) {
  const c = row.complaint;
  const status = open311Statuses[c.status];
  // A refused complaint keeps its status, notes and dates; its words and pin are not published.
  const told = textIsPublic(c);
  return {
    service_request_id: c.code,
    status,
    status_notes: extras.statusNotes,
    service_name: row.category.nameId,
    service_code: row.category.slug,
    description: told ? c.description : '',
    agency_responsible: row.agency?.name ?? null,
    service_notice: serviceNotices[c.status],
    requested_datetime: witaDateTime(c.submittedAt),
    updated_datetime: witaDateTime(status === 'closed' ? closedAt(row) : c.updatedAt),
    expected_datetime: c.dueAt ? witaDateTime(c.dueAt) : null,
    address: addressOf(row),
    address_id: null,
    zipcode: null,
    lat: told ? c.lat : null,
    long: told ? c.lng : null,
    media_url: extras.mediaUrl,
  };
}
export type ServiceRequest = ReturnType<typeof serviceRequest>;
