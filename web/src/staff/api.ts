// What staff pages ask of the Worker: the session and the moderators' desk (DESIGN.md, "API").
// The session cookie is HttpOnly and same-origin, so `fetch` sends it without help.
import type {
  ActionResponse,
  AgencyTextActionRequest,
  CorrectRequest,
  DuplicateRequest,
  ForwardRequest,
  MeResponse,
  ModerationQueueResponse,
  OverdueResponse,
  RejectRequest,
} from '../../../worker/domain/api';
import { request } from '../api/client';

const post = <T>(path: string, body?: unknown) =>
  request<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

export const getMe = () => request<MeResponse>('/api/auth/me');

export const login = (username: string, password: string) =>
  post<MeResponse>('/api/auth/login', { username, password });

export const logout = () => post<void>('/api/auth/logout');

/** The API's largest page: a morning's backlog on one screen. */
export const QUEUE_PAGE = 100;

export function getModerationQueue(cursor: string | null) {
  const params = new URLSearchParams({ limit: String(QUEUE_PAGE) });
  if (cursor) params.set('cursor', cursor);
  return request<ModerationQueueResponse>(`/api/moderation/queue?${params}`);
}

/** Complaints agencies hold past due, most overdue first. */
export function getOverdue(cursor: string | null) {
  const params = new URLSearchParams({ limit: String(QUEUE_PAGE) });
  if (cursor) params.set('cursor', cursor);
  return request<OverdueResponse>(`/api/moderation/overdue?${params}`);
}

const action = (code: string, name: string) => `/api/complaints/${encodeURIComponent(code)}/${name}`;

export const forwardComplaint = (code: string, body: ForwardRequest) =>
  post<ActionResponse>(action(code, 'forward'), body);

export const rejectComplaint = (code: string, body: RejectRequest) =>
  post<ActionResponse>(action(code, 'reject'), body);

export const markDuplicate = (code: string, body: DuplicateRequest) =>
  post<ActionResponse>(action(code, 'duplicate'), body);

/** An internal note: the agency holding the complaint and the moderators read it, never the public. */
export const addNote = (code: string, body: AgencyTextActionRequest) =>
  post<ActionResponse>(action(code, 'note'), body);

export const correctComplaint = (code: string, body: CorrectRequest) =>
  post<ActionResponse>(action(code, 'correct'), body);
