// Who may see what of a complaint. One place for the rules the routes apply: an agency
// reaches only its own complaints; a reporter is known by the tracking token; anonymous
// means the reporter's identity is for moderators only.
import type { StaffRole } from './vocabulary';

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

export function maySeeReporter(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  if (viewer.kind === 'reporter') return true;
  if (!staffReaches(viewer, complaint)) return false;
  return viewer.kind === 'staff' && (viewer.role !== 'agency' || !complaint.anonymous);
}

export function maySeeInternalEvents(viewer: Viewer, complaint: ComplaintAccessFacts): boolean {
  return staffReaches(viewer, complaint);
}
