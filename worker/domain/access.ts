// Who may see what of a complaint. One place for the rules the routes apply: an agency
// reaches only its own complaints; a reporter is known by the tracking token; anonymous
// or confidential means the reporter's identity is for moderators only.
import { feedStatuses } from './api';
import type { ComplaintStatus, StaffRole } from './vocabulary';

export type Viewer =
  | { kind: 'public' }
  | { kind: 'reporter' }
  | { kind: 'staff'; role: StaffRole; agencyId: number | null };

interface ComplaintAccessFacts {
  confidential: boolean;
  anonymous: boolean;
  agencyId: number | null;
}

/** Staff who may open this complaint at all: moderators and admins, and its own agency. */
export function staffReaches(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  if (viewer.kind !== 'staff') return false;
  if (viewer.role !== 'agency') return true;
  return viewer.agencyId !== null && viewer.agencyId === complaint.agencyId;
}

export function maySeeComplaint(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  if (viewer.kind === 'reporter' || staffReaches(viewer, complaint)) return true;
  return !complaint.confidential;
}

/**
 * The agency whose holding a confidential complaint is this viewer's only right to it (an
 * agency's member): once it moves to another, they may no longer follow it. Undefined when
 * their right does not depend on who holds it.
 */
export function seesOnlyWhileHeldBy(viewer: Viewer, complaint: ComplaintAccessFacts): number | undefined {
  return complaint.confidential && viewer.kind === 'staff' && viewer.role === 'agency' && viewer.agencyId !== null ? viewer.agencyId : undefined;
}

/**
 * Anyone may see a complaint's photos once the moderators have screened it and let it through
 * (the public feed's statuses), unless it is confidential. Until then, or when they refuse
 * it, only its reporter and the staff who reach it do: a photo nobody has looked at is not
 * published under the province's name (the complaint's text, by its code, still is).
 */
export function photosArePublic(complaint: { confidential: boolean; status: ComplaintStatus }): boolean {
  return !complaint.confidential && (feedStatuses as readonly ComplaintStatus[]).includes(complaint.status);
}

/**
 * A complaint's own words (title, description, street address, pin, and what its reporter
 * wrote later): anyone holding its code may read them, until the moderators refuse it (abuse,
 * spam, not a public matter): from then on only its reporter and the staff who reach it do,
 * so that a refused complaint is not published under the province's name. Its status, dates,
 * category, area and the moderators' reason stay readable: the reporter's friends or the app
 * that filed it learn that it was refused and why.
 */
export function textIsPublic(complaint: { status: ComplaintStatus }): boolean {
  return complaint.status !== 'rejected';
}

export function maySeeText(viewer: Viewer, complaint: ComplaintAccessFacts & { status: ComplaintStatus }): boolean {
  return viewer.kind === 'reporter' || staffReaches(viewer, complaint) || textIsPublic(complaint);
}

export function maySeePhotos(viewer: Viewer, complaint: ComplaintAccessFacts & { status: ComplaintStatus }): boolean {
  return viewer.kind === 'reporter' || staffReaches(viewer, complaint) || photosArePublic(complaint);
}

/**
 * The reporter's name and contact: the reporter, and staff who reach the complaint; an agency
 * not when the reporter asked to be anonymous or for confidentiality (MISSION.md: a reporter
 * who asked for confidentiality is never exposed to the public or to agencies). Moderators
 * always may: they screen and can ask the reporter for more.
 */
export function maySeeReporter(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  if (viewer.kind === 'reporter') return true;
  if (!staffReaches(viewer, complaint)) return false;
  return viewer.kind === 'staff' && (viewer.role !== 'agency' || (!complaint.anonymous && !complaint.confidential));
}

export function maySeeInternalEvents(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  return staffReaches(viewer, complaint);
}
