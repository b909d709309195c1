// One error shape for the whole API (DESIGN.md): every failure leaves through `ApiError`.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode, ErrorIssue } from '../domain/api';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
};

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details?: ErrorIssue[];
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: ErrorIssue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(statusOf[code], { message, cause: opts.cause });
    this.code = code;
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export const notFound = (what = 'Resource') => new ApiError('not_found', `${what} not found`);

export function errorResponse(c: Context, err: ApiError): Response {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details?.length ? { details: err.details } : {}),
      requestId: c.get('requestId'),
    },
  };
  // An answer about this request (its id, a limit, a photo not yet public) is kept by no cache,
  // whatever the route had set before it failed.
  return c.json(body, err.status as ContentfulStatusCode, { ...err.headers, 'Cache-Control': 'no-store' });
}

/** Maps anything thrown in a handler onto the one error shape. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof HTTPException) {
    // Hono's own exceptions (e.g. a body-limit or a malformed JSON body).
    const code = (Object.entries(statusOf).find(([, s]) => s === err.status)?.[0] ??
      (err.status >= 500 ? 'internal' : 'validation_failed')) as ErrorCode;
    return new ApiError(code, err.message || 'Request refused', { cause: err });
  }
  return new ApiError('internal', 'Internal error', { cause: err });
}
