// Complaints as the public and their reporters see them: the tracking view, the reporter's
// comments, the photos and the public feed (DESIGN.md, "API").
import {
  TRACKING_TOKEN_HEADER,
  type ComplaintView,
  type CommentRequest,
  type FeedResponse,
  type TimelineEvent,
} from '../../../worker/domain/api';
import type { ComplaintStatus } from '../../../worker/domain/vocabulary';
import { ApiError, request } from './client';

const tokenHeaders = (token: string | null | undefined): HeadersInit =>
  token ? { [TRACKING_TOKEN_HEADER]: token } : {};

const complaintPath = (code: string) => `/api/complaints/${encodeURIComponent(code)}`;

/**
 * With the reporter's token the view also holds their details (`viewerIsReporter`). The
 * public's view may be a few seconds old (the Worker shares it for a moment); `fresh` asks
 * for it as it is now, as a live update must.
 */
export const getComplaint = (code: string, token?: string | null, options: { fresh?: boolean } = {}) =>
  request<ComplaintView>(complaintPath(code), {
    headers: { ...tokenHeaders(token), ...(options.fresh ? { 'Cache-Control': 'no-cache' } : {}) },
  });

export const postComment = (code: string, token: string, body: string) =>
  request<TimelineEvent>(`${complaintPath(code)}/comments`, {
    method: 'POST',
    headers: tokenHeaders(token),
    body: JSON.stringify({ body } satisfies CommentRequest),
  });

/** `POST /api/complaints/:code/confirm` body: the reporter says a resolved complaint is fixed. */
export interface ConfirmRequest {
  version: number;
  /** 1 to 5. */
  rating: number;
  comment: string | null;
}

/** `POST /api/complaints/:code/reopen` body: the reporter says it is not (reason ≥ 5 characters). */
export interface ReopenRequest {
  version: number;
  reason: string;
}

/** The complaint closes with the reporter's rating → the closed `ComplaintView`; 409 when stale. */
export const confirmResolved = (code: string, token: string, body: ConfirmRequest) =>
  request<ComplaintView>(`${complaintPath(code)}/confirm`, {
    method: 'POST',
    headers: tokenHeaders(token),
    body: JSON.stringify(body),
  });

/** Back to the same agency (`in_progress`) → the reopened `ComplaintView`; 409 when stale. */
export const reopenComplaint = (code: string, token: string, body: ReopenRequest) =>
  request<ComplaintView>(`${complaintPath(code)}/reopen`, {
    method: 'POST',
    headers: tokenHeaders(token),
    body: JSON.stringify(body),
  });

/**
 * A photo as a Blob, for the photos of a confidential complaint: they need the token header,
 * which an `<img src>` cannot send.
 */
export async function getPhotoBlob(url: string, token: string | null): Promise<Blob> {
  let response: Response;
  try {
    response = await globalThis.fetch(url, { headers: tokenHeaders(token) });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const code = response.status === 404 ? 'not_found' : 'bad_response';
    throw new ApiError(response.status, code, `Photo answered ${response.status}`);
  }
  return response.blob();
}

export interface FeedQuery {
  category?: string;
  regency?: string;
  status?: ComplaintStatus;
  /** Only complaints with coordinates, for the map. */
  pinned?: boolean;
  cursor?: string;
  limit?: number;
}

/** `/api/complaints?…` with the parameters in a fixed order and empty ones left out. */
export function feedPath(query: FeedQuery): string {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.regency) params.set('regency', query.regency);
  if (query.status) params.set('status', query.status);
  if (query.pinned) params.set('pinned', 'true');
  if (query.cursor) params.set('cursor', query.cursor);
  if (query.limit) params.set('limit', String(query.limit));
  const search = params.toString();
  return search ? `/api/complaints?${search}` : '/api/complaints';
}

export const getFeed = (query: FeedQuery) => request<FeedResponse>(feedPath(query));
