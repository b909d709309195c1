// What the agency inbox asks of the Worker (DESIGN.md, "API"): the inbox with its cursor, what
// happened since an event id, and the agency's actions on one complaint.
import type { ComplaintView, InboxEventsResponse, InboxResponse } from '../../../worker/domain/api';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import { request } from '../api/client';

/** One screen of work; the rest loads on request. */
export const INBOX_PAGE = 50;

export function getInbox(status: ComplaintStatus | null, cursor: string | null = null) {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (cursor) params.set('cursor', cursor);
  params.set('limit', String(INBOX_PAGE));
  return request<InboxResponse>(`/api/inbox?${params}`);
}

export const getInboxEvents = (since: number) =>
  request<InboxEventsResponse>(`/api/inbox/events?since=${since}`);

export type AgencyAction =
  | { kind: 'acknowledge' }
  | { kind: 'respond' | 'note' | 'resolve'; body: string }
  | { kind: 'return'; reason: string };
export type AgencyActionKind = AgencyAction['kind'];
export const agencyActionKinds: readonly AgencyActionKind[] = ['acknowledge', 'respond', 'note', 'resolve', 'return'];

/** Sends an action in the name of the version the user saw (a stale one gets 409). */
export function sendAgencyAction(code: string, action: AgencyAction, version: number): Promise<ComplaintView> {
  const { kind, ...rest } = action;
  return request<ComplaintView>(`/api/complaints/${encodeURIComponent(code)}/${kind}`, {
    method: 'POST',
    body: JSON.stringify({ version, ...rest }),
  });
}
