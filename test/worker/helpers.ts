import { exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { ErrorBody, ErrorCode } from '../../worker/domain/api';

/** A request to the Worker as a client would send it. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(`https://ntbcare.test${path}`, init));
}

export async function getJson<T>(path: string): Promise<{ res: Response; body: T }> {
  const res = await call(path);
  return { res, body: (await res.json()) as T };
}

/** Asserts the one error shape of DESIGN.md and returns its body. */
export async function expectError(res: Response, status: number, code: ErrorCode): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  // A refusal is about this request: no cache keeps it.
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}
