// The fixed words of NTB Care's domain, shared by the schema, the API and the client.

export const complaintStatuses = [
  'submitted',
  'forwarded',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'duplicate',
] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** Held by an agency: forwarded to it, or being worked on there. */
export const heldStatuses: readonly ComplaintStatus[] = ['forwarded', 'in_progress'];

/** Being handled: with the moderators or an agency, neither resolved nor closed in any way. */
export const handledStatuses: readonly ComplaintStatus[] = ['submitted', 'forwarded', 'in_progress'];

/** NTB Care's own tiers, each with its response target (DESIGN.md). */
export const priorities = ['urgent', 'important', 'normal'] as const;
export type Priority = (typeof priorities)[number];

const HOUR = 60 * 60 * 1000;
export const responseTargetMs: Record<Priority, number> = {
  urgent: 1 * HOUR,
  important: 24 * HOUR,
  normal: 48 * HOUR,
};
/** Moderators have this long from submission to forward or reject. */
export const moderationTargetMs = 24 * HOUR;

export const staffRoles = ['moderator', 'agency', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const actorRoles = ['citizen', 'system', ...staffRoles] as const;
export type ActorRole = (typeof actorRoles)[number];

export const eventVisibilities = ['public', 'internal'] as const;
export type EventVisibility = (typeof eventVisibilities)[number];

export const agencyKinds = [
  'dinas',
  'badan',
  'biro',
  'bumd',
  'rsud',
  'vertical',
  'regency_government',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const regionLevels = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];

/** NTB's province code in the official (Kemendagri) numbering. */
export const NTB_PROVINCE_CODE = '52';
