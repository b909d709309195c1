// The one way the client talks to the Worker: JSON in, JSON out, and every failure as an
// ApiError that carries the API's error body (DESIGN.md, "API").
import type {
  ErrorBody,
  ErrorCode,
  ErrorIssue,
  MetaResponse,
  RegionChildrenResponse,
} from '../../../worker/domain/api';

/** The API's own codes, plus the two ways a request fails before the API answers. */
export type ApiErrorCode = ErrorCode | 'network' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ErrorIssue[] = [],
    /** Seconds to wait before trying again, from a 429's `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 3G request that has not answered in this long will not; let the user retry. */
const TIMEOUT_MS = 30_000;

function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as ErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** A `Retry-After` header in seconds (our Worker sends whole seconds, at least 1). */
const retryAfterSeconds = (header: string | null) => Number(header) || undefined;

/** The ApiError for a response that was not the success expected. */
export function apiErrorFrom(status: number, body: unknown, retryAfter: string | null): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, 'bad_response', `Unexpected ${status} response`);
  const { code, message, details } = body.error;
  return new ApiError(status, code, message, details, retryAfterSeconds(retryAfter));
}

export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  if (init.body !== undefined && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }
  let response: Response;
  try {
    // Read `fetch` at call time, so tests can replace the global.
    response = await globalThis.fetch(path, {
      ...init,
      headers,
      signal: init.signal ?? AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T; // No Content, e.g. after signing out
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body !== undefined) return body as T;
  throw apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
}

export const getMeta = () => request<MetaResponse>('/api/meta');

export const getRegionChildren = (code: string) =>
  request<RegionChildrenResponse>(`/api/regions/${encodeURIComponent(code)}`);
