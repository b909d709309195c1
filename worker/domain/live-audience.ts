// Which live topics hear of an event, and who may listen to a topic. Messages carry only
// ids, types, status and version: listeners re-read details through the API, where every
// object is checked again, so no topic ever carries a reporter's identity or a note.
import type { Viewer } from './access';
import type { LiveTopic } from './live';
import { type ComplaintStatus, type EventVisibility, heldStatuses } from './vocabulary';

/** A forward of a complaint an agency held: that agency is told too (it leaves its inbox). */
export const isForwardAway = (e: { type: string; fromStatus: ComplaintStatus | null }) =>
  e.type === 'forwarded' && e.fromStatus !== null && heldStatuses.includes(e.fromStatus);

/** Who holds a complaint after this event, where it moves it: a forward names the agency, a return nobody (undefined: it stays where it was). */
export function holderAfter(e: { type: string; agencyId: number | null }): number | null | undefined {
  if (e.type === 'forwarded') return e.agencyId;
  if (e.type === 'returned') return null;
  return undefined;
}

export function topicsForEvent(e: {
  type: string;
  visibility: EventVisibility;
  complaintCode: string;
  complaintAgencyId: number | null;
  eventAgencyId: number | null;
  /** For a forward away from an agency: the agency that held the complaint until then. */
  previousAgencyId?: number | null;
}): LiveTopic[] {
  const topics = new Set<LiveTopic>(['moderation']);
  if (e.complaintAgencyId !== null) topics.add(`agency:${e.complaintAgencyId}`);
  // The agency that returned or lost a complaint hears that it left its inbox.
  if (e.eventAgencyId !== null) topics.add(`agency:${e.eventAgencyId}`);
  if (e.previousAgencyId != null) topics.add(`agency:${e.previousAgencyId}`);
  // A complaint's page hears of what happens after it was filed: its first event is committed
  // before anyone knows its code, so every page load already shows it (and no object is
  // woken for a topic nobody can be listening to yet).
  if (e.visibility === 'public' && e.type !== 'submitted') topics.add(`complaint:${e.complaintCode}`);
  return [...topics];
}

/** May this viewer listen to the topic? Complaint topics are checked by the caller. */
export function mayListen(viewer: Viewer, topic: LiveTopic): boolean {
  if (topic === 'moderation') return viewer.kind === 'staff' && viewer.role !== 'agency';
  if (topic.startsWith('agency:')) {
    if (viewer.kind !== 'staff') return false;
    return viewer.role !== 'agency' || `agency:${viewer.agencyId}` === topic;
  }
  return false;
}
